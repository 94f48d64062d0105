package dev.storyreel.sound;

import dev.storyreel.plan.PlannedShot;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import dev.storyreel.sound.voice.Delivery;
import dev.storyreel.sound.voice.LineRequest;
import dev.storyreel.sound.voice.Voice;
import dev.storyreel.subtitle.Translation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Places a film variant's lines on its timeline: every dialogue shot's line starts just after the shot
 * begins and must end before the shot's last frame (a short lead-in and tail keep the cut clean); dual
 * dialogue overlaps, the two voices panned apart; a dubbed variant speaks each speech's translation over
 * the speech's shots.
 */
public final class DialogueSpotting {
    /** Silence before a line inside its shot, seconds. */
    public static final double LEAD_IN = 0.08;
    /** Silence kept between a line's end and the cut, seconds. */
    public static final double TAIL = 0.2;

    private DialogueSpotting() {
    }

    /**
     * The lines of {@code shots} (one variant, in screen order), spoken by {@code cast} in {@code language};
     * {@code translation} is the dub's text (null for the screenplay's own words).
     */
    public static List<SpottedLine> spot(List<PlannedShot> shots, Map<String, Voice> cast, String language,
                                         Translation translation, int sampleRate) {
        List<SpottedLine> out = new ArrayList<>();
        Delivery carried = Delivery.NORMAL;
        int carriedLine = -1;
        for (int i = 0; i < shots.size(); i++) {
            PlannedShot p = shots.get(i);
            ShotSpec s = p.spec();
            double fps = s.fps();
            double start = p.startFrame() / fps;
            double end = (p.startFrame() + s.frames()) / fps;
            if (s.kind() == ShotKind.TWO_SHOT) {
                dual(p, start, end, cast, language, translation, sampleRate, out);
                continue;
            }
            if (s.speaker().isEmpty() || s.caption().isBlank() || !cast.containsKey(s.speaker())) {
                continue;
            }
            if (p.sourceLine() != carriedLine) {
                carried = Delivery.of(s.subcaption());
                carriedLine = p.sourceLine();
            } else if (!s.subcaption().isBlank()) {
                carried = Delivery.of(s.subcaption());
            }
            String text = s.caption();
            String lang = language;
            int last = i;
            if (translation != null) {
                while (last + 1 < shots.size() && shots.get(last + 1).sourceLine() == p.sourceLine()
                        && shots.get(last + 1).spec().speaker().equals(s.speaker())) {
                    last++;
                }
                String dub = translation.line(p.sourceLine());
                if (dub != null) {
                    text = dub.replace('\n', ' ');
                } else {
                    lang = "en";
                    last = i;
                }
                PlannedShot lastShot = shots.get(last);
                end = (lastShot.startFrame() + lastShot.spec().frames()) / fps;
                i = dub != null ? last : i;
            }
            double estimate = end - start;
            out.add(place(new LineRequest(text, cast.get(s.speaker()), lang, carried), start, end, 0.0, estimate,
                    p.scene(), sampleRate));
        }
        return out;
    }

    private static void dual(PlannedShot p, double start, double end, Map<String, Voice> cast, String language,
                             Translation translation, int sampleRate, List<SpottedLine> out) {
        String[] rows = p.spec().caption().split("\n");
        double pan = -0.4;
        double offset = 0.0;
        for (String row : rows) {
            int colon = row.indexOf(": ");
            if (colon <= 0) {
                continue;
            }
            String who = row.substring(0, colon).strip();
            Voice v = cast.get(who);
            if (v == null) {
                continue;
            }
            String text = row.substring(colon + 2).strip();
            String lang = translation != null && pan < 0 && translation.line(p.sourceLine()) != null ? language : "en";
            if (lang.equals(language) && translation != null) {
                text = translation.line(p.sourceLine()).replace('\n', ' ');
            }
            if (translation == null) {
                lang = language;
            }
            out.add(place(new LineRequest(text, v, lang, Delivery.NORMAL), start + offset, end, pan, end - start,
                    p.scene(), sampleRate));
            pan = -pan;
            offset += 0.3;
        }
    }

    private static SpottedLine place(LineRequest r, double start, double end, double pan, double estimate, int scene,
                                     int rate) {
        long from = Math.round((start + LEAD_IN) * rate);
        long to = Math.round((end - TAIL) * rate);
        return new SpottedLine(r, from, Math.max(rate / 4, to - from), pan, estimate, scene);
    }
}
