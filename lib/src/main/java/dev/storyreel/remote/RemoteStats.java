package dev.storyreel.remote;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/** What remote rendering did in this JVM (or task): counts read into {@link RemoteTotals}. Thread-safe. */
public final class RemoteStats {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();
    private final DoubleAdder seconds = new DoubleAdder();
    private final DoubleAdder cost = new DoubleAdder();

    void request() {
        requests.incrementAndGet();
    }

    void retry() {
        retries.incrementAndGet();
    }

    void submitted(double secondsGenerated, double price) {
        submitted.incrementAndGet();
        seconds.add(secondsGenerated);
        cost.add(price);
    }

    void reused() {
        reused.incrementAndGet();
    }

    /** The counts so far. */
    public RemoteTotals totals() {
        return new RemoteTotals(requests.get(), retries.get(), submitted.get(), reused.get(), seconds.sum(), cost.sum());
    }
}
