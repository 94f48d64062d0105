package dev.storyreel.jobs.stage;

import dev.storyreel.assemble.EncoderSettings;
import dev.storyreel.catalogue.FilmFailure;
import dev.storyreel.jobs.run.Failures;
import dev.storyreel.jobs.run.Progress;
import dev.storyreel.jobs.store.FramesTable;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlannedShot;
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

import static org.apache.spark.sql.functions.col;

/**
 * Stage 3, the reduce: encodes each shot's frames into an H.264 segment (in parallel, one shot
 * in memory at most one frame at a time), then joins each film's segments into
 * {@code films/<film_id>.mp4} by packet copy, without re-encoding. Segments are named by shot key
 * and encoder settings, so a rerun encodes only what is new.
 */
public final class AssembleStage {

    /** What the stage did. */
    public record Result(int segmentsEncoded, List<FilmFailure> failures) {
    }

    private AssembleStage() {
    }

    public static Result run(SparkSession spark, OutputStore store, List<FilmPlan> plans, EncoderSettings settings,
                      Progress progress) {
        return run(spark, store, plans, settings, Map.of(), progress);
    }

    /** As above; {@code captions} by film file (see {@link #filmFile(FilmPlan)}) are muxed into the films. */
    public static Result run(SparkSession spark, OutputStore store, List<FilmPlan> plans, EncoderSettings settings,
                      Map<String, SegmentWork.Captions> captions, Progress progress) {
        List<FilmFailure> failures = new ArrayList<>();
        Set<String> present = new HashSet<>(store.list(store.resolve(RunLayout.SEGMENTS)));
        // One slot per missing key: the frames of a key shared by several slots are encoded once.
        Map<String, PlannedShot> missing = new LinkedHashMap<>();
        for (FilmPlan plan : plans) {
            for (PlannedShot s : plan.shots()) {
                if (!present.contains(SegmentWork.segmentName(s, settings))) {
                    missing.putIfAbsent(s.shotKey(), s);
                }
            }
        }
        long missingFrames = missing.values().stream().mapToLong(PlannedShot::frames).sum();
        Progress.Counters encodeCounters = progress.start("encode", missing.size(), missingFrames);
        Map<String, String> segmentErrors = new LinkedHashMap<>();
        int encoded = 0;
        if (!missing.isEmpty()) {
            try {
                for (SegmentWork.Segment s : encode(spark, store, missing, settings, encodeCounters)) {
                    if (s.error() != null) {
                        segmentErrors.put(s.shotKey(), s.error());
                    } else {
                        encoded++;
                    }
                }
            } catch (RuntimeException e) {
                // The encode job itself failed (after Spark's retries): its films fail, the rest go on.
                missing.keySet().forEach(k -> segmentErrors.put(k, "encoding failed: " + Failures.rootMessage(e)));
            }
            progress.advance(missing.size(), missingFrames);
        }
        progress.finish();

        List<SegmentWork.Join> joins = new ArrayList<>();
        for (FilmPlan plan : plans) {
            String error = plan.shots().stream().map(s -> segmentErrors.get(s.shotKey()))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (error != null) {
                failures.add(new FilmFailure(plan.filmId(), "encode", 0, error));
                continue;
            }
            List<String> segs = plan.shots().stream()
                    .map(s -> store.resolve(RunLayout.segment(SegmentWork.segmentName(s, settings))).toString()).toList();
            SegmentWork.Captions c = captions.get(RunLayout.film(plan.filmId(), plan.variant()));
            joins.add(new SegmentWork.Join(plan.filmId(), segs, store.resolve(RunLayout.film(plan.filmId(), plan.variant())).toString(), plan.frames(),
                    c == null ? null : c.srt(), c == null ? "" : c.language()));
        }
        Progress.Counters joinCounters = progress.start("join", joins.size(), joins.stream().mapToLong(SegmentWork.Join::frames).sum());
        if (!joins.isEmpty()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            String root = store.root().toString();
            for (SegmentWork.Joined j : jsc.parallelize(joins, joins.size()).map(join -> {
                SegmentWork.Joined joined = SegmentWork.joinFilm(root, join);
                joinCounters.shots().add(1);
                joinCounters.frames().add(joined.frames());
                return joined;
            }).collect()) {
                if (j.error() != null) {
                    failures.add(new FilmFailure(j.filmId(), "join", 0, j.error()));
                }
            }
            progress.advance(joins.size(), joins.stream().mapToLong(SegmentWork.Join::frames).sum());
        }
        progress.finish();
        return new Result(encoded, failures);
    }

    private static List<SegmentWork.Segment> encode(SparkSession spark, OutputStore store, Map<String, PlannedShot> missing,
                                        EncoderSettings settings, Progress.Counters counters) {
        Dataset<Row> frames = FramesTable.rowsOf(spark, store.resolve(RunLayout.FRAMES).toString(), missing.values())
                .select("shot_key", "frame", "width", "height", "codec", "data");
        int partitions = Math.max(1, Math.min(missing.size(), spark.sparkContext().defaultParallelism() * 4));
        String root = store.root().toString();
        return frames.repartition(partitions, col("shot_key"))
                .sortWithinPartitions("shot_key", "frame")
                .toJavaRDD()
                .mapPartitions(rows -> SegmentWork.encodePartition(rows, root, settings, counters))
                .collect();
    }

}
