package dev.storyreel.sound;

import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.shot.CastMember;
import dev.storyreel.shot.Setting;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import dev.storyreel.sound.mix.FilmMixer;
import dev.storyreel.sound.mix.SceneSpan;
import dev.storyreel.sound.score.Composer;
import dev.storyreel.sound.score.CueSpec;
import dev.storyreel.sound.score.TimedMessage;
import dev.storyreel.sound.voice.Casting;
import dev.storyreel.sound.voice.Voice;
import dev.storyreel.sound.voice.VoiceEngine;
import dev.storyreel.subtitle.Translation;
import dev.storyreel.trailer.TrailerCut;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one deliverable's soundtrack is made of, from its plan: its length in samples, the ambience
 * spans, the spotted lines and the score. A film variant's comes from its own shots (a cut-down is
 * re-cut at its shot boundaries); a trailer's from its cuts, with its own cue hitting on the closing
 * title card.
 *
 * @param samples samples per channel at the mix rate (the picture's exact length)
 * @param scenes  ambience spans in order
 * @param lines   lines sorted by start
 * @param score   the music
 */
public record FilmSound(long samples, List<SceneSpan> scenes, List<SpottedLine> lines, List<TimedMessage> score) {
    private static final int RATE = FilmMixer.RATE;

    /** The soundtrack of a film variant spoken in {@code language}, {@code dub} its translation (null: own words). */
    public static FilmSound of(FilmPlan plan, long filmSeed, Map<String, Voice> cast, String language, Translation dub) {
        List<PlannedShot> shots = plan.shots();
        int fps = shots.get(0).spec().fps();
        long samples = samples(plan.frames(), fps);
        List<SceneSpan> scenes = new ArrayList<>();
        List<CueSpec> cues = new ArrayList<>();
        int runStart = 0;
        for (int i = 1; i <= shots.size(); i++) {
            if (i == shots.size() || shots.get(i).scene() != shots.get(runStart).scene()) {
                PlannedShot first = shots.get(runStart);
                PlannedShot last = shots.get(i - 1);
                int endFrame = last.startFrame() + last.frames();
                scenes.add(new SceneSpan(samples(first.startFrame(), fps), samples(endFrame, fps), first.spec().setting()));
                double start = first.startFrame() / (double) fps;
                double end = endFrame / (double) fps;
                double mean = (end - start) / (i - runStart);
                ShotSpec s = first.spec();
                cues.add(new CueSpec(start, end, s.setting().timeOfDay(), s.setting().exposure() != Setting.Exposure.INT,
                        s.style(), mean));
                runStart = i;
            }
        }
        List<SpottedLine> lines = new ArrayList<>(DialogueSpotting.spot(shots, cast, language, dub, RATE));
        lines.sort(Comparator.comparingLong(SpottedLine::startSample));
        double seconds = plan.frames() / (double) fps;
        return new FilmSound(samples, scenes, lines, Composer.film(filmSeed, cues, seconds));
    }

    /** A trailer's soundtrack: ambience under each cut, its own cue hitting on the closing title card, no lines. */
    public static FilmSound trailer(List<TrailerCut> cuts, long filmSeed) {
        int fps = cuts.get(0).shot().spec().fps();
        List<SceneSpan> scenes = new ArrayList<>();
        int frame = 0;
        int lastStart = 0;
        for (TrailerCut c : cuts) {
            scenes.add(new SceneSpan(samples(frame, fps), samples(frame + c.frames(), fps), c.shot().spec().setting()));
            lastStart = frame;
            frame += c.frames();
        }
        TrailerCut close = cuts.get(cuts.size() - 1);
        double hit = close.shot().spec().kind() == ShotKind.TITLE ? lastStart / (double) fps
                : Math.max(0.5, frame / (double) fps - 2.0);
        String style = cuts.get(0).shot().spec().style();
        return new FilmSound(samples(frame, fps), scenes, List.of(),
                Composer.trailer(filmSeed, style, hit, frame / (double) fps));
    }

    /** Samples at the mix rate in {@code frames} frames at {@code fps}. */
    public static long samples(long frames, int fps) {
        return Math.round(frames * (double) RATE / fps);
    }

    /**
     * Casts a film's speaking characters from all its variants' plans (every variant casts the same):
     * roles in order of first line in the longest variant, descriptors from the plan's cast where the
     * director wrote them, co-speakers per scene kept apart.
     */
    public static Map<String, Voice> cast(long filmSeed, VoiceEngine engine, List<FilmPlan> variants) {
        FilmPlan longest = variants.stream().max(Comparator.comparingInt(p -> p.shots().size())).orElseThrow();
        Map<String, String> descriptors = new LinkedHashMap<>();
        Set<String> order = new LinkedHashSet<>();
        Map<Integer, Set<String>> scenes = new LinkedHashMap<>();
        for (PlannedShot p : longest.shots()) {
            ShotSpec s = p.spec();
            if (s.direction() != null) {
                for (CastMember m : s.direction().cast()) {
                    descriptors.putIfAbsent(m.name(), m.descriptor());
                }
            }
            List<String> speakers = new ArrayList<>();
            if (!s.speaker().isEmpty()) {
                speakers.add(s.speaker());
            } else if (s.kind() == ShotKind.TWO_SHOT) {
                for (String row : s.caption().split("\n")) {
                    int colon = row.indexOf(": ");
                    if (colon > 0) {
                        speakers.add(row.substring(0, colon).strip());
                    }
                }
            }
            for (String who : speakers) {
                order.add(who);
                scenes.computeIfAbsent(p.scene(), k -> new LinkedHashSet<>()).add(who);
            }
        }
        List<Casting.Role> roles = order.stream().map(n -> new Casting.Role(n, descriptors.getOrDefault(n, ""))).toList();
        return Casting.cast(filmSeed, engine.name(), engine.voices(), roles, scenes.values());
    }
}
