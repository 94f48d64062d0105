package dev.storyreel.qc;

import java.util.Locale;

/** A deliverable's delivery QC verdict. */
public enum QcStatus {
    /** Every check passed. */
    PASS,
    /** At least one check failed; the reasons say which. */
    FAIL;

    /** The value written to run.json ({@code pass}, {@code fail}). */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
