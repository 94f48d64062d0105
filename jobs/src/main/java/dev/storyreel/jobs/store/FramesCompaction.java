package dev.storyreel.jobs.store;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * Rewrites a film's committed frames files into as few files as its bytes need (at most
 * {@code targetBytes} each), optionally keeping only the slots a plan still wants; crash-safe
 * through {@link FramesCommit}'s staged outputs and intent. Runs inside a Spark task, one film per
 * call, streaming rows (one frame in memory at a time).
 */
public final class FramesCompaction {

    /** What a film's rewrite did. */
    public record Outcome(String film, int filesBefore, int filesAfter, long rowsKept, long rowsDropped)
            implements Serializable {
    }

    /** A planned slot's shot key and frame count: what a kept slot must hold exactly. */
    public record Want(String shotKey, int frames) implements Serializable {
    }

    private FramesCompaction() {
    }

    /** Files a film of this many bytes should have: one per {@code targetBytes}, at least one. */
    public static int filesFor(long bytes, long targetBytes) {
        return (int) Math.max(1, (bytes + targetBytes - 1) / targetBytes);
    }

    /**
     * Compacts one film. With {@code keep} (slot "variant/scene/shot" → wanted key and frames) the
     * rewrite keeps only slots holding exactly the wanted key with each frame once, and always runs;
     * without it, runs only when the film has more files than its bytes need.
     */
    public static Outcome compact(OutputStore store, String film, long targetBytes, Map<String, Want> keep) {
        List<FramesCommit.TableFile> inputs = FramesCommit.files(store, film);
        long bytes = inputs.stream().mapToLong(FramesCommit.TableFile::bytes).sum();
        if (inputs.isEmpty() || (keep == null && inputs.size() <= filesFor(bytes, targetBytes))) {
            return new Outcome(film, inputs.size(), inputs.size(), 0, 0);
        }
        Survey survey = keep == null ? null : survey(store, inputs, keep);
        if (survey != null && survey.clean() && inputs.size() <= filesFor(bytes, targetBytes)) {
            return new Outcome(film, inputs.size(), inputs.size(), 0, 0);
        }
        Set<String> good = survey == null ? null : survey.good();
        List<String> names = inputs.stream().map(FramesCommit.TableFile::path).toList();
        String id = FramesCommit.fileName("c", names).replace(".parquet", "");
        String stagingDir = FramesCommit.stagingDir(id + "-" + UUID.randomUUID());
        List<FramesCommit.Move> outputs = new ArrayList<>();
        long kept = 0;
        long dropped = 0;
        try {
            java.nio.file.Path scratch = Files.createTempDirectory("storyreel-compact-");
            try {
                Set<String> seen = new HashSet<>();
                FrameFileWriter out = null;
                java.nio.file.Path local = null;
                for (FramesCommit.TableFile in : inputs) {
                    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                            new org.apache.hadoop.fs.Path(store.resolve(in.path()).toUri())).withConf(store.conf()).build()) {
                        for (Group g = reader.read(); g != null; g = reader.read()) {
                            FrameRow r = row(g);
                            String slot = r.variant() + "/" + r.scene() + "/" + r.shot();
                            if ((good != null && !good.contains(slot)) || !seen.add(slot + "/" + r.frame())) {
                                dropped++;
                                continue;
                            }
                            if (out != null && out.dataBytes() >= targetBytes) {
                                out.close();
                                outputs.add(stage(store, local, stagingDir, film, id, outputs.size()));
                                out = null;
                            }
                            if (out == null) {
                                local = scratch.resolve(outputs.size() + ".parquet");
                                out = new FrameFileWriter(local);
                            }
                            out.write(r);
                            kept++;
                        }
                    }
                }
                if (out != null) {
                    out.close();
                    outputs.add(stage(store, local, stagingDir, film, id, outputs.size()));
                }
            } finally {
                try (var files = Files.walk(scratch)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact the frames of " + film, e);
        }
        FramesCommit.Intent intent = new FramesCommit.Intent(film, names, outputs);
        FramesCommit.commitIntent(store, intent, id);
        FramesCommit.apply(store, intent, id);
        store.delete(store.resolve(stagingDir));
        return new Outcome(film, inputs.size(), outputs.size(), kept, dropped);
    }

    private static FramesCommit.Move stage(OutputStore store, java.nio.file.Path local, String stagingDir, String film,
                                           String id, int index) {
        String name = id + "-" + index + ".parquet";
        String staged = stagingDir + "/" + name + ".staged";
        store.publishMoving(local, store.resolve(staged));
        return new FramesCommit.Move(staged, FramesCommit.filmDir(film) + "/" + name);
    }

    /** The slots worth keeping, and whether the files hold nothing else (no other slot, key or duplicate row). */
    record Survey(Set<String> good, boolean clean) {
    }

    /** Slots holding exactly their wanted key, with frames 0..n-1 each present (duplicates allowed, dropped later). */
    static Survey survey(OutputStore store, List<FramesCommit.TableFile> inputs, Map<String, Want> keep) {
        Map<String, Set<Integer>> frames = new HashMap<>();
        Set<String> wrongKey = new HashSet<>();
        long rows = 0;
        org.apache.parquet.schema.MessageType keys = org.apache.parquet.schema.MessageTypeParser.parseMessageType("""
                message keys {
                  required binary variant (STRING);
                  required int32 scene;
                  required int32 shot;
                  required int32 frame;
                  required binary shot_key (STRING);
                }""");
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(store.conf());
        conf.set(org.apache.parquet.hadoop.api.ReadSupport.PARQUET_READ_SCHEMA, keys.toString());
        for (FramesCommit.TableFile in : inputs) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                    new org.apache.hadoop.fs.Path(store.resolve(in.path()).toUri())).withConf(conf).build()) {
                for (Group g = reader.read(); g != null; g = reader.read()) {
                    rows++;
                    String slot = g.getString("variant", 0) + "/" + g.getInteger("scene", 0) + "/" + g.getInteger("shot", 0);
                    Want w = keep.get(slot);
                    if (w == null || !w.shotKey().equals(g.getString("shot_key", 0))) {
                        wrongKey.add(slot);
                    } else {
                        frames.computeIfAbsent(slot, k -> new HashSet<>()).add(g.getInteger("frame", 0));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + in.path(), e);
            }
        }
        Set<String> good = new HashSet<>();
        frames.forEach((slot, f) -> {
            Want w = keep.get(slot);
            if (!wrongKey.contains(slot) && f.size() == w.frames() && f.stream().allMatch(i -> i >= 0 && i < w.frames())) {
                good.add(slot);
            }
        });
        long goodRows = good.stream().mapToLong(slot -> frames.get(slot).size()).sum();
        return new Survey(good, wrongKey.isEmpty() && good.size() == frames.size() && goodRows == rows);
    }

    private static FrameRow row(Group g) {
        return new FrameRow(g.getString("variant", 0), g.getInteger("scene", 0), g.getInteger("shot", 0),
                g.getInteger("frame", 0), g.getInteger("film_frame", 0), g.getString("shot_key", 0),
                g.getInteger("width", 0), g.getInteger("height", 0), g.getString("codec", 0),
                g.getBinary("data", 0).getBytes(), g.getString("device", 0));
    }
}
