package dev.storyreel.jobs.stage;

import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.catalogue.FilmFailure;
import dev.storyreel.jobs.run.Failures;
import dev.storyreel.jobs.run.FilmStatus;
import dev.storyreel.jobs.run.Progress;
import dev.storyreel.jobs.run.RunReport;
import dev.storyreel.jobs.run.SoundOptions;
import dev.storyreel.jobs.run.SoundReport;
import dev.storyreel.jobs.store.AudioTable;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.sound.FilmSound;
import dev.storyreel.sound.SpottedLine;
import dev.storyreel.sound.voice.Voice;
import dev.storyreel.sound.voice.VoiceEngine;
import dev.storyreel.sound.voice.VoiceEngines;
import dev.storyreel.trailer.TrailerCut;
import dev.storyreel.trailer.TrailerCutter;
import dev.storyreel.variant.VariantPlan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import static org.apache.spark.sql.functions.col;

/**
 * The sound stage: casts every film's voices, spots each deliverable's lines, synthesises the lines the
 * {@code audio/} table lacks (Spark tasks, keyed by content: a rerun synthesises nothing), then mixes
 * every film variant and trailer in Spark tasks fed the table's rows in line order, normalises it to
 * the loudness target, muxes the AAC soundtrack into the MP4 and writes the stems beside it.
 */
public final class SoundStage {
    private static final StructType NEEDS = new StructType()
            .add("mix_id", DataTypes.IntegerType, false)
            .add("idx", DataTypes.IntegerType, false)
            .add("need_key", DataTypes.StringType, true);
    /** The screenplays' own language. */
    public static final String SCREENPLAY_LANGUAGE = "en";
    private static final List<String> STEMS = List.of("dialogue", "music", "ambience");

    private SoundStage() {
    }

    /**
     * What the stage did.
     *
     * @param linesSynthesised lines synthesised this run
     * @param linesReused      lines found in the audio table
     * @param linesTimeScaled  lines time-scaled to fit their shots (all deliverables)
     * @param speechSeconds    seconds of speech synthesised this run
     * @param synthSeconds     seconds the engine took for them
     * @param films            by film file ({@link RunLayout#film})
     * @param trailers         the trailers, with failed mixes marked
     * @param failures         films whose soundtrack could not be made
     * @param estimate         spoken seconds over the plan's shot seconds for every mixed line (1: exact)
     */
    public record Result(long linesSynthesised, long linesReused, long linesTimeScaled, double speechSeconds,
                         double synthSeconds, Map<String, SoundReport> films, List<RunReport.Trailer> trailers,
                         List<FilmFailure> failures, double estimate) {
    }

    public static Result run(SparkSession spark, OutputStore store, List<VariantPlan> made,
                             Map<String, Map<String, String>> translations, List<CatalogueEntry> entries,
                             List<RunReport.Trailer> trailers, SoundOptions options, Progress progress) {
        List<FilmFailure> failures = new ArrayList<>();
        VoiceEngine engine;
        try {
            engine = VoiceEngines.open(options.voiceEngine());
        } catch (IOException | RuntimeException e) {
            made.stream().map(v -> v.plan().filmId()).distinct().forEach(id ->
                    failures.add(new FilmFailure(id, "sound", 0, Failures.rootMessage(e))));
            return new Result(0, 0, 0, 0, 0, Map.of(), trailers, failures, 0);
        }
        Map<String, Long> seeds = new LinkedHashMap<>();
        entries.forEach(e -> seeds.put(e.filmId(), e.seed()));
        Map<String, List<FilmPlan>> byFilm = new LinkedHashMap<>();
        made.forEach(v -> byFilm.computeIfAbsent(v.plan().filmId(), k -> new ArrayList<>()).add(v.plan()));
        Map<String, Map<String, Voice>> casts = new LinkedHashMap<>();
        byFilm.forEach((id, plans) -> casts.put(id, FilmSound.cast(seeds.getOrDefault(id, 0L), engine, plans)));

        List<SoundWork.Mix> mixes = new ArrayList<>();
        Map<String, SoundReport> films = new LinkedHashMap<>();
        for (VariantPlan v : made) {
            FilmPlan p = v.plan();
            String lang = v.spec().language();
            String dub = null;
            String spoken = SCREENPLAY_LANGUAGE;
            String text = null;
            if (!lang.isEmpty()) {
                text = translations.getOrDefault(p.filmId(), Map.of()).get(lang);
                if (text == null) {
                    dub = "not dubbed: no translation into '" + lang + "'";
                } else if (engine.speaks(lang)) {
                    dub = lang;
                    spoken = lang;
                } else {
                    text = null;
                    dub = "not dubbed: voice engine " + engine.name() + " does not speak '" + lang + "' (subtitles only)";
                }
            }
            String file = RunLayout.film(p.filmId(), p.variant());
            Map<String, String> stems = new LinkedHashMap<>();
            Map<String, String> stemPaths = new LinkedHashMap<>();
            for (String s : STEMS) {
                stems.put(s, RunLayout.stem(p.filmId(), p.variant(), s));
                stemPaths.put(s, store.resolve(stems.get(s)).toString());
            }
            Map<String, Voice> cast = casts.get(p.filmId());
            films.put(file, new SoundReport(stems, voices(cast), dub));
            mixes.add(new SoundWork.Mix(mixes.size(), p.filmId(), store.resolve(file).toString(), stemPaths, p, null,
                    seeds.getOrDefault(p.filmId(), 0L), cast, spoken, text, options.loudness()));
        }
        Map<Integer, Integer> trailerMix = new LinkedHashMap<>();
        for (int i = 0; i < trailers.size(); i++) {
            RunReport.Trailer t = trailers.get(i);
            if (t.status() != FilmStatus.OK) {
                continue;
            }
            FilmPlan source = byFilm.getOrDefault(t.filmId(), List.of()).stream()
                    .filter(p -> p.variant().equals(t.fromVariant())).findFirst().orElse(null);
            if (source == null) {
                continue;
            }
            List<TrailerCut> cuts = TrailerCutter.cut(source, t.targetS());
            Map<String, String> stemPaths = new LinkedHashMap<>();
            STEMS.forEach(s -> stemPaths.put(s, store.resolve(RunLayout.trailerStem(t.filmId(), s)).toString()));
            trailerMix.put(mixes.size(), i);
            mixes.add(new SoundWork.Mix(mixes.size(), t.filmId(), store.resolve(RunLayout.trailer(t.filmId())).toString(),
                    stemPaths, null, List.copyOf(cuts), seeds.getOrDefault(t.filmId(), 0L), Map.of(), SCREENPLAY_LANGUAGE,
                    null, options.loudness()));
        }

        // Lines by key, in deliverable order; the rows each mix needs, in line order.
        Map<String, SoundWork.Line> lines = new LinkedHashMap<>();
        List<Row> needs = new ArrayList<>();
        for (SoundWork.Mix m : mixes) {
            needs.add(RowFactory.create(m.id(), -1, null));
            List<SpottedLine> spotted = m.sound().lines();
            for (int i = 0; i < spotted.size(); i++) {
                String key = spotted.get(i).request().key(engine.version());
                lines.putIfAbsent(key, new SoundWork.Line(key, spotted.get(i).request()));
                needs.add(RowFactory.create(m.id(), i, key));
            }
        }
        Set<String> present = AudioTable.keys(spark, store);
        List<SoundWork.Line> missing = lines.values().stream().filter(l -> !present.contains(l.key())).toList();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Map<String, String> lineErrors = new LinkedHashMap<>();
        if (!missing.isEmpty()) {
            Progress.Counters c = progress.start("voices", missing.size(), 0);
            int parts = Math.max(1, Math.min(missing.size(), jsc.defaultParallelism() * 2));
            String name = options.voiceEngine();
            JavaRDD<SoundWork.Synthesised> done = jsc.parallelize(missing, parts)
                    .mapPartitions(it -> SoundWork.synthesise(it, name, c.shots()))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                done.filter(s -> s.error() != null).collect().forEach(s -> lineErrors.put(s.key(), s.error()));
                JavaRDD<Row> rows = done.filter(s -> s.error() == null).map(SoundWork.Synthesised::row);
                AudioTable.append(spark, store, spark.createDataFrame(rows, AudioTable.SCHEMA));
            } finally {
                done.unpersist(false);
            }
            progress.advance(missing.size(), 0);
            progress.finish();
        }
        double[] secs = AudioTable.seconds(spark, store, missing.stream().map(SoundWork.Line::key).toList());

        // Mix: each mix's rows, joined with their audio, streamed to its task in line order.
        Map<Integer, String> mixErrors = new LinkedHashMap<>();
        long scaled = 0;
        long mixedLines = 0;
        double maxTempo = 1;
        double spokenSum = 0;
        double estimatedSum = 0;
        Progress.Counters mc = progress.start("mix", mixes.size(), 0);
        if (!mixes.isEmpty()) {
            Dataset<Row> audio = lines.isEmpty() ? null : AudioTable.read(spark, store)
                    .where(col("key").isin(new ArrayList<>(lines.keySet()).toArray()))
                    .dropDuplicates("key").select("key", "sample_rate", "pcm");
            Dataset<Row> need = spark.createDataFrame(needs, NEEDS);
            Dataset<Row> joined = audio == null
                    ? need.selectExpr("mix_id", "idx", "cast(null as int) as sample_rate", "cast(null as binary) as pcm")
                    : need.join(audio, need.col("need_key").equalTo(audio.col("key")), "left_outer")
                            .select(col("mix_id"), col("idx"), col("sample_rate"), col("pcm"));
            Broadcast<List<SoundWork.Mix>> all = jsc.broadcast(List.copyOf(mixes));
            String root = store.root().toString();
            int parts = Math.max(1, Math.min(mixes.size(), jsc.defaultParallelism() * 2));
            for (SoundWork.Mixed m : joined.repartition(parts, col("mix_id")).sortWithinPartitions("mix_id", "idx")
                    .toJavaRDD().mapPartitions(rows -> SoundWork.mixPartition(rows, all.value(), root, mc.shots()))
                    .collect()) {
                if (m.error() != null) {
                    mixErrors.put(m.id(), m.error());
                } else {
                    scaled += m.timeScaled();
                    mixedLines += m.lines();
                    maxTempo = Math.max(maxTempo, m.maxTempo());
                    spokenSum += m.spoken();
                    estimatedSum += m.estimated();
                }
            }
            progress.advance(mixes.size(), 0);
        }
        progress.finish();
        progress.note("sound", String.format(java.util.Locale.ROOT, "%d lines synthesised, %d reused (%.1f s of speech in "
                + "%.1f s); %d lines mixed: spoken %.1f s for %.1f s of planned dialogue shots (ratio %.2f), %d time-scaled "
                + "to fit (up to x%.2f)", missing.size() - lineErrors.size(), lines.size() - missing.size(), secs[0], secs[1],
                mixedLines, spokenSum, estimatedSum, estimatedSum > 0 ? spokenSum / estimatedSum : 0, scaled, maxTempo));
        for (SoundWork.Mix m : mixes) {
            String error = mixErrors.get(m.id());
            if (error != null && m.plan() != null) {
                String why = m.sound().lines().stream().map(l -> lineErrors.get(l.request().key(engine.version())))
                        .filter(java.util.Objects::nonNull).findFirst().orElse(error);
                failures.add(new FilmFailure(m.filmId(), "sound", 0, why));
            }
        }
        List<RunReport.Trailer> outTrailers = new ArrayList<>(trailers);
        trailerMix.forEach((mixId, index) -> {
            String error = mixErrors.get(mixId);
            RunReport.Trailer t = trailers.get(index);
            if (error != null) {
                outTrailers.set(index, new RunReport.Trailer(t.filmId(), t.fromVariant(), t.targetS(), FilmStatus.FAILED,
                        null, 0, 0, 0, error));
            }
        });
        return new Result(missing.size() - lineErrors.size(), lines.size() - missing.size(), scaled, secs[0], secs[1],
                films, outTrailers, failures, estimatedSum > 0 ? spokenSum / estimatedSum : 0);
    }

    private static Map<String, Map<String, Object>> voices(Map<String, Voice> cast) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        cast.forEach((who, v) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("engine", v.engine());
            m.put("voice", v.name());
            m.put("pitch", v.pitch());
            m.put("rate_wpm", v.rate());
            out.put(who, m);
        });
        return out;
    }
}
