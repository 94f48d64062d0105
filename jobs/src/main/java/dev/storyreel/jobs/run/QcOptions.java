package dev.storyreel.jobs.run;

import dev.storyreel.qc.DeliveryProfile;
import java.io.Serializable;

/**
 * The run's delivery QC settings: whether every deliverable is checked ({@code --no-qc} turns it
 * off), the delivery profile it is checked against ({@code --loudness}, from {@code --delivery}), and
 * whether the run is silent by request ({@code --no-sound}: loudness is not checked, and says so).
 *
 * @param enabled check every deliverable after it is written
 * @param sound   deliverables are meant to carry sound (a missing audio stream fails QC)
 * @param profile the delivery profile (null only when QC is off)
 */
public record QcOptions(boolean enabled, boolean sound, DeliveryProfile profile) implements Serializable {
    /** No QC (test runs, or a run that asks for none). */
    public static final QcOptions OFF = new QcOptions(false, false, null);

    public QcOptions {
        if (enabled && profile == null) {
            throw new IllegalArgumentException("delivery QC needs a delivery profile");
        }
    }
}
