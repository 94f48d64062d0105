package dev.storyreel.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** {@link LedgerFiles} in a local folder: written to a temporary sibling, forced to disk, then renamed. */
public final class LocalLedgerFiles implements LedgerFiles {
    private static final long serialVersionUID = 1L;

    private final String root;

    public LocalLedgerFiles(Path root) {
        this.root = root.toAbsolutePath().toString();
    }

    @Override
    public Optional<byte[]> read(String relativePath) {
        try {
            return Optional.of(Files.readAllBytes(resolve(relativePath)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resolve(relativePath), e);
        }
    }

    @Override
    public void write(String relativePath, byte[] data) {
        Path target = resolve(relativePath);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(data));
                ch.force(true);
            }
            umaskMode(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** createTempFile makes 0600 files; give the file the mode a plain new file would get (umask). */
    private static void umaskMode(Path tmp) throws IOException {
        Path probe = tmp.resolveSibling(tmp.getFileName() + ".mode");
        Files.deleteIfExists(probe);
        Files.createFile(probe);
        try {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(probe));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to copy
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private Path resolve(String relativePath) {
        Path base = Path.of(root);
        Path p = base.resolve(relativePath).normalize();
        if (!p.startsWith(base)) {
            throw new IllegalArgumentException("path escapes the output root: " + relativePath);
        }
        return p;
    }
}
