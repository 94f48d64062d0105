package dev.storyreel.sound.score;

import java.util.Objects;

/**
 * One scene's stretch of the film as the composer sees it.
 *
 * @param start           seconds from the film's first frame
 * @param end             seconds, after start
 * @param timeOfDay       the scene heading's time of day ("NIGHT", "DAY", ... or "")
 * @param exterior        whether the scene is outside
 * @param style           the film's style preset name ("noir", "sepia", ... or "")
 * @param meanShotSeconds the scene's mean shot length (the cut rhythm)
 */
public record CueSpec(double start, double end, String timeOfDay, boolean exterior, String style,
                      double meanShotSeconds) {
    public CueSpec {
        if (!(end > start) || start < 0) {
            throw new IllegalArgumentException("a cue needs 0 <= start < end: " + start + ", " + end);
        }
        timeOfDay = Objects.requireNonNullElse(timeOfDay, "");
        style = Objects.requireNonNullElse(style, "");
    }
}
