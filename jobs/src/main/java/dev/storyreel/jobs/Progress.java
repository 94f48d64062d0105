package dev.storyreel.jobs;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Prints a stage's progress: shots and frames done of total, frames per second, elapsed and ETA. */
final class Progress {
    private final PrintStream out;
    private final LongSupplier nanos;
    private String stage;
    private long shotsTotal;
    private long framesTotal;
    private long shots;
    private long frames;
    private long startNanos;

    Progress(PrintStream out, LongSupplier nanos) {
        this.out = out;
        this.nanos = nanos;
    }

    void start(String stageName, long shotCount, long frameCount) {
        stage = stageName;
        shotsTotal = shotCount;
        framesTotal = frameCount;
        shots = 0;
        frames = 0;
        startNanos = nanos.getAsLong();
        if (shotCount == 0) {
            out.printf("[%s] nothing to do: every shot is already committed%n", stage);
        }
    }

    void advance(long shotCount, long frameCount) {
        shots += shotCount;
        frames += frameCount;
        double elapsed = (nanos.getAsLong() - startNanos) / 1e9;
        double fps = elapsed > 0 ? frames / elapsed : 0;
        double eta = fps > 0 ? (framesTotal - frames) / fps : 0;
        out.printf(Locale.ROOT, "[%s] shots %d/%d, frames %d/%d, %.1f frames/s, elapsed %s, ETA %s%n",
                stage, shots, shotsTotal, frames, framesTotal, fps, clock(elapsed), clock(eta));
    }

    /** A one-off line about the stage. */
    void note(String stageName, String message) {
        out.printf("[%s] %s%n", stageName, message);
    }

    void finish() {
        out.flush();
    }

    static String clock(double seconds) {
        Duration d = Duration.ofMillis(Math.round(seconds * 1000));
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
