package dev.storyreel.jobs.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A render task's frames files, one per film it writes to, committed together when the task's
 * shots are done ({@link #commit}). Each file is named from the slots and shot keys it holds, so
 * a task attempt that runs again (retry, speculation) publishes the same names. A film whose shot
 * failed is {@link #abort}ed: its partial file is never published.
 */
public final class TaskFrameFiles implements AutoCloseable {
    private final OutputStore store;
    private final Path scratch;
    private final Map<String, Open> open = new TreeMap<>();

    private static final class Open {
        final FrameFileWriter writer;
        final Path local;
        final List<String> slots = new ArrayList<>();
        boolean aborted;

        Open(Path local) {
            this.local = local;
            this.writer = new FrameFileWriter(local);
        }
    }

    /**
     * A new staging folder for this task attempt ({@code kind}, the Spark stage, partition and attempt,
     * a random suffix): executor-local, or under {@code _frames-work/staging/} on a local store.
     */
    public static Path attemptScratch(OutputStore store, String kind) {
        org.apache.spark.TaskContext ctx = org.apache.spark.TaskContext.get();
        String attempt = kind + "-" + (ctx == null ? "local" : ctx.stageId() + "-" + ctx.partitionId() + "-"
                + ctx.attemptNumber()) + "-" + java.util.UUID.randomUUID();
        return store.scratch(FramesCommit.stagingDir(attempt));
    }

    /** Deletes a task attempt's staging folder (what a killed task leaves, {@link FramesCommit#recover} removes). */
    public static void discardScratch(Path scratch) {
        try (java.util.stream.Stream<Path> left = Files.walk(scratch)) {
            left.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (UncheckedIOException | IOException ignored) {
            // the folder is gone already; recover() deletes staging leftovers at the next start anyway
        }
    }

    /** Files are written under {@code scratch} (an executor-local folder) until committed. */
    public TaskFrameFiles(OutputStore store, Path scratch) {
        this.store = store;
        this.scratch = scratch;
    }

    /** Starts a shot in a film's file: its slot and key become part of the file's name. */
    public void beginShot(String film, String variant, int scene, int shot, String shotKey) {
        file(film).slots.add(variant + "/" + scene + "/" + shot + "/" + shotKey);
    }

    /** Writes a frame row into the film's file (ignored once the film is aborted). */
    public void write(String film, FrameRow row) {
        Open f = file(film);
        if (!f.aborted) {
            f.writer.write(row);
        }
    }

    /** Drops the film's file of this task: none of its rows will be committed. */
    public void abort(String film) {
        file(film).aborted = true;
    }

    /** Closes and publishes every film's file that was not aborted; returns the films committed. */
    public List<String> commit() {
        List<String> films = new ArrayList<>();
        for (Map.Entry<String, Open> e : open.entrySet()) {
            Open f = e.getValue();
            f.writer.close();
            if (f.aborted || f.writer.rows() == 0) {
                continue;
            }
            FramesCommit.publish(store, f.local, e.getKey(), FramesCommit.fileName("part", f.slots));
            films.add(e.getKey());
        }
        open.clear();
        return films;
    }

    private Open file(String film) {
        return open.computeIfAbsent(film, k -> new Open(scratch.resolve(open.size() + ".parquet")));
    }

    /** Discards whatever was not committed. */
    @Override
    public void close() {
        for (Open f : open.values()) {
            try {
                f.writer.close();
            } catch (RuntimeException ignored) {
                // already closed or broken: the local file is deleted below either way
            }
            try {
                Files.deleteIfExists(f.local);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        open.clear();
    }
}
