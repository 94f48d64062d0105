package dev.storyreel.qc;

import java.util.Locale;

/** How a deliverable's loudness was checked. */
public enum LoudnessCheck {
    /** The audio stream was measured against the profile. */
    MEASURED,
    /** The file has no audio stream: a silent deliverable fails loudness QC. */
    NO_AUDIO,
    /** The run was silent by request ({@code --no-sound}): loudness was not checked. */
    SKIPPED;

    /** The value written to run.json. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
