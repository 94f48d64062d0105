package dev.storyreel.edit;

import java.util.List;
import java.util.Locale;

/**
 * Writes a CMX3600 EDL: video cuts, non-drop-frame timecode at an integer frame rate, record times from
 * 01:00:00:00, each event followed by the clip name and source file as comments. A clip that begins with a
 * dissolve is a dissolve event ({@code D} and its length in frames) from the previous reel; a fade from black
 * or fade-in dissolves from the black reel {@code BL}.
 */
public final class Edl {
    /** Record timecode of the film's first frame (one hour, the usual programme start). */
    static final int RECORD_START_HOURS = 1;

    private Edl() {
    }

    /** The EDL text of {@code clips} at {@code fps}. */
    public static String write(String title, int fps, List<TimelineClip> clips) {
        StringBuilder b = new StringBuilder();
        b.append("TITLE: ").append(title.replaceAll("[\\r\\n]+", " ").strip()).append('\n');
        b.append("FCM: NON-DROP FRAME\n\n");
        long recordOffset = (long) RECORD_START_HOURS * 3600 * fps;
        int event = 1;
        String previousReel = "BL";
        for (TimelineClip c : clips) {
            long in = recordOffset + c.recordStart();
            if (c.blends()) {
                String from = c.transitionIn() == dev.storyreel.shot.Transition.DISSOLVE ? previousReel : "BL";
                b.append(String.format(Locale.ROOT, "%03d  %-8s V     C        %s %s %s %s%n", event, from,
                        timecode(0, fps), timecode(0, fps), timecode(in, fps), timecode(in, fps)).replace("\r", ""));
                b.append(String.format(Locale.ROOT, "%03d  %-8s V     D    %03d %s %s %s %s%n", event++, c.reel(),
                        c.transitionFrames(fps), timecode(0, fps), timecode(c.frames(), fps), timecode(in, fps),
                        timecode(in + c.frames(), fps)).replace("\r", ""));
            } else {
                b.append(String.format(Locale.ROOT, "%03d  %-8s V     C        %s %s %s %s%n", event++, c.reel(),
                        timecode(0, fps), timecode(c.frames(), fps), timecode(in, fps),
                        timecode(in + c.frames(), fps)).replace("\r", ""));
            }
            previousReel = c.reel();
            b.append("* FROM CLIP NAME: ").append(c.name()).append('\n');
            b.append("* SOURCE FILE: ").append(c.media()).append("\n\n");
        }
        return b.toString();
    }

    /** HH:MM:SS:FF of a frame count at {@code fps} (non-drop frame). */
    public static String timecode(long frame, int fps) {
        long ff = frame % fps;
        long s = frame / fps;
        return String.format(Locale.ROOT, "%02d:%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60, ff);
    }
}
