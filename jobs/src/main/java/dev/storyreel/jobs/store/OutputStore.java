package dev.storyreel.jobs.store;

import dev.storyreel.jobs.cluster.ExecutorHadoop;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Files under a run's output root (local or any Hadoop filesystem, e.g. s3a://), published so that
 * a reader never sees a partial file: local files are written beside the target and renamed
 * atomically; object stores make an upload visible only when it completes.
 */
public final class OutputStore {
    private final Path root;
    private final Configuration conf;

    public OutputStore(String root, Configuration conf) {
        this.conf = conf;
        try {
            Path p = new Path(root);
            this.root = p.getFileSystem(conf).makeQualified(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open output root " + root, e);
        }
    }

    /** The output root as given. */
    public Path root() {
        return root;
    }

    /** A path under the root; {@code relative} must already be made of sanitised ids. */
    public Path resolve(String relative) {
        return new Path(root, relative);
    }

    /** Whether the path exists. */
    public boolean exists(Path path) {
        try {
            return fs(path).exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the plain files directly in a folder (empty when the folder does not exist). */
    public List<String> list(Path dir) {
        return names(dir, FileStatus::isFile);
    }

    /** Copies a finished local file to {@code target}, replacing any older version atomically. */
    public void publish(java.nio.file.Path local, Path target) {
        try {
            if (isLocal(target)) {
                java.nio.file.Path dst = localPath(target);
                Files.createDirectories(dst.getParent());
                java.nio.file.Path tmp = dst.resolveSibling("." + dst.getFileName() + "." + UUID.randomUUID() + ".part");
                // Copied as a stream so the new file gets the umask's mode, not the (often 0600) source's.
                try (InputStream in = Files.newInputStream(local)) {
                    Files.copy(in, tmp);
                }
                Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                fs(target).copyFromLocalFile(false, true, new Path(local.toUri()), target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + target, e);
        }
    }

    /** Writes bytes to {@code target} the same way as {@link #publish}. */
    public void publish(byte[] content, Path target) {
        if (isLocal(target)) {
            try {
                java.nio.file.Path dst = localPath(target);
                Files.createDirectories(dst.getParent());
                java.nio.file.Path tmp = dst.resolveSibling("." + dst.getFileName() + "." + UUID.randomUUID() + ".part");
                Files.write(tmp, content);
                Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot publish " + target, e);
            }
        }
        try {
            java.nio.file.Path tmp = Files.createTempFile("storyreel-", ".part");
            try {
                Files.write(tmp, content);
                publish(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A local path holding the file's content: the file itself when it is local, else a copy
     * fetched into {@code scratch}.
     */
    public java.nio.file.Path local(Path path, java.nio.file.Path scratch) {
        if (isLocal(path)) {
            return localPath(path);
        }
        try {
            java.nio.file.Path dst = scratch.resolve(path.getName());
            fs(path).copyToLocalFile(false, path, new Path(dst.toUri()), true);
            return dst;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch " + path, e);
        }
    }

    /** Reads a whole (small) file through the Hadoop filesystem of its URI. */
    public static byte[] readAll(Path path, Configuration conf) throws IOException {
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            return in.readAllBytes();
        }
    }

    /** Replaces {@code target} (a folder or file) by {@code source}, which is moved. */
    public void replace(Path source, Path target) {
        try {
            FileSystem fs = fs(target);
            fs.delete(target, true);
            if (fs.exists(source)) {
                fs.mkdirs(target.getParent());
                if (!fs.rename(source, target)) {
                    throw new IOException("cannot move " + source + " to " + target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a file within the store (overwriting {@code target}). */
    public void copy(Path source, Path target) {
        try {
            FileSystem fs = fs(target);
            fs.mkdirs(target.getParent());
            if (!org.apache.hadoop.fs.FileUtil.copy(fs(source), source, fs, target, false, true, conf)) {
                throw new IOException("cannot copy " + source + " to " + target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Empties a table folder of what runs write there ({@link RunLayout#isTableEntry}: partitions, part
     * files, commit markers), keeping any other file, so that a table can be rewritten without deleting
     * files the run did not write.
     */
    public void deleteTableEntries(Path dir) {
        deleteMatching(dir, RunLayout::isTableEntry);
    }

    /** Deletes the entries directly in {@code dir} whose names {@code ours} accepts (folders recursively); keeps the rest. */
    public void deleteMatching(Path dir, java.util.function.Predicate<String> ours) {
        try {
            FileSystem fs = fs(dir);
            if (!fs.exists(dir)) {
                return;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                if (ours.test(s.getPath().getName())) {
                    fs.delete(s.getPath(), true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a path recursively, if it exists. */
    public void delete(Path path) {
        try {
            fs(path).delete(path, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileSystem fs(Path path) throws IOException {
        return path.getFileSystem(conf);
    }

    private boolean isLocal(Path path) {
        try {
            return "file".equals(fs(path).getScheme());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private java.nio.file.Path localPath(Path path) {
        try {
            return new java.io.File(fs(path).makeQualified(path).toUri()).toPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Hadoop configuration of this store. */
    public Configuration conf() {
        return conf;
    }

    /** A file under a folder: name and size in bytes. */
    public record Entry(String name, long length) {
    }

    /** Plain files directly in a folder, with their sizes (empty when the folder does not exist). */
    public List<Entry> listFiles(Path dir) {
        List<Entry> out = new ArrayList<>();
        try {
            FileSystem fs = fs(dir);
            if (!fs.exists(dir)) {
                return out;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                if (s.isFile()) {
                    out.add(new Entry(s.getPath().getName(), s.getLen()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Names of the folders directly in a folder (empty when it does not exist). */
    public List<String> listDirs(Path dir) {
        return names(dir, FileStatus::isDirectory);
    }

    /** Names of the entries directly in a folder that {@code keep} accepts (empty when it does not exist). */
    private List<String> names(Path dir, java.util.function.Predicate<FileStatus> keep) {
        List<String> names = new ArrayList<>();
        try {
            FileSystem fs = fs(dir);
            if (!fs.exists(dir)) {
                return names;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                if (keep.test(s)) {
                    names.add(s.getPath().getName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /**
     * A local folder to write files that will be {@link #publishMoving published} under this
     * store: on a local store a folder beside the output ({@code relative} under the root), so
     * publishing is a rename; otherwise a new temporary folder.
     */
    public java.nio.file.Path scratch(String relative) {
        try {
            if (isLocal(root)) {
                java.nio.file.Path dir = localPath(resolve(relative));
                Files.createDirectories(dir);
                return dir;
            }
            return Files.createTempDirectory("storyreel-stage-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder", e);
        }
    }

    /**
     * Publishes a finished local file as {@code target} and consumes it: on a local store a rename
     * when both are on one disk (else {@link #publish}'s copy and rename), on an object store an
     * upload that becomes visible only when complete.
     */
    public void publishMoving(java.nio.file.Path local, Path target) {
        try {
            if (isLocal(target)) {
                java.nio.file.Path dst = localPath(target);
                Files.createDirectories(dst.getParent());
                try {
                    Files.move(local, dst, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    return;
                } catch (java.nio.file.FileSystemException e) {
                    // another disk: copy beside the target, then rename
                }
            }
            publish(local, target);
            Files.deleteIfExists(local);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + target, e);
        }
    }

    /** The store as seen from an executor, rebuilt from the Spark conf's spark.hadoop.* settings. */
    public static OutputStore onExecutor(String root) {
        return new OutputStore(root, ExecutorHadoop.conf());
    }
}
