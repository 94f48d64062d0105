package dev.storyreel.subtitle;

/**
 * One subtitle: shown from {@code startMs} to {@code endMs} (milliseconds from the film's start).
 *
 * @param startMs first millisecond shown
 * @param endMs   millisecond it disappears (after {@code startMs})
 * @param text    the text, lines separated by '\n'
 */
public record Cue(long startMs, long endMs, String text) implements java.io.Serializable {

    public Cue {
        if (startMs < 0 || endMs <= startMs) {
            throw new IllegalArgumentException("cue times must satisfy 0 <= start < end: " + startMs + ", " + endMs);
        }
        // A blank line would end the cue early in SRT and WebVTT.
        text = text.strip().replace("\r", "").replaceAll("\n\\s*\n", "\n");
    }
}
