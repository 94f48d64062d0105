package dev.storyreel.jobs.store;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Refuses an {@code --out} a run must not write into, before anything is written: the filesystem
 * root, the home folder (or a folder above it), an existing file, and an existing non-empty folder
 * that is not a storyreel output (no {@code run.json}, lock or marker) unless {@code --force}. With
 * {@code --force} the run writes into it and still deletes none of the files it finds there.
 */
public final class OutputGuard {

    /** Why an output root was refused: one line for the user. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private OutputGuard() {
    }

    /** Checks {@code out} (local path or Hadoop URI); throws with a one-line reason when the run must not use it. */
    public static void check(String out, Configuration conf, boolean force) throws Refused {
        Path path = new Path(out);
        try {
            FileSystem fs = path.getFileSystem(conf);
            Path q = fs.makeQualified(path);
            if ("file".equals(fs.getScheme())) {
                checkLocal(out, java.nio.file.Path.of(q.toUri()));
            }
            if (!fs.exists(q)) {
                return;
            }
            FileStatus status = fs.getFileStatus(q);
            if (!status.isDirectory()) {
                throw new Refused("--out " + out + " is an existing file, not a folder");
            }
            FileStatus[] inside = fs.listStatus(q);
            if (inside.length == 0 || force) {
                return;
            }
            for (FileStatus s : inside) {
                String name = s.getPath().getName();
                if (name.equals(RunLayout.RUN_JSON) || name.equals(RunLayout.LOCK) || name.equals(RunLayout.MARKER)) {
                    return;
                }
            }
            throw new Refused("--out " + out + " is a non-empty folder that is not a storyreel output (no "
                    + RunLayout.RUN_JSON + "); choose another folder, or add --force to write into it (its files are kept)");
        } catch (IOException e) {
            throw new Refused("--out " + out + ": cannot be checked (" + e.getMessage() + ")");
        }
    }

    private static void checkLocal(String out, java.nio.file.Path p) throws Refused {
        java.nio.file.Path real = realOrSelf(p.toAbsolutePath().normalize());
        if (real.getParent() == null) {
            throw new Refused("--out " + out + " is the filesystem root: choose a folder for this run");
        }
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank()) {
            java.nio.file.Path h = realOrSelf(java.nio.file.Path.of(home).toAbsolutePath().normalize());
            if (h.startsWith(real)) {
                throw new Refused("--out " + out + " is the home folder" + (h.equals(real) ? "" : " or a folder above it")
                        + ": choose a folder for this run");
            }
        }
    }

    private static java.nio.file.Path realOrSelf(java.nio.file.Path p) {
        try {
            return Files.exists(p) ? p.toRealPath() : p;
        } catch (IOException e) {
            return p;
        }
    }
}
