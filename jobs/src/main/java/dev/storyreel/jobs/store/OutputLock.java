package dev.storyreel.jobs.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lock a run holds on its output root ({@code .storyreel.lock}: host, pid, start time, run id),
 * so that two runs never write one output at once. Created atomically (locally a hard link to a
 * complete file, which fails when the lock exists; on an object store a create that must not
 * overwrite, read back to check the owner). A lock left by a dead process of this host is taken over
 * (moved aside atomically, then checked to be the one judged stale). On an object store the holder
 * also renews its lock every {@link #RENEW} (a lease): a lock not renewed for {@link #LEASE}, by the
 * store's own clock, is stale whichever host wrote it; a stale lock there is deleted only if it is
 * still the one judged stale. Closing releases it.
 */
public final class OutputLock implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often a run renews its lock on an object store. */
    static final java.time.Duration RENEW = java.time.Duration.ofMinutes(1);
    /** How long an object-store lock may go unrenewed before it is stale. */
    static final java.time.Duration LEASE = java.time.Duration.ofMinutes(5);

    /** Who holds a lock. */
    public record Owner(String host, long pid, String started, String run) {
        /** This process, now. */
        static Owner self() {
            ProcessHandle me = ProcessHandle.current();
            return new Owner(hostName(), me.pid(), me.info().startInstant().orElse(Instant.now()).toString(),
                    UUID.randomUUID().toString());
        }

        /** Whether the owner is a process of this host that has ended (or whose pid now names a younger process). */
        boolean deadHere() {
            if (!host.equals(hostName())) {
                return false;
            }
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isEmpty() || !p.get().isAlive()) {
                return true;
            }
            Optional<Instant> start = p.get().info().startInstant();
            try {
                return start.isPresent() && start.get().isAfter(Instant.parse(started).plusSeconds(1));
            } catch (RuntimeException e) {
                return false;
            }
        }

        String describe() {
            return "host " + host + ", pid " + pid + ", started " + started;
        }
    }

    /** The output root is locked by another run: the one-line message names the owner and the lock. */
    public static final class Held extends Exception {
        public Held(String message) {
            super(message);
        }
    }

    private final FileSystem fs;
    private final Path lock;
    private final Owner owner;
    private boolean released;
    private java.util.concurrent.ScheduledExecutorService renewer;

    private OutputLock(FileSystem fs, Path lock, Owner owner) {
        this.fs = fs;
        this.lock = lock;
        this.owner = owner;
    }

    /** Takes the lock on {@code out} (creating the folder), or throws {@link Held} naming its owner. */
    public static OutputLock acquire(String out, Configuration conf) throws Held, IOException {
        Path root = new Path(out);
        FileSystem fs = root.getFileSystem(conf);
        root = fs.makeQualified(root);
        fs.mkdirs(root);
        Path lock = new Path(root, RunLayout.LOCK);
        Owner me = Owner.self();
        byte[] content = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(me);
        boolean local = "file".equals(fs.getScheme());
        for (int attempt = 0; attempt < 3; attempt++) {
            if (local ? createLocal(lock, content) : createRemote(fs, lock, content, me)) {
                OutputLock held = new OutputLock(fs, lock, me);
                if (!local) {
                    held.renew(content);
                }
                Path marker = new Path(root, RunLayout.MARKER);
                byte[] mark = "storyreel output\n".getBytes(StandardCharsets.UTF_8);
                if (local) {
                    java.nio.file.Path m = java.nio.file.Path.of(marker.toUri());
                    if (!Files.exists(m)) {
                        Files.write(m, mark);
                    }
                } else if (!fs.exists(marker)) {
                    try (OutputStream m = fs.create(marker, true)) {
                        m.write(mark);
                    }
                }
                return held;
            }
            Optional<Owner> other = read(fs, lock);
            if (other.isEmpty()) {
                // Being written by a run starting right now (or unreadable): that run holds it.
                throw new Held("--out " + out + " is locked by another run (" + lock + " is being written); "
                        + "wait for it, or delete the lock if no run uses this folder");
            }
            boolean stale = other.get().deadHere() || (!local && expired(fs, root, lock));
            if (!stale || !(local ? takeOverLocal(lock, other.get()) : takeOverRemote(fs, lock, other.get()))) {
                throw new Held("--out " + out + " is locked by another run (" + other.get().describe() + "; lock "
                        + display(lock) + "); wait for it to end, or delete the lock if that run is gone");
            }
        }
        throw new Held("--out " + out + " is locked: the lock " + display(lock) + " keeps changing hands");
    }

    /** Who holds the lock on {@code out}, if anyone. */
    public static Optional<Owner> owner(String out, Configuration conf) throws IOException {
        Path root = new Path(out);
        FileSystem fs = root.getFileSystem(conf);
        return read(fs, new Path(fs.makeQualified(root), RunLayout.LOCK));
    }

    /** Releases the lock (only if it is still this run's). */
    @Override
    public void close() throws IOException {
        if (released) {
            return;
        }
        released = true;
        if (renewer != null) {
            renewer.shutdownNow();
        }
        Optional<Owner> now = read(fs, lock);
        if (now.isPresent() && now.get().run().equals(owner.run())) {
            fs.delete(lock, false);
        }
    }

    /** Atomic local create: write a complete private file, then hard-link it as the lock (fails if the lock exists). */
    private static boolean createLocal(Path lock, byte[] content) throws IOException {
        java.nio.file.Path target = java.nio.file.Path.of(lock.toUri());
        java.nio.file.Path tmp = target.resolveSibling(RunLayout.LOCK + "." + UUID.randomUUID() + ".tmp");
        Files.write(tmp, content);
        try {
            Files.createLink(target, tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            try {
                Files.move(tmp, target);
                return true;
            } catch (FileAlreadyExistsException e2) {
                return false;
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Object store: a create that refuses to overwrite, then read back (the last writer of a race wins; others see it). */
    private static boolean createRemote(FileSystem fs, Path lock, byte[] content, Owner me) throws IOException {
        try (OutputStream out = fs.create(lock, false)) {
            out.write(content);
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        }
        Optional<Owner> back = read(fs, lock);
        return back.isPresent() && back.get().run().equals(me.run());
    }

    /** Rewrites the lock every {@link #RENEW} while it is still this run's, so that its age stays under the lease. */
    private void renew(byte[] content) {
        renewer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "storyreel-lock-lease");
            t.setDaemon(true);
            return t;
        });
        renewer.scheduleWithFixedDelay(() -> {
            try {
                Optional<Owner> now = read(fs, lock);
                if (now.isPresent() && now.get().run().equals(owner.run())) {
                    try (OutputStream out = fs.create(lock, true)) {
                        out.write(content);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the next renewal tries again; a lease that lapses lets another run take the output over
            }
        }, RENEW.toMillis(), RENEW.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * Whether an object-store lock has gone unrenewed for longer than the lease: its modification time
     * against that of a probe object written now, both by the store's clock (no host clock involved).
     */
    private static boolean expired(FileSystem fs, Path root, Path lock) throws IOException {
        long written;
        try {
            written = fs.getFileStatus(lock).getModificationTime();
        } catch (java.io.FileNotFoundException e) {
            return true;
        }
        Path probe = new Path(root, RunLayout.LOCK + ".probe-" + UUID.randomUUID());
        try {
            try (OutputStream out = fs.create(probe, false)) {
                out.write('\n');
            }
            return fs.getFileStatus(probe).getModificationTime() - written > LEASE.toMillis();
        } finally {
            fs.delete(probe, false);
        }
    }

    /** Object store: deletes a stale lock if it is still the one judged stale; true to try creating it again. */
    private static boolean takeOverRemote(FileSystem fs, Path lock, Owner stale) throws IOException {
        Optional<Owner> now = read(fs, lock);
        if (now.isEmpty()) {
            return true;
        }
        if (!now.get().run().equals(stale.run())) {
            return false;
        }
        fs.delete(lock, false);
        return true;
    }

    /** Moves a stale lock aside atomically; true when the one moved is the one judged stale. */
    private static boolean takeOverLocal(Path lock, Owner stale) throws IOException {
        java.nio.file.Path target = java.nio.file.Path.of(lock.toUri());
        java.nio.file.Path aside = target.resolveSibling(RunLayout.LOCK + ".stale-" + UUID.randomUUID());
        try {
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return true; // someone released or took it: try again
        }
        Owner moved;
        try {
            moved = JSON.readValue(Files.readAllBytes(aside), Owner.class);
        } catch (IOException e) {
            moved = null;
        }
        if (moved != null && moved.run().equals(stale.run())) {
            Files.deleteIfExists(aside);
            return true;
        }
        // Another run took the stale lock over first and this moved its fresh lock: give it back.
        try {
            Files.createLink(target, aside);
        } catch (FileAlreadyExistsException e) {
            // a third run holds it now; the moved lock's owner will find its lock gone only on release
        } finally {
            Files.deleteIfExists(aside);
        }
        return false;
    }

    private static Optional<Owner> read(FileSystem fs, Path lock) throws IOException {
        try (InputStream in = fs.open(lock)) {
            return Optional.of(JSON.readValue(in.readAllBytes(), Owner.class));
        } catch (java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return Optional.empty();
        }
    }

    private static String display(Path p) {
        return "file".equals(p.toUri().getScheme()) ? p.toUri().getPath() : p.toString();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
