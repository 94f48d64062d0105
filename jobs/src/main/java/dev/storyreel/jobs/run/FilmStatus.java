package dev.storyreel.jobs.run;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What became of a film variant or a trailer in a run (as written in {@code run.json}). */
public enum FilmStatus {
    /** Made and delivered. */
    OK,
    /** Not made: the error says where and why. */
    FAILED,
    /** Planned only ({@code --plan-only}). */
    PLANNED,
    /** Made, but its delivery checks failed: the reasons say which. */
    QC_FAILED;

    /** The name in {@code run.json} ("ok", "qc_failed"). */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the deliverable exists (made, whatever its checks said). */
    public boolean made() {
        return this == OK || this == QC_FAILED;
    }
}
