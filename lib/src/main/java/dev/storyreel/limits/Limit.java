package dev.storyreel.limits;

/** One named limit of {@code conf/limits.yaml}: its key there, what it counts, and whether it refuses the whole run. */
public enum Limit {
    /** Rows of one catalogue (run-wide: a longer catalogue is refused before anything is planned). */
    CATALOGUE_ROWS("catalogue_rows", "catalogue rows", true, 10_000),
    /** Variant combinations one catalogue row asks for (checked before the matrix is expanded). */
    VARIANTS("variants", "variant combinations", false, 64),
    /** Bytes of one screenplay file (read with this cap, never whole). */
    SCREENPLAY_BYTES("screenplay_bytes", "screenplay bytes", false, 8L << 20),
    /** Characters of one screenplay line (checked before parsing) or one element's text. */
    LINE_CHARS("line_chars", "characters on one line", false, 4_000),
    /** Shots of one film's plan. */
    SHOTS("shots", "shots", false, 5_000),
    /** Frames of one film's plan. */
    FRAMES("frames", "frames", false, 432_000),
    /** Frame width in pixels (run-wide for --width; per film for a variant's size). */
    FRAME_WIDTH("frame_width", "frame width", true, 7_680),
    /** Frame height in pixels (run-wide for --height; per film for a variant's size). */
    FRAME_HEIGHT("frame_height", "frame height", true, 4_320);

    private final String key;
    private final String counts;
    private final boolean runWide;
    private final long byDefault;

    Limit(String key, String counts, boolean runWide, long byDefault) {
        this.key = key;
        this.counts = counts;
        this.runWide = runWide;
        this.byDefault = byDefault;
    }

    /** The key in {@code conf/limits.yaml} (under {@code limits:}). */
    public String key() {
        return key;
    }

    /** What it counts, for messages ("screenplay bytes"). */
    public String counts() {
        return counts;
    }

    /** Whether exceeding it refuses the run (else it fails one film). */
    public boolean runWide() {
        return runWide;
    }

    /** The value used when {@code conf/limits.yaml} does not set it. */
    public long byDefault() {
        return byDefault;
    }
}
