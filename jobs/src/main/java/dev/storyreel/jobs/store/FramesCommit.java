package dev.storyreel.jobs.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * The frames table's commit protocol. A frames file becomes part of the table only by being
 * published whole, under its final name, into {@code frames/film_id=<film>/}: locally a rename on
 * the same disk, on S3 a completed upload (or server-side copy), so a reader or a later run sees a
 * file entirely or not at all. Names derive from the file's content (its film, slots and shot keys),
 * so a retried or speculative task publishes the same name again instead of a second copy. Work in
 * progress lives only under {@code _frames-work/} beside the table, outside every reader's glob
 * (DuckDB's {@code frames/**}/*.parquet matches {@code _}- and {@code .}-prefixed entries too),
 * and is discarded by {@link #recover}. A rewrite of committed files (compaction, dropping stale
 * shots) stages its outputs there, then publishes an intent naming outputs and inputs — the commit
 * point — then applies it; {@link #recover} finishes any intent a crash interrupted, so the table
 * never keeps both the inputs and the outputs of a rewrite past the next run's start.
 */
public final class FramesCommit {
    private static final String TABLE = RunLayout.FRAMES;
    private static final String STAGING = RunLayout.FRAMES_STAGING;
    private static final String INTENTS = RunLayout.FRAMES_INTENTS;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A rewrite: staged outputs to publish under their final names, then inputs to delete. */
    public record Intent(String film, List<String> inputs, List<Move> outputs) {
    }

    /** One staged output and its final path (both relative to the output root). */
    public record Move(String staged, String target) {
    }

    private FramesCommit() {
    }

    /** The folder of a film's committed frames files, relative to the output root. */
    public static String filmDir(String filmId) {
        return RunLayout.framesOf(filmId);
    }

    /** Whether a file name is a committed frames file (not a hidden, staging or checksum file). */
    public static boolean isTableFile(String name) {
        return name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_");
    }

    /** A content-derived file name: the same slots and keys always give the same name. */
    public static String fileName(String prefix, List<String> identities) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String s : identities) {
                md.update(s.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return prefix + "-" + HexFormat.of().formatHex(md.digest(), 0, 16) + ".parquet";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A task's private staging folder on the store (its name carries the task attempt). */
    public static String stagingDir(String attempt) {
        return RunLayout.framesStaging(attempt);
    }

    /**
     * Publishes a finished local frames file as {@code frames/film_id=<film>/<name>}: atomic on a
     * local disk (moved when on the same disk, else copied beside the target and renamed) and on S3
     * (the object appears when its upload completes). The local file is consumed.
     */
    public static void publish(OutputStore store, java.nio.file.Path local, String filmId, String name) {
        store.publishMoving(local, store.resolve(filmDir(filmId) + "/" + name));
    }

    /** Writes the intent of a rewrite: from here on the rewrite will complete, now or at the next start. */
    public static void commitIntent(OutputStore store, Intent intent, String id) {
        try {
            store.publish(JSON.writeValueAsBytes(intent), store.resolve(RunLayout.framesIntent(id)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Applies an intent (idempotent: every step may have run before): each staged output still
     * present replaces its target, then every input is deleted, then the intent.
     */
    public static void apply(OutputStore store, Intent intent, String id) {
        for (Move m : intent.outputs()) {
            Path staged = store.resolve(m.staged());
            if (store.exists(staged)) {
                store.replace(staged, store.resolve(m.target()));
            }
        }
        for (String input : intent.inputs()) {
            store.delete(store.resolve(input));
        }
        store.delete(store.resolve(RunLayout.framesIntent(id)));
    }

    /**
     * Run before anything reads the table: finishes every committed rewrite, then deletes all
     * staging leftovers of killed runs (task files never published, rewrites never committed) and
     * the legacy Spark committer's {@code frames/_temporary}. Returns the intents finished.
     */
    public static int recover(OutputStore store) {
        int done = 0;
        for (String name : store.list(store.resolve(INTENTS))) {
            if (!name.endsWith(".json")) {
                continue;
            }
            String id = name.substring(0, name.length() - ".json".length());
            Intent intent;
            try {
                intent = JSON.readValue(OutputStore.readAll(store.resolve(INTENTS + "/" + name), store.conf()), Intent.class);
            } catch (IOException e) {
                // Intents are published whole: an unreadable one was never committed.
                store.delete(store.resolve(INTENTS + "/" + name));
                continue;
            }
            apply(store, intent, id);
            done++;
        }
        store.delete(store.resolve(STAGING));
        store.delete(store.resolve(RunLayout.FRAMES_LEGACY_TEMPORARY));
        for (String film : store.listDirs(store.resolve(TABLE))) {
            for (String f : store.list(store.resolve(TABLE + "/" + film))) {
                if (f.startsWith(".") && f.endsWith(".part")) {
                    store.delete(store.resolve(TABLE + "/" + film + "/" + f));
                }
            }
        }
        return done;
    }

    /**
     * After a stage whose tasks all finished: deletes the staging folder, and the work folder when
     * no intent is left in it (an intent left by a failed rewrite stays for the next start).
     */
    public static void cleanUp(OutputStore store) {
        store.delete(store.resolve(STAGING));
        if (store.list(store.resolve(INTENTS)).isEmpty()) {
            store.delete(store.resolve(RunLayout.FRAMES_WORK));
        }
    }

    /**
     * Writes {@code frames/_SUCCESS} once a render has committed and compacted: JSON naming this protocol
     * as the table's committer and listing these films' committed files (sorted), the summary Hadoop's
     * committers leave for tools that check a table is complete. Replaced whole; readers of
     * {@code frames/**}/*.parquet never see it.
     */
    public static void writeSummary(OutputStore store, List<String> films) {
        java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("committer", "storyreel-frames-commit");
        doc.put("protocol", "each render task publishes content-named files whole; rewrites publish an intent, then apply it");
        List<String> files = new ArrayList<>();
        films.stream().distinct().sorted().forEach(f -> files(store, f).forEach(t -> files.add(t.path())));
        doc.put("filenames", files);
        try {
            store.publish(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc), store.resolve(TABLE + "/_SUCCESS"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Committed frames files of a film (relative paths, sorted by name) with their sizes. */
    public static List<TableFile> files(OutputStore store, String filmId) {
        List<TableFile> out = new ArrayList<>();
        for (OutputStore.Entry e : store.listFiles(store.resolve(filmDir(filmId)))) {
            if (isTableFile(e.name())) {
                out.add(new TableFile(filmDir(filmId) + "/" + e.name(), e.length()));
            }
        }
        out.sort(java.util.Comparator.comparing(TableFile::path));
        return out;
    }

    /** A committed frames file: path relative to the output root, and its size in bytes. */
    public record TableFile(String path, long bytes) {
    }
}
