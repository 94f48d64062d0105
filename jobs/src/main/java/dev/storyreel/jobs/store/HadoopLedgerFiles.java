package dev.storyreel.jobs.store;

import dev.storyreel.remote.LedgerFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * {@link LedgerFiles} under a run's output root through Hadoop's FileSystem API (local, HDFS, s3a), written
 * whole like every published output (temporary file and rename, or one object upload).
 */
public final class HadoopLedgerFiles implements LedgerFiles {
    private static final long serialVersionUID = 1L;

    private final String root;
    private transient OutputStore store;

    public HadoopLedgerFiles(String root) {
        this.root = root;
    }

    private OutputStore store() {
        if (store == null) {
            store = OutputStore.onExecutor(root);
        }
        return store;
    }

    @Override
    public Optional<byte[]> read(String relativePath) {
        Path p = store().resolve(relativePath);
        try {
            return Optional.of(OutputStore.readAll(p, dev.storyreel.jobs.cluster.ExecutorHadoop.conf()));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    @Override
    public void write(String relativePath, byte[] data) {
        store().publish(data, store().resolve(relativePath));
    }
}
