package dev.storyreel.remote;

import java.util.Optional;

/**
 * Small files under a run's output root, read whole and written atomically (a reader sees the old file or
 * the new one, never half). The job gives a Hadoop FileSystem implementation; {@link LocalLedgerFiles}
 * serves local folders.
 */
public interface LedgerFiles extends java.io.Serializable {

    /** The file's bytes, or empty when there is none. */
    Optional<byte[]> read(String relativePath);

    /** Writes the file whole, replacing any earlier one. */
    void write(String relativePath, byte[] data);
}
