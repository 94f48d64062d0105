package dev.storyreel.jobs.stage;

import dev.storyreel.assemble.EncoderSettings;
import dev.storyreel.assemble.SegmentJoiner;
import dev.storyreel.assemble.ShotEncoder;
import dev.storyreel.assemble.SubtitleMuxer;
import dev.storyreel.frames.FrameCodec;
import dev.storyreel.jobs.run.Failures;
import dev.storyreel.jobs.run.Progress;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.plan.PlannedShot;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;

/**
 * Segment work shared by the stages that make MP4s (assembly, trailers, dataset): naming a shot's
 * segment, encoding sorted frame rows into segments on executors, and joining segments into a film.
 */
public final class SegmentWork {

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

    private SegmentWork() {
    }

    public static String segmentName(String shotKey, EncoderSettings settings) {
        return shotKey + "-" + settings.id() + ".mp4";
    }

    /** The segment of a shot: the run's encoder settings at the shot's own frame size (variants differ). */
    public static String segmentName(PlannedShot s, EncoderSettings settings) {
        return segmentName(s.shotKey(), sized(settings, s.spec().width(), s.spec().height()));
    }

    public static EncoderSettings sized(EncoderSettings s, int width, int height) {
        return new EncoderSettings(width, height, s.fps(), s.preset(), s.crf());
    }

    /**
     * Encodes the sorted frames of a partition shot by shot (rows with the columns {@code shot_key,
     * frame, width, height, codec, data}, read by name); each finished segment is published at once.
     */
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
                String k = r.getAs("shot_key");
                int width = r.getAs("width");
                int height = r.getAs("height");
                if (!k.equals(key)) {
                    if (key != null) {
                        out.add(finish(store, key, encoder, local, expected, error));
                        counters.shot();
                    }
                    key = k;
                    expected = 0;
                    error = null;
                    local = scratch.resolve(segmentName(k, sized(settings, width, height)));
                    encoder = new ShotEncoder(local, sized(settings, width, height));
                }
                if (error != null) {
                    continue;
                }
                int frame = r.getAs("frame");
                if (frame != expected) {
                    error = "shot " + k + ": frame " + expected + " missing or duplicated in the frames table (found " + frame + ")";
                    continue;
                }
                expected++;
                encoder.write(FrameCodec.named(r.<String>getAs("codec")).decode(r.getAs("data"), width, height));
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
        store.publish(local, store.resolve(RunLayout.segment(local.getFileName().toString())));
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
            return new Joined(join.filmId(), 0, "cannot join film: " + Failures.rootMessage(e));
        }
    }
}
