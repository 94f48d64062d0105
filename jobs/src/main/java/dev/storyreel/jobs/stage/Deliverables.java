package dev.storyreel.jobs.stage;

import dev.storyreel.assemble.EncoderSettings;
import dev.storyreel.edit.Edl;
import dev.storyreel.edit.Otio;
import dev.storyreel.edit.TimelineClip;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.subtitle.Cue;
import dev.storyreel.subtitle.Subtitles;
import dev.storyreel.subtitle.Translation;
import dev.storyreel.variant.VariantPlan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * The small files next to every film variant's MP4: subtitles ({@code .srt}, {@code .vtt}, also muxed
 * into the MP4 by the assemble stage) and editorial timelines ({@code .edl} CMX3600, {@code .otio}
 * OpenTimelineIO) whose clips reference the shot segments. Written on the driver.
 */
public final class Deliverables {
    private final Map<String, VariantPlan> byFile = new LinkedHashMap<>();
    private final Map<String, List<Cue>> cues = new LinkedHashMap<>();
    private final EncoderSettings encoder;
    private boolean stems;

    public Deliverables(List<VariantPlan> variants, Map<String, Map<String, String>> translations, boolean names,
                 EncoderSettings encoder) {
        this.encoder = encoder;
        for (VariantPlan v : variants) {
            String file = RunLayout.film(v.plan().filmId(), v.plan().variant());
            String lang = v.spec().language();
            Translation t = lang.isEmpty() ? Translation.none() : Translation.parse(lang,
                    translations.getOrDefault(v.plan().filmId(), Map.of()).getOrDefault(lang, ""));
            byFile.put(file, v);
            cues.put(file, Subtitles.of(v.plan(), names, t));
        }
    }

    /** SubRip text and language of every variant with dialogue, by film file. */
    public Map<String, SegmentWork.Captions> captions() {
        Map<String, SegmentWork.Captions> out = new LinkedHashMap<>();
        cues.forEach((file, c) -> {
            if (!c.isEmpty()) {
                out.put(file, new SegmentWork.Captions(Subtitles.srt(c), iso639_2(byFile.get(file).spec().language())));
            }
        });
        return out;
    }

    /** The files delivered next to a variant's MP4, by kind, relative to the output root. */
    public Map<String, String> files(FilmPlan plan) {
        String base = base(RunLayout.film(plan.filmId(), plan.variant()));
        Map<String, String> out = new LinkedHashMap<>();
        if (!cues.getOrDefault(RunLayout.film(plan.filmId(), plan.variant()), List.of()).isEmpty()) {
            out.put("srt", base + ".srt");
            out.put("vtt", base + ".vtt");
        }
        out.put("edl", base + ".edl");
        out.put("otio", base + ".otio");
        return out;
    }

    /** Writes the subtitles and timelines of these (successfully made) variants. */
    public void write(OutputStore store, List<VariantPlan> made) {
        for (VariantPlan v : made) {
            String file = RunLayout.film(v.plan().filmId(), v.plan().variant());
            String base = base(file);
            List<Cue> c = cues.get(file);
            if (c != null && !c.isEmpty()) {
                store.publish(Subtitles.srt(c).getBytes(StandardCharsets.UTF_8), store.resolve(base + ".srt"));
                store.publish(Subtitles.vtt(c).getBytes(StandardCharsets.UTF_8), store.resolve(base + ".vtt"));
            }
            List<TimelineClip> clips = timeline(v.plan(), file);
            int fps = encoder.fps();
            String title = v.plan().title() + " (" + v.plan().variant() + ")";
            store.publish(Edl.write(title, fps, clips).getBytes(StandardCharsets.UTF_8), store.resolve(base + ".edl"));
            store.publish(Otio.write(title, fps, clips, stems ? stemClips(v.plan(), file) : List.of())
                    .getBytes(StandardCharsets.UTF_8), store.resolve(base + ".otio"));
        }
    }

    /** Whether the films get sound stems (the timelines then carry an audio track per stem). */
    public void stems(boolean on) {
        this.stems = on;
    }

    /** One clip per sound stem, the whole film long, referencing the WAV relative to the timeline's folder. */
    private static List<TimelineClip> stemClips(FilmPlan plan, String filmFile) {
        String up = "../".repeat((int) filmFile.chars().filter(ch -> ch == '/').count());
        List<TimelineClip> out = new ArrayList<>();
        for (String stem : List.of("dialogue", "music", "ambience")) {
            out.add(new TimelineClip(stem, "A" + (out.size() + 1),
                    up + RunLayout.stem(plan.filmId(), plan.variant(), stem), 0, plan.frames()));
        }
        return out;
    }

    /** One clip per shot, referencing its segment relative to the timeline's folder. */
    public List<TimelineClip> timeline(FilmPlan plan, String filmFile) {
        String up = "../".repeat((int) filmFile.chars().filter(ch -> ch == '/').count());
        List<TimelineClip> out = new ArrayList<>();
        for (PlannedShot s : plan.shots()) {
            String name = TimelineClip.shotName(s.scene(), s.shot());
            String reel = name.length() <= 8 ? name : s.shotKey().substring(0, 8);
            out.add(new TimelineClip(name, reel, up + RunLayout.segment(SegmentWork.segmentName(s, encoder)),
                    s.startFrame(), s.frames(), s.spec().direction() == null ? null : s.spec().direction().transitionIn()));
        }
        return out;
    }

    private static String base(String mp4) {
        return mp4.substring(0, mp4.length() - ".mp4".length());
    }

    /** The ISO 639-2 code MP4 language tags use ("fr" → "fra"); "" when unknown. */
    public static String iso639_2(String language) {
        if (language.isEmpty()) {
            return "";
        }
        try {
            return Locale.forLanguageTag(language).getISO3Language();
        } catch (MissingResourceException e) {
            return "";
        }
    }
}
