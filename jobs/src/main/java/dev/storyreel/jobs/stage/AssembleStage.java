package dev.storyreel.jobs.stage;

import dev.storyreel.jobs.run.Progress;
import dev.storyreel.jobs.store.FramesTable;
import dev.storyreel.jobs.store.OutputStore;
import static org.apache.spark.sql.functions.col;

import dev.storyreel.assemble.EncoderSettings;
import dev.storyreel.assemble.SegmentJoiner;
import dev.storyreel.assemble.ShotEncoder;
import dev.storyreel.assemble.SubtitleMuxer;
import dev.storyreel.variant.VariantSpec;
import dev.storyreel.catalogue.FilmFailure;
import dev.storyreel.frames.FrameCodec;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlannedShot;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Stage 3, the reduce: encodes each shot's frames into an H.264 segment (in parallel, one shot
 * in memory at most one frame at a time), then joins each film's segments into
 * {@code films/<film_id>.mp4} by packet copy, without re-encoding. Segments are named by shot key
 * and encoder settings, so a rerun encodes only what is new.
 */
public final class AssembleStage {

    /** One encoded segment, or why it could not be encoded. */
    public record Segment(String shotKey, long frames, String error) implements Serializable {
    }

    /**
     * A film to join: its segments in screen order and where the MP4 goes; {@code srt} (may be null)
     * is muxed in as a mov_text stream tagged {@code language} (ISO 639-2, "" for none).
     */
    public record Join(String filmId, List<String> segments, String target, long frames, String srt, String language)
            implements Serializable {
        Join(String filmId, List<String> segments, String target, long frames) {
            this(filmId, segments, target, frames, null, "");
        }
    }

    /** Subtitles to mux into a film: SubRip text and its language (ISO 639-2, "" for none). */
    public record Captions(String srt, String language) implements Serializable {
    }

    /** A joined film, or why it could not be joined. */
    public record Joined(String filmId, long frames, String error) implements Serializable {
    }

    /** What the stage did. */
    public record Result(int segmentsEncoded, List<FilmFailure> failures) {
    }

    private AssembleStage() {
    }

    public static String segmentName(String shotKey, EncoderSettings settings) {
        return shotKey + "-" + settings.id() + ".mp4";
    }

    public static Result run(SparkSession spark, OutputStore store, List<FilmPlan> plans, EncoderSettings settings,
                      Progress progress) {
        return run(spark, store, plans, settings, Map.of(), progress);
    }

    /** The segment of a shot: the run's encoder settings at the shot's own frame size (variants differ). */
    public static String segmentName(PlannedShot s, EncoderSettings settings) {
        return segmentName(s.shotKey(), sized(settings, s.spec().width(), s.spec().height()));
    }

    public static EncoderSettings sized(EncoderSettings s, int width, int height) {
        return new EncoderSettings(width, height, s.fps(), s.preset(), s.crf());
    }

    /** As above; {@code captions} by film file (see {@link #filmFile(FilmPlan)}) are muxed into the films. */
    public static Result run(SparkSession spark, OutputStore store, List<FilmPlan> plans, EncoderSettings settings,
                      Map<String, Captions> captions, Progress progress) {
        List<FilmFailure> failures = new ArrayList<>();
        Set<String> present = new HashSet<>(store.list(store.resolve("segments")));
        // One slot per missing key: the frames of a key shared by several slots are encoded once.
        Map<String, PlannedShot> missing = new LinkedHashMap<>();
        for (FilmPlan plan : plans) {
            for (PlannedShot s : plan.shots()) {
                if (!present.contains(segmentName(s, settings))) {
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
                for (Segment s : encode(spark, store, missing, settings, encodeCounters)) {
                    if (s.error() != null) {
                        segmentErrors.put(s.shotKey(), s.error());
                    } else {
                        encoded++;
                    }
                }
            } catch (RuntimeException e) {
                // The encode job itself failed (after Spark's retries): its films fail, the rest go on.
                missing.keySet().forEach(k -> segmentErrors.put(k, "encoding failed: " + RenderStage.rootMessage(e)));
            }
            progress.advance(missing.size(), missingFrames);
        }
        progress.finish();

        List<Join> joins = new ArrayList<>();
        for (FilmPlan plan : plans) {
            String error = plan.shots().stream().map(s -> segmentErrors.get(s.shotKey()))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (error != null) {
                failures.add(new FilmFailure(plan.filmId(), "encode", 0, error));
                continue;
            }
            List<String> segs = plan.shots().stream()
                    .map(s -> store.resolve("segments/" + segmentName(s, settings)).toString()).toList();
            Captions c = captions.get(filmFile(plan));
            joins.add(new Join(plan.filmId(), segs, store.resolve(filmFile(plan)).toString(), plan.frames(),
                    c == null ? null : c.srt(), c == null ? "" : c.language()));
        }
        Progress.Counters joinCounters = progress.start("join", joins.size(), joins.stream().mapToLong(Join::frames).sum());
        if (!joins.isEmpty()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            String root = store.root().toString();
            for (Joined j : jsc.parallelize(joins, joins.size()).map(join -> {
                Joined joined = joinFilm(root, join);
                joinCounters.shots().add(1);
                joinCounters.frames().add(joined.frames());
                return joined;
            }).collect()) {
                if (j.error() != null) {
                    failures.add(new FilmFailure(j.filmId(), "join", 0, j.error()));
                }
            }
            progress.advance(joins.size(), joins.stream().mapToLong(Join::frames).sum());
        }
        progress.finish();
        return new Result(encoded, failures);
    }

    /** The film's MP4, relative to the output root. */
    public static String filmFile(String filmId) {
        return "films/" + filmId + ".mp4";
    }

    /**
     * A variant's MP4, relative to the output root: {@code films/<film_id>.mp4} for the main variant
     * (the run's own settings), {@code films/<film_id>/<variant>.mp4} for the others.
     */
    public static String filmFile(String filmId, String variant) {
        return VariantSpec.MAIN_ID.equals(variant) ? filmFile(filmId) : "films/" + filmId + "/" + variant + ".mp4";
    }

    public static String filmFile(FilmPlan plan) {
        return filmFile(plan.filmId(), plan.variant());
    }

    private static List<Segment> encode(SparkSession spark, OutputStore store, Map<String, PlannedShot> missing,
                                        EncoderSettings settings, Progress.Counters counters) {
        Dataset<Row> frames = FramesTable.rowsOf(spark, store.resolve("frames").toString(), missing.values())
                .select("shot_key", "frame", "width", "height", "codec", "data");
        int partitions = Math.max(1, Math.min(missing.size(), spark.sparkContext().defaultParallelism() * 4));
        String root = store.root().toString();
        return frames.repartition(partitions, col("shot_key"))
                .sortWithinPartitions("shot_key", "frame")
                .toJavaRDD()
                .mapPartitions(rows -> encodePartition(rows, root, settings, counters))
                .collect();
    }

    /** Encodes the sorted frames of a partition shot by shot; each finished segment is published at once. */
    public static Iterator<Segment> encodePartition(Iterator<Row> rows, String root, EncoderSettings settings,
                                             Progress.Counters counters) throws IOException {
        OutputStore store = OutputStore.onExecutor(root);
        List<Segment> out = new ArrayList<>();
        Path scratch = Files.createTempDirectory("storyreel-encode-");
        try {
            String key = null;
            ShotEncoder encoder = null;
            Path local = null;
            int expected = 0;
            String error = null;
            while (rows.hasNext()) {
                Row r = rows.next();
                String k = r.getString(0);
                if (!k.equals(key)) {
                    if (key != null) {
                        out.add(finish(store, key, encoder, local, expected, error));
                        counters.shot();
                    }
                    key = k;
                    expected = 0;
                    error = null;
                    local = scratch.resolve(segmentName(k, sized(settings, r.getInt(2), r.getInt(3))));
                    encoder = new ShotEncoder(local, sized(settings, r.getInt(2), r.getInt(3)));
                }
                if (error != null) {
                    continue;
                }
                int frame = r.getInt(1);
                if (frame != expected) {
                    error = "shot " + k + ": frame " + expected + " missing or duplicated in the frames table (found " + frame + ")";
                    continue;
                }
                expected++;
                encoder.write(FrameCodec.named(r.getString(4)).decode(r.getAs(5), r.getInt(2), r.getInt(3)));
                counters.frame();
            }
            if (key != null) {
                out.add(finish(store, key, encoder, local, expected, error));
                counters.shot();
            }
        } finally {
            deleteTree(scratch);
        }
        return out.iterator();
    }

    private static Segment finish(OutputStore store, String key, ShotEncoder encoder, Path local, int frames,
                                  String error) throws IOException {
        encoder.close();
        if (error != null) {
            return new Segment(key, frames, error);
        }
        store.publish(local, store.resolve("segments/" + local.getFileName()));
        Files.deleteIfExists(local);
        return new Segment(key, frames, null);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Joins one film: segments fetched locally when remote, the MP4 published atomically. */
    public static Joined joinFilm(String root, Join join) {
        OutputStore store = OutputStore.onExecutor(root);
        try {
            Path scratch = Files.createTempDirectory("storyreel-join-");
            try {
                List<Path> local = new ArrayList<>();
                for (String s : join.segments()) {
                    local.add(store.local(new org.apache.hadoop.fs.Path(s), scratch));
                }
                Path mp4 = scratch.resolve(join.filmId() + ".mp4");
                SegmentJoiner.Result r = new SegmentJoiner().join(local, mp4);
                if (r.frames() != join.frames()) {
                    return new Joined(join.filmId(), r.frames(), "joined film has " + r.frames() + " frames, plan says " + join.frames());
                }
                if (join.srt() != null && !join.srt().isEmpty()) {
                    Path srt = Files.writeString(scratch.resolve("subtitles.srt"), join.srt());
                    Path muxed = scratch.resolve(join.filmId() + "-subtitled.mp4");
                    new SubtitleMuxer().mux(mp4, srt, muxed, join.language());
                    mp4 = muxed;
                }
                store.publish(mp4, new org.apache.hadoop.fs.Path(join.target()));
                return new Joined(join.filmId(), r.frames(), null);
            } finally {
                deleteTree(scratch);
            }
        } catch (IOException | RuntimeException e) {
            return new Joined(join.filmId(), 0, "cannot join film: " + RenderStage.rootMessage(e));
        }
    }
}
