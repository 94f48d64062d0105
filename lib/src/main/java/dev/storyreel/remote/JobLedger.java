package dev.storyreel.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The durable record of remote jobs, one JSON file per shot key ({@code remote/jobs/<shot_key>.json}
 * under the output root). A job is written here before it is waited for, so a retried task, a killed
 * executor or a rerun finds it and polls it instead of paying for it again.
 */
public final class JobLedger implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8,64}");

    private final LedgerFiles files;
    private final String folder;

    /** @param folder the ledger's folder relative to the output root ({@code remote/jobs}) */
    public JobLedger(LedgerFiles files, String folder) {
        this.files = files;
        this.folder = folder;
    }

    /** The recorded job of a shot, if any. */
    public Optional<LedgerEntry> find(String shotKey) {
        return files.read(path(shotKey)).map(b -> {
            try {
                return JSON.readValue(b, LedgerEntry.class);
            } catch (IOException e) {
                throw new RemoteException("the job ledger entry " + path(shotKey) + " is unreadable: " + e.getMessage());
            }
        });
    }

    /** Records a shot's job (replacing an earlier one). */
    public void record(LedgerEntry e) {
        try {
            files.write(path(e.shotKey()), JSON.writeValueAsBytes(e));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String path(String shotKey) {
        if (!KEY.matcher(shotKey).matches()) {
            throw new IllegalArgumentException("not a shot key: " + shotKey);
        }
        return folder + "/" + shotKey + ".json";
    }
}
