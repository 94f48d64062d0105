package dev.storyreel.remote;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fails the remaining calls to a dead endpoint fast: after {@code threshold} consecutive calls that failed
 * for the endpoint's sake (connection refused or dropped, 5xx, timeouts, each after its retries), every
 * call is refused for {@code coolDown}; then one call may try again. One breaker per endpoint per JVM.
 */
public final class CircuitBreaker {
    private static final Map<String, CircuitBreaker> BY_ENDPOINT = new ConcurrentHashMap<>();

    private final String endpoint;
    private final int threshold;
    private final long coolDownNanos;
    private int consecutive;
    private long openedAt;
    private boolean open;
    private String lastReason = "";

    CircuitBreaker(String endpoint, int threshold, Duration coolDown) {
        this.endpoint = endpoint;
        this.threshold = threshold;
        this.coolDownNanos = coolDown.toNanos();
    }

    /** This JVM's breaker for an endpoint (the first caller's settings win). */
    public static CircuitBreaker forEndpoint(String endpoint, int threshold, Duration coolDown) {
        return BY_ENDPOINT.computeIfAbsent(endpoint, e -> new CircuitBreaker(e, threshold, coolDown));
    }

    /** Throws {@link CircuitOpenException} while open. */
    public synchronized void check() {
        if (open && System.nanoTime() - openedAt < coolDownNanos) {
            throw new CircuitOpenException("remote endpoint " + endpoint + " is failing (" + consecutive
                    + " calls in a row, last: " + lastReason + "); not calling it again for now");
        }
    }

    /** A call got an answer that was not the endpoint's fault. */
    public synchronized void success() {
        consecutive = 0;
        open = false;
    }

    /** A call failed for the endpoint's sake after its retries. */
    public synchronized void failure(String reason) {
        consecutive++;
        lastReason = reason;
        if (consecutive >= threshold) {
            open = true;
            openedAt = System.nanoTime();
        }
    }
}
