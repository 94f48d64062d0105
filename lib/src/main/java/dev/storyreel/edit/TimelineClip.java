package dev.storyreel.edit;

/**
 * One clip of an editorial timeline: a whole shot clip placed at a record frame.
 *
 * @param name        the clip's name, e.g. "SC01SH02"
 * @param reel        the source reel (CMX3600: at most 8 of [A-Za-z0-9_])
 * @param media       the shot clip's path or URL, as the timeline should reference it
 * @param recordStart first frame of the clip in the film
 * @param frames      the clip's length in frames
 */
public record TimelineClip(String name, String reel, String media, long recordStart, int frames) {

    public TimelineClip {
        if (!reel.matches("[A-Za-z0-9_]{1,8}")) {
            throw new IllegalArgumentException("reel name must be 1-8 of [A-Za-z0-9_]: " + reel);
        }
        if (frames < 1 || recordStart < 0) {
            throw new IllegalArgumentException("bad clip timing: " + recordStart + "+" + frames);
        }
    }

    /** The conventional clip and reel name of a film's shot: SC01SH02 (scene 0 is the title card). */
    public static String shotName(int scene, int shot) {
        return String.format(java.util.Locale.ROOT, "SC%02dSH%02d", scene, shot);
    }
}
