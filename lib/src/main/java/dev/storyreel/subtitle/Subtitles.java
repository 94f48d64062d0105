package dev.storyreel.subtitle;

import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.variant.BeatScore;
import java.util.ArrayList;
import java.util.List;

/**
 * A film's subtitles from its plan: one speech per dialogue shot, timed from the shot's start frame and
 * length. With a translation, a speech spread over several consecutive shots becomes one speech with
 * the translated text. Each speech becomes one or more cues laid out by {@link SubtitleLayout}. Also
 * writes the cues as SubRip and WebVTT.
 */
public final class Subtitles {
    private Subtitles() {
    }

    /**
     * The cues of a film; {@code names} prefixes each line with its speaker ("MARTA: ..."). Each speech
     * is laid out by {@link SubtitleLayout#standard()} (wrapped lines, two per cue, long speeches split).
     */
    public static List<Cue> of(FilmPlan plan, boolean names, Translation translation) {
        List<Cue> out = new ArrayList<>();
        List<PlannedShot> shots = plan.shots();
        int fps = shots.isEmpty() ? 1 : shots.get(0).spec().fps();
        for (int i = 0; i < shots.size(); i++) {
            PlannedShot s = shots.get(i);
            if (!BeatScore.isDialogue(s.spec()) || s.spec().caption().isBlank()) {
                continue;
            }
            String translated = translation.line(s.sourceLine());
            int end = s.startFrame() + s.frames();
            String text;
            if (translated != null) {
                // The whole speech: this and the following shots of the same cue.
                while (i + 1 < shots.size() && shots.get(i + 1).sourceLine() == s.sourceLine()
                        && BeatScore.isDialogue(shots.get(i + 1).spec())) {
                    i++;
                    end = shots.get(i).startFrame() + shots.get(i).frames();
                }
                text = names && s.spec().kind() != ShotKind.TWO_SHOT ? s.spec().speaker() + ": " + translated : translated;
            } else {
                text = names && s.spec().kind() != ShotKind.TWO_SHOT ? s.spec().speaker() + ": " + s.spec().caption()
                        : s.spec().caption();
            }
            out.add(new Cue(millis(s.startFrame(), fps), millis(end, fps), text.strip()));
        }
        return SubtitleLayout.standard().layout(out, millis(plan.frames(), fps));
    }

    /** Milliseconds of a frame index at {@code fps}, rounded to the nearest. */
    public static long millis(long frame, int fps) {
        return Math.round(frame * 1000.0 / fps);
    }

    /** SubRip text (UTF-8, '\n' line ends). */
    public static String srt(List<Cue> cues) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cues.size(); i++) {
            Cue c = cues.get(i);
            b.append(i + 1).append('\n').append(time(c.startMs(), ',')).append(" --> ").append(time(c.endMs(), ','))
                    .append('\n').append(c.text()).append("\n\n");
        }
        return b.toString();
    }

    /** WebVTT text. */
    public static String vtt(List<Cue> cues) {
        StringBuilder b = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < cues.size(); i++) {
            Cue c = cues.get(i);
            b.append(i + 1).append('\n').append(time(c.startMs(), '.')).append(" --> ").append(time(c.endMs(), '.'))
                    .append('\n').append(c.text().replace("-->", "->")).append("\n\n");
        }
        return b.toString();
    }

    /** hh:mm:ss,mmm (SRT) or hh:mm:ss.mmm (WebVTT). */
    static String time(long ms, char sep) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60,
                ms / 1000 % 60, sep, ms % 1000);
    }
}
