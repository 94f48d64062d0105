package dev.storyreel.edit;

import dev.storyreel.shot.Transition;

/**
 * One clip of an editorial timeline: a whole shot clip placed at a record frame.
 *
 * @param name        the clip's name, e.g. "SC01SH02"
 * @param reel        the source reel (CMX3600: at most 8 of [A-Za-z0-9_])
 * @param media       the shot clip's path or URL, as the timeline should reference it
 * @param recordStart first frame of the clip in the film
 * @param frames      the clip's length in frames
 * @param transitionIn how the clip begins: a cut, or a dissolve or fade the director planned
 */
public record TimelineClip(String name, String reel, String media, long recordStart, int frames,
                           Transition transitionIn) {

    /** A clip that begins with a cut. */
    public TimelineClip(String name, String reel, String media, long recordStart, int frames) {
        this(name, reel, media, recordStart, frames, Transition.CUT);
    }

    /** Whether the clip begins with a dissolve or fade (cuts of every kind are plain cuts on a timeline). */
    public boolean blends() {
        return transitionIn == Transition.DISSOLVE || transitionIn == Transition.FADE_IN
                || transitionIn == Transition.FADE_FROM_BLACK;
    }

    /** Frames of the clip's transition: half a second, at most half the clip. */
    public int transitionFrames(int fps) {
        return blends() ? Math.max(1, Math.min(fps / 2, frames / 2)) : 0;
    }

    public TimelineClip {
        transitionIn = transitionIn == null ? Transition.CUT : transitionIn;
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
