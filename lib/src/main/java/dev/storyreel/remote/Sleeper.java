package dev.storyreel.remote;

import java.time.Duration;

/** Waits between tries and polls (tests record the waits instead of waiting). */
@FunctionalInterface
public interface Sleeper {
    /** The real thing. */
    Sleeper REAL = d -> {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException("interrupted while waiting", e);
        }
    };

    void sleep(Duration d);
}
