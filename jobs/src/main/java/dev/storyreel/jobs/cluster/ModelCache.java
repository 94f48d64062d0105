package dev.storyreel.jobs.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Model folders given as URIs ({@code s3a://}, {@code hdfs://}, {@code file:}) copied once per JVM
 * and machine (see {@link ExecutorModels}) into a local cache through Hadoop's FileSystem API, and verified: every file's size
 * against the listing, and a SHA-256 per file recorded at copy time and checked on reuse. Local
 * paths are used as they are.
 */
public final class ModelCache {
    private static final String MANIFEST = ".storyreel-manifest";

    private ModelCache() {
    }

    /**
     * A local folder holding the model at {@code location}: the path itself when local, else a verified
     * copy in the cache (the caller, {@link ExecutorModels}, remembers it for the JVM).
     */
    public static Path local(String location, Configuration conf) {
        if (!location.contains("://") && !location.startsWith("file:")) {
            return Path.of(location);
        }
        return copy(location, conf, cacheRoot());
    }

    public static Path cacheRoot() {
        return Path.of(System.getProperty("storyreel.model.cache", System.getProperty("java.io.tmpdir")), "storyreel-models");
    }

    /** Copies (or reuses a verified earlier copy of) the folder at {@code location} under {@code root}. */
    public static Path copy(String location, Configuration conf, Path root) {
        try {
            org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(URI.create(location.replaceAll("/+$", "")));
            FileSystem fs = src.getFileSystem(conf);
            Map<String, Long> listing = new TreeMap<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(src, true);
            String prefix = fs.getFileStatus(src).getPath().toUri().getPath().replaceAll("/+$", "") + "/";
            while (it.hasNext()) {
                FileStatus f = it.next();
                String rel = f.getPath().toUri().getPath().substring(prefix.length());
                listing.put(rel, f.getLen());
            }
            if (listing.isEmpty()) {
                throw new IllegalArgumentException(location + ": no files (not a model folder)");
            }
            Path dest = root.resolve(sha256(location.getBytes(StandardCharsets.UTF_8)).substring(0, 24));
            if (Files.isRegularFile(dest.resolve(MANIFEST)) && verify(dest, listing)) {
                return dest;
            }
            Files.createDirectories(root);
            Path tmp = Files.createTempDirectory(root, "copy-");
            StringBuilder manifest = new StringBuilder();
            byte[] buf = new byte[1 << 20];
            for (Map.Entry<String, Long> e : listing.entrySet()) {
                Path out = tmp.resolve(e.getKey());
                Files.createDirectories(out.getParent());
                MessageDigest md = digest();
                long n = 0;
                try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(src, e.getKey()));
                     OutputStream os = Files.newOutputStream(out)) {
                    for (int r; (r = in.read(buf)) > 0; ) {
                        md.update(buf, 0, r);
                        os.write(buf, 0, r);
                        n += r;
                    }
                }
                if (n != e.getValue()) {
                    throw new IOException(location + "/" + e.getKey() + ": copied " + n + " bytes, listing says " + e.getValue());
                }
                manifest.append(e.getKey()).append('\t').append(n).append('\t').append(HexFormat.of().formatHex(md.digest())).append('\n');
            }
            Files.writeString(tmp.resolve(MANIFEST), manifest.toString());
            if (!verify(tmp, listing)) {
                throw new IOException(location + ": local copy does not match what was read");
            }
            if (Files.exists(dest)) {
                deleteTree(dest); // a stale or corrupted copy (verified above: it did not match)
            }
            try {
                Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Another JVM on this machine finished first: use its copy if it verifies.
                if (!verify(dest, listing)) {
                    throw e;
                }
                deleteTree(tmp);
            }
            return dest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy model " + location + ": " + e.getMessage(), e);
        }
    }

    /** Every listed file is in the copy with the listed size and the SHA-256 recorded at copy time. */
    public static boolean verify(Path dir, Map<String, Long> listing) throws IOException {
        Path m = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(m)) {
            return false;
        }
        Map<String, String[]> recorded = new TreeMap<>();
        for (String line : Files.readAllLines(m)) {
            String[] f = line.split("\t");
            if (f.length == 3) {
                recorded.put(f[0], f);
            }
        }
        if (!recorded.keySet().equals(listing.keySet())) {
            return false;
        }
        byte[] buf = new byte[1 << 20];
        for (Map.Entry<String, Long> e : listing.entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (!Files.isRegularFile(f) || Files.size(f) != e.getValue() || Long.parseLong(recorded.get(e.getKey())[1]) != e.getValue()) {
                return false;
            }
            MessageDigest md = digest();
            try (InputStream in = Files.newInputStream(f)) {
                for (int r; (r = in.read(buf)) > 0; ) {
                    md.update(buf, 0, r);
                }
            }
            if (!HexFormat.of().formatHex(md.digest()).equals(recorded.get(e.getKey())[2])) {
                return false;
            }
        }
        return true;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (var s = Files.walk(p)) {
            s.forEach(all::add);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Files.deleteIfExists(all.get(i));
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] b) {
        return HexFormat.of().formatHex(digest().digest(b));
    }
}
