package dev.storyreel.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.storyreel.jobs.store.FrameFileWriter;
import dev.storyreel.jobs.store.FrameRow;
import dev.storyreel.jobs.store.FramesCommit;
import dev.storyreel.jobs.store.FramesCompaction;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.jobs.store.TaskFrameFiles;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frames commit protocol without Spark: what a task publishes, what a killed task or rewrite
 * leaves, and what the next start makes of it, read back with DuckDB's glob (an independent reader)
 * and, for S3, through s3a on an in-process S3 server (where rename is copy + delete).
 */
class FramesCommitTest {
    @TempDir
    Path tmp;

    /** Writes shot {@code shot} (frames 0..n-1, key k{shot}) of film f as one task's commit. */
    private static void task(OutputStore store, String attempt, int... shots) {
        try (TaskFrameFiles files = new TaskFrameFiles(store, store.scratch(RunLayout.framesStaging(attempt)))) {
            for (int shot : shots) {
                files.beginShot("f", "main", 1, shot, "k" + shot);
                for (int i = 0; i < 4; i++) {
                    files.write("f", row(shot, i, "k" + shot));
                }
            }
            files.commit();
        }
    }

    private static FrameRow row(int shot, int frame, String key) {
        return new FrameRow("main", 1, shot, frame, shot * 4 + frame, key, 2, 2, "raw", new byte[] {(byte) shot, (byte) frame},
                "cpu");
    }

    private List<String> rows(Path out) throws Exception {
        return Duck.query("select shot, frame, shot_key, hex(data) from " + Duck.table(out, "frames") + " order by all");
    }

    private static long files(Path out) throws Exception {
        try (Stream<Path> s = Files.walk(out.resolve("frames"))) {
            return s.filter(p -> p.toString().endsWith(".parquet")).count();
        }
    }

    @Test
    void aRetriedTaskPublishesTheSameFileAgainNeverASecondCopy() throws Exception {
        Path out = tmp.resolve("out");
        OutputStore store = new OutputStore(out.toString(), new Configuration());
        task(store, "a1", 1, 2);
        task(store, "a2", 1, 2);   // the same partition again (retry, speculation)
        task(store, "b1", 3);
        assertEquals(2, files(out));
        assertEquals(12, rows(out).size());
        assertEquals(0, Duck.single("select count(*) from (select shot, frame, count(*) c from "
                + Duck.table(out, "frames") + " group by all having c > 1)"));
    }

    @Test
    void aKilledTasksStagingIsNeverReadAndIsDeletedAtTheNextStart() throws Exception {
        Path out = tmp.resolve("out");
        OutputStore store = new OutputStore(out.toString(), new Configuration());
        task(store, "a1", 1);
        // A task killed after writing its file, before publishing it: the file stays in staging.
        Path staged = store.scratch(RunLayout.framesStaging("killed")).resolve("0.parquet");
        try (FrameFileWriter w = new FrameFileWriter(staged)) {
            w.write(row(1, 0, "k1"));
            w.write(row(2, 0, "k2"));
        }
        // DuckDB's glob would match it if it were under frames/ (it reads _- and .-prefixed paths too).
        assertFalse(staged.startsWith(out.resolve("frames")));
        assertEquals(4, rows(out).size());
        assertEquals(0, FramesCommit.recover(store));
        assertFalse(Files.exists(staged));
        assertEquals(4, rows(out).size());
    }

    @Test
    void aRewriteKilledAfterItsIntentIsFinishedAtTheNextStartAndOneKilledBeforeIsForgotten() throws Exception {
        Path out = tmp.resolve("out");
        OutputStore store = new OutputStore(out.toString(), new Configuration());
        task(store, "a", 1);
        task(store, "b", 2);
        task(store, "c", 3);
        List<String> before = rows(out);
        // Kill before the intent: the staged outputs exist, the inputs are the table.
        Path orphan = store.scratch(RunLayout.framesStaging("c-dead")).resolve("c-dead-0.parquet.staged");
        Files.writeString(orphan, "half");
        assertEquals(0, FramesCommit.recover(store));
        assertEquals(3, files(out));
        assertEquals(before, rows(out));

        // Kill after the intent, one output moved, no input deleted yet: the table shows both for a
        // moment (an outside reader may count twice); the next start finishes the rewrite.
        List<FramesCommit.TableFile> inputs = FramesCommit.files(store, "f");
        Path merged = store.scratch(RunLayout.framesStaging("c-x")).resolve("c-x-0.parquet.staged");
        try (FrameFileWriter w = new FrameFileWriter(merged)) {
            for (int shot = 1; shot <= 3; shot++) {
                for (int i = 0; i < 4; i++) {
                    w.write(row(shot, i, "k" + shot));
                }
            }
        }
        FramesCommit.Intent intent = new FramesCommit.Intent("f", inputs.stream().map(FramesCommit.TableFile::path).toList(),
                List.of(new FramesCommit.Move(RunLayout.framesStaging("c-x") + "/c-x-0.parquet.staged",
                        RunLayout.framesOf("f") + "/c-x-0.parquet")));
        FramesCommit.commitIntent(store, intent, "c-x");
        store.replace(store.resolve(intent.outputs().get(0).staged()), store.resolve(intent.outputs().get(0).target()));
        assertEquals(24, rows(out).size());
        assertEquals(1, FramesCommit.recover(store));
        assertEquals(1, files(out));
        assertEquals(before, rows(out));
        assertEquals(0, FramesCommit.recover(store), "finished intents are gone");
    }

    @Test
    void compactionMakesOneFileAndTheStaleRewriteKeepsOnlyWholeCurrentShots() throws Exception {
        Path out = tmp.resolve("out");
        OutputStore store = new OutputStore(out.toString(), new Configuration());
        task(store, "a", 1, 2);
        task(store, "b", 3);
        task(store, "c", 4);
        FramesCompaction.Outcome o = FramesCompaction.compact(store, "f", 1 << 20, null);
        assertEquals(List.of(3, 1), List.of(o.filesBefore(), o.filesAfter()));
        assertEquals(16, rows(out).size());
        assertEquals(0, FramesCompaction.compact(store, "f", 1 << 20, null).rowsKept(), "nothing to do twice");
        // The plan changed: shot 2 has another key now, shot 3 is longer, shot 4 is gone.
        Map<String, FramesCompaction.Want> keep = Map.of(
                "main/1/1", new FramesCompaction.Want("k1", 4),
                "main/1/2", new FramesCompaction.Want("k2-new", 4),
                "main/1/3", new FramesCompaction.Want("k3", 5));
        FramesCompaction.Outcome stale = FramesCompaction.compact(store, "f", 1 << 20, keep);
        assertEquals(List.of(4L, 12L), List.of(stale.rowsKept(), stale.rowsDropped()));
        assertEquals(List.of("1"), Duck.query("select distinct shot from " + Duck.table(out, "frames")));
        try (Stream<Path> staging = Files.list(out.resolve(RunLayout.FRAMES_STAGING))) {
            // Only this test's task folders ("a", "b", "c"): each rewrite removed its own staging.
            assertEquals(List.of("a", "b", "c"), staging.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(List.of(), store.list(store.resolve(RunLayout.FRAMES_INTENTS)));
    }

    @Test
    void onS3ARetriedTaskAddsNothingAndARewriteKilledAfterItsIntentIsFinishedByCopyAndDelete() throws Exception {
        String key = "frames-test";
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try (BlobStoreContext blobs = ContextBuilder.newBuilder("transient").credentials(key, secret)
                .build(BlobStoreContext.class)) {
            S3Proxy proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, key, secret).ignoreUnknownHeaders(true).build();
            proxy.start();
            try {
                blobs.getBlobStore().createContainerInLocation(null, "films");
                Configuration conf = new Configuration();
                conf.set("fs.s3a.endpoint", "http://127.0.0.1:" + proxy.getPort());
                conf.set("fs.s3a.path.style.access", "true");
                conf.set("fs.s3a.endpoint.region", "us-east-1");
                conf.set("fs.s3a.connection.ssl.enabled", "false");
                conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
                conf.set("fs.s3a.access.key", key);
                conf.set("fs.s3a.secret.key", secret);
                OutputStore store = new OutputStore("s3a://films/out", conf);
                task(store, "a", 1);
                task(store, "a-retry", 1);
                task(store, "b", 2);
                assertEquals(2, FramesCommit.files(store, "f").size());
                // A rewrite killed right after its intent: outputs staged on S3, inputs still there.
                List<String> inputs = FramesCommit.files(store, "f").stream().map(FramesCommit.TableFile::path).toList();
                Path merged = tmp.resolve("merged.parquet");
                try (FrameFileWriter w = new FrameFileWriter(merged)) {
                    for (int shot = 1; shot <= 2; shot++) {
                        for (int i = 0; i < 4; i++) {
                            w.write(row(shot, i, "k" + shot));
                        }
                    }
                }
                String staged = RunLayout.framesStaging("c-s3") + "/c-s3-0.parquet.staged";
                store.publishMoving(merged, store.resolve(staged));
                FramesCommit.commitIntent(store, new FramesCommit.Intent("f", inputs, List.of(new FramesCommit.Move(
                        staged, RunLayout.framesOf("f") + "/c-s3-0.parquet"))), "c-s3");
                assertEquals(2, FramesCommit.files(store, "f").size());
                assertEquals(1, FramesCommit.recover(store));
                assertEquals(List.of(RunLayout.framesOf("f") + "/c-s3-0.parquet"),
                        FramesCommit.files(store, "f").stream().map(FramesCommit.TableFile::path).toList());
                // Survey the compacted object through s3a: every planned frame once.
                Map<String, FramesCompaction.Want> keep = Map.of("main/1/1", new FramesCompaction.Want("k1", 4),
                        "main/1/2", new FramesCompaction.Want("k2", 4));
                FramesCompaction.Outcome o = FramesCompaction.compact(store, "f", 1 << 20, keep);
                assertEquals(List.of(0L, 0L), List.of(o.rowsKept(), o.rowsDropped()), "clean: nothing rewritten");
                FramesCommit.cleanUp(store);
                List<String> names = blobs.getBlobStore().list("films",
                        org.jclouds.blobstore.options.ListContainerOptions.Builder.recursive()).stream()
                        .map(m -> m.getName()).filter(n -> !n.endsWith("/")).sorted().toList();
                assertEquals(1, names.size(), names.toString());
                assertEquals("out/frames/film_id=f/c-s3-0.parquet", names.get(0));
            } finally {
                proxy.stop();
            }
        }
    }
}
