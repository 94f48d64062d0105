package dev.storyreel.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes WebDataset-style tar shards: each sample is {@code <key>.mp4} followed by {@code <key>.json},
 * a shard is closed once it reaches the size limit (a sample never spans shards). Entries carry a
 * fixed time, owner and mode, so the same samples give byte-identical shards.
 */
public final class ShardWriter implements AutoCloseable {
    private static final FileTime EPOCH = FileTime.fromMillis(0);

    private final Path dir;
    private final String prefix;
    private final long maxBytes;
    private final List<Path> shards = new ArrayList<>();
    private TarArchiveOutputStream tar;
    private long written;

    /** Shards {@code dir/<prefix>-000000.tar, ...} of at most about {@code maxBytes} each. */
    public ShardWriter(Path dir, String prefix, long maxBytes) {
        this.dir = dir;
        this.prefix = prefix;
        this.maxBytes = Math.max(1, maxBytes);
    }

    /** Adds one sample: the clip file and its JSON metadata. */
    public void add(String key, Path clip, String json) throws IOException {
        byte[] meta = json.getBytes(StandardCharsets.UTF_8);
        long size = Files.size(clip) + meta.length + 3 * 512L;
        if (tar != null && written > 0 && written + size > maxBytes) {
            closeShard();
        }
        if (tar == null) {
            Files.createDirectories(dir);
            Path shard = dir.resolve(String.format(java.util.Locale.ROOT, "%s-%06d.tar", prefix, shards.size()));
            OutputStream out = Files.newOutputStream(shard);
            tar = new TarArchiveOutputStream(out);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            shards.add(shard);
            written = 0;
        }
        entry(key + ".mp4", Files.readAllBytes(clip));
        entry(key + ".json", meta);
        written += size;
    }

    private void entry(String name, byte[] data) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        e.setMode(0644);
        e.setLastModifiedTime(EPOCH);
        e.setUserName("storyreel");
        e.setGroupName("storyreel");
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private void closeShard() throws IOException {
        tar.finish();
        tar.close();
        tar = null;
    }

    /** The shards written so far. */
    public List<Path> shards() {
        return List.copyOf(shards);
    }

    @Override
    public void close() throws IOException {
        if (tar != null) {
            closeShard();
        }
    }
}
