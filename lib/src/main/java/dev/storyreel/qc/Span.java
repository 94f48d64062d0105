package dev.storyreel.qc;

/**
 * A stretch of a deliverable's picture, in frames and seconds from its first frame.
 *
 * @param startFrame first frame of the stretch
 * @param endFrame   frame after its last
 * @param fps        frames per second
 */
public record Span(int startFrame, int endFrame, int fps) implements java.io.Serializable {
    /** Seconds from the first frame to the stretch's start. */
    public double startS() {
        return startFrame / (double) fps;
    }

    /** Seconds from the first frame to the stretch's end. */
    public double endS() {
        return endFrame / (double) fps;
    }

    /** Length in seconds. */
    public double seconds() {
        return (endFrame - startFrame) / (double) fps;
    }
}
