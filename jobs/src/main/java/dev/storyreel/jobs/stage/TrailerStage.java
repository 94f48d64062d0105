package dev.storyreel.jobs.stage;

import dev.storyreel.assemble.EncoderSettings;
import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.jobs.run.FilmStatus;
import dev.storyreel.jobs.run.Progress;
import dev.storyreel.jobs.run.RunReport;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.jobs.store.Slots;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.trailer.TrailerCut;
import dev.storyreel.trailer.TrailerCutter;
import dev.storyreel.variant.VariantPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

/**
 * Cuts {@code trailers/<film_id>.mp4}: {@link TrailerCutter} picks frame ranges of the film's committed
 * shots, each range is encoded from the frames table into a segment of its own (named by shot key and
 * range, so reruns reuse it), and the segments are joined by packet copy. Nothing is rendered again.
 * A film that cannot give a trailer (too short) reports why; its films are not affected.
 */
public final class TrailerStage {
    private static final StructType TRIMS = Slots.with(
            DataTypes.createStructField("trim_from", DataTypes.IntegerType, false),
            DataTypes.createStructField("trim_frames", DataTypes.IntegerType, false));

    private TrailerStage() {
    }

    /** A frame range's pseudo shot key: its segment is {@code <key>-f<from>-n<frames>-<encoder>.mp4}. */
    public static String trimKey(TrailerCut c) {
        return c.shot().shotKey() + "-f" + c.from() + "-n" + c.frames();
    }

    public static List<RunReport.Trailer> run(SparkSession spark, OutputStore store, List<VariantPlan> made,
                                       List<CatalogueEntry> entries, int defaultSeconds, EncoderSettings enc,
                                       Progress progress) {
        Map<String, FilmPlan> source = new LinkedHashMap<>();
        for (VariantPlan v : made) {
            FilmPlan best = source.get(v.plan().filmId());
            if (best == null || v.plan().frames() > best.frames()) {
                source.put(v.plan().filmId(), v.plan());
            }
        }
        List<RunReport.Trailer> out = new ArrayList<>();
        Map<String, List<TrailerCut>> cuts = new LinkedHashMap<>();
        Map<String, Integer> targets = new LinkedHashMap<>();
        for (CatalogueEntry e : entries) {
            FilmPlan plan = source.get(e.filmId());
            int seconds = seconds(e, defaultSeconds);
            if (plan == null || seconds <= 0) {
                if (plan != null && seconds < 0) {
                    out.add(failed(e.filmId(), plan.variant(), 0, "trailer '" + e.option("trailer") + "' is not a number of seconds"));
                }
                continue;
            }
            try {
                cuts.put(e.filmId(), TrailerCutter.cut(plan, seconds));
                targets.put(e.filmId(), seconds);
            } catch (IllegalArgumentException ex) {
                out.add(failed(e.filmId(), plan.variant(), seconds, ex.getMessage()));
            }
        }
        if (cuts.isEmpty()) {
            return out;
        }
        Map<String, TrailerCut> missing = new LinkedHashMap<>();
        Set<String> present = new HashSet<>(store.list(store.resolve(RunLayout.SEGMENTS)));
        cuts.values().forEach(list -> list.forEach(c -> {
            if (!present.contains(segment(c, enc))) {
                missing.putIfAbsent(trimKey(c), c);
            }
        }));
        long frames = missing.values().stream().mapToLong(TrailerCut::frames).sum();
        Progress.Counters counters = progress.start("trailer", missing.size(), frames);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!missing.isEmpty()) {
            encode(spark, store, missing, enc, counters).forEach(s -> {
                if (s.error() != null) {
                    errors.put(s.shotKey(), s.error());
                }
            });
            progress.advance(missing.size(), frames);
        }
        progress.finish();
        List<SegmentWork.Join> joins = new ArrayList<>();
        for (Map.Entry<String, List<TrailerCut>> e : cuts.entrySet()) {
            List<String> segs = e.getValue().stream().map(c -> store.resolve(RunLayout.segment(segment(c, enc))).toString()).toList();
            long n = e.getValue().stream().mapToLong(TrailerCut::frames).sum();
            joins.add(new SegmentWork.Join(e.getKey(), segs, store.resolve(RunLayout.trailer(e.getKey())).toString(), n));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        String root = store.root().toString();
        Map<String, SegmentWork.Joined> joined = new LinkedHashMap<>();
        for (SegmentWork.Joined j : jsc.parallelize(joins, joins.size()).map(join -> SegmentWork.joinFilm(root, join)).collect()) {
            joined.put(j.filmId(), j);
        }
        for (Map.Entry<String, List<TrailerCut>> e : cuts.entrySet()) {
            String film = e.getKey();
            String variant = source.get(film).variant();
            String error = e.getValue().stream().map(c -> errors.get(trimKey(c))).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(joined.get(film).error());
            long n = e.getValue().stream().mapToLong(TrailerCut::frames).sum();
            if (error != null) {
                out.add(failed(film, variant, targets.get(film), error));
            } else {
                out.add(new RunReport.Trailer(film, variant, targets.get(film), FilmStatus.OK, RunLayout.trailer(film), n,
                        (double) n / enc.fps(), e.getValue().size(), null));
            }
        }
        return out;
    }

    private static String segment(TrailerCut c, EncoderSettings enc) {
        return SegmentWork.segmentName(trimKey(c), SegmentWork.sized(enc, c.shot().spec().width(), c.shot().spec().height()));
    }

    private static List<SegmentWork.Segment> encode(SparkSession spark, OutputStore store, Map<String, TrailerCut> missing,
                                                      EncoderSettings enc, Progress.Counters counters) {
        List<Row> trims = missing.values().stream().map(c -> Slots.row(c.shot(), c.from(), c.frames())).toList();
        List<String> films = missing.values().stream().map(c -> c.shot().filmId()).distinct().toList();
        Dataset<Row> frames = spark.read().parquet(store.resolve(RunLayout.FRAMES).toString())
                .where(col("film_id").isin(films.toArray()))
                .join(broadcast(spark.createDataFrame(trims, TRIMS)), Slots.joinOn())
                .where(col("frame").geq(col("trim_from")).and(col("frame").lt(col("trim_from").plus(col("trim_frames")))))
                .select(concat(col("shot_key"), lit("-f"), col("trim_from").cast("string"), lit("-n"),
                                col("trim_frames").cast("string")).as("shot_key"),
                        col("frame").minus(col("trim_from")).cast("int").as("frame"),
                        col("width"), col("height"), col("codec"), col("data"));
        int partitions = Math.max(1, Math.min(missing.size(), spark.sparkContext().defaultParallelism() * 4));
        String root = store.root().toString();
        return frames.repartition(partitions, col("shot_key"))
                .sortWithinPartitions("shot_key", "frame")
                .toJavaRDD()
                .mapPartitions(rows -> SegmentWork.encodePartition(rows, root, enc, counters))
                .collect();
    }

    /** The row's {@code trailer} column, else the run's default; -1 when the column is not a number. */
    private static int seconds(CatalogueEntry e, int defaultSeconds) {
        String v = e.option("trailer").replaceAll("s$", "");
        if (v.isEmpty()) {
            return defaultSeconds;
        }
        try {
            int n = Integer.parseInt(v);
            return n >= 0 && n <= 600 ? n : -1;
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    private static RunReport.Trailer failed(String film, String variant, int seconds, String error) {
        return new RunReport.Trailer(film, variant, seconds, FilmStatus.FAILED, null, 0, 0, 0, error);
    }
}
