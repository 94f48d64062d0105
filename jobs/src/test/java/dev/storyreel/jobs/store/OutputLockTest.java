package dev.storyreel.jobs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OutputLock: of runs racing for one output root exactly one wins, also when they race to take over a dead run's lock. */
class OutputLockTest {
    static final int RACERS = 8;

    @TempDir
    Path tmp;

    /** Starts the racers together; returns the locks they got (null for a refusal). */
    private List<OutputLock> race(Path out) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<OutputLock>> results = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            Callable<OutputLock> racer = () -> {
                start.await();
                try {
                    return OutputLock.acquire(out.toString(), new Configuration());
                } catch (OutputLock.Held e) {
                    assertTrue(e.getMessage().contains("is locked by another run"), e.getMessage());
                    return null;
                }
            };
            results.add(pool.submit(racer));
        }
        start.countDown();
        List<OutputLock> locks = new ArrayList<>();
        for (Future<OutputLock> f : results) {
            locks.add(f.get());
        }
        pool.shutdown();
        return locks;
    }

    @Test
    void ofRunsRacingForAnOutputExactlyOneHoldsIt() throws Exception {
        Path out = tmp.resolve("out");
        for (int round = 0; round < 3; round++) {
            List<OutputLock> locks = race(out);
            List<OutputLock> won = locks.stream().filter(l -> l != null).toList();
            assertEquals(1, won.size(), "round " + round);
            assertTrue(Files.exists(out.resolve(RunLayout.LOCK)));
            won.get(0).close();
            assertFalse(Files.exists(out.resolve(RunLayout.LOCK)), "released");
        }
        assertTrue(Files.exists(out.resolve(RunLayout.MARKER)), "the folder is marked as a storyreel output");
        try (var files = Files.list(out)) {
            assertEquals(List.of(RunLayout.MARKER), files.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    /** The local disk under another scheme: OutputLock takes the object-store path (create, read back, lease). */
    public static final class ObjectStoreFs extends org.apache.hadoop.fs.RawLocalFileSystem {
        @Override
        public java.net.URI getUri() {
            return java.net.URI.create("objstore:///");
        }

        @Override
        public String getScheme() {
            return "objstore";
        }
    }

    private static Configuration objectStore() {
        Configuration conf = new Configuration();
        conf.set("fs.objstore.impl", ObjectStoreFs.class.getName());
        conf.setBoolean("fs.objstore.impl.disable.cache", true);
        return conf;
    }

    private static void writeLock(Path out, String host, long pid, String run) throws Exception {
        Files.writeString(out.resolve(RunLayout.LOCK), new ObjectMapper().writeValueAsString(new OutputLock.Owner(host,
                pid, java.time.Instant.now().minusSeconds(60).toString(), run)));
    }

    @Test
    void onAnObjectStoreALockIsTakenOverWhenItsProcessIsGoneOrItsLeaseLapsed() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("s3"));
        String uri = "objstore://" + out;
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        // A dead process of this host (a kill -9ed driver): taken over at once.
        writeLock(out, host, gone.pid(), "killed");
        try (OutputLock l = OutputLock.acquire(uri, objectStore())) {
            assertEquals(ProcessHandle.current().pid(), OutputLock.owner(uri, objectStore()).orElseThrow().pid());
            OutputLock.Held again = org.junit.jupiter.api.Assertions.assertThrows(OutputLock.Held.class,
                    () -> OutputLock.acquire(uri, objectStore()));
            assertTrue(again.getMessage().contains("pid " + ProcessHandle.current().pid()), again.getMessage());
        }
        // Another host's lock, renewed a minute ago: held.
        writeLock(out, "elsewhere", 1, "live");
        Files.setLastModifiedTime(out.resolve(RunLayout.LOCK), java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(OutputLock.RENEW)));
        OutputLock.Held held = org.junit.jupiter.api.Assertions.assertThrows(OutputLock.Held.class,
                () -> OutputLock.acquire(uri, objectStore()));
        assertTrue(held.getMessage().contains("host elsewhere"), held.getMessage());
        // The same lock once its lease has lapsed: taken over.
        Files.setLastModifiedTime(out.resolve(RunLayout.LOCK), java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(OutputLock.LEASE).minusSeconds(60)));
        try (OutputLock l = OutputLock.acquire(uri, objectStore())) {
            assertEquals(ProcessHandle.current().pid(), OutputLock.owner(uri, objectStore()).orElseThrow().pid());
        }
        try (var files = Files.list(out)) {
            assertEquals(List.of(RunLayout.MARKER), files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") || n.equals(RunLayout.MARKER) || n.startsWith(RunLayout.LOCK))
                    .filter(n -> !n.endsWith(".crc")).toList(), "released, no probe left");
        }
    }

    @Test
    void ofRunsRacingToTakeOverADeadRunsLockExactlyOneHoldsIt() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("stale"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        for (int round = 0; round < 3; round++) {
            Files.writeString(out.resolve(RunLayout.LOCK), new ObjectMapper().writeValueAsString(new OutputLock.Owner(host,
                    gone.pid(), java.time.Instant.now().minusSeconds(60).toString(), "killed-" + round)));
            List<OutputLock> won = race(out).stream().filter(l -> l != null).toList();
            assertEquals(1, won.size(), "round " + round);
            assertEquals(ProcessHandle.current().pid(), OutputLock.owner(out.toString(), new Configuration()).orElseThrow().pid());
            won.get(0).close();
        }
        try (var files = Files.list(out)) {
            assertEquals(List.of(RunLayout.MARKER), files.map(p -> p.getFileName().toString()).toList(),
                    "no stale or temporary lock file left");
        }
    }
}
