package dev.storyreel.remote;

import dev.storyreel.shot.Seeds;
import java.time.Duration;

/**
 * Exponential backoff with jitter: try {@code n} (0-based) waits {@code base * 2^n}, capped, times a factor
 * in [0.5, 1). The jitter comes from the shot key and the try number, not from a clock or a shared random
 * generator, so two runs wait alike and no wait decides any output.
 *
 * @param base        first wait
 * @param cap         longest wait
 * @param maxAttempts tries of one request before giving up
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) implements java.io.Serializable {

    /** Half a second doubling to 30 s, six tries. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 6);

    /** The wait after try {@code attempt} of the request for {@code key}. */
    public Duration delay(String key, int attempt) {
        double raw = Math.min((double) cap.toMillis(), base.toMillis() * Math.pow(2, Math.min(attempt, 30)));
        long bits = Seeds.derive(attempt, "backoff:" + key);
        double jitter = 0.5 + 0.5 * ((bits >>> 11) * 0x1.0p-53);
        return Duration.ofMillis(Math.round(raw * jitter));
    }
}
