package dev.storyreel.jobs.run;

import java.io.PrintStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.spark.SparkContext;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A stage's progress on the console: shots and frames done of total, frames per second, elapsed
 * and ETA. Tasks count their frames and shots in named accumulators; a listener adds up the
 * updates of every successful task (from any executor) as it ends, and a driver thread prints the
 * sums at a fixed period: in place on a terminal, as plain lines on a pipe. The period is only
 * presentation; nothing waits on it.
 */
public final class Progress implements AutoCloseable {

    /** What tasks count into; serialisable into task closures. */
    public record Counters(LongAccumulator shots, LongAccumulator frames) implements Serializable {
        /** A frame is made. */
        public void frame() {
            frames.add(1);
        }

        /** A shot is made (all its frames). */
        public void shot() {
            shots.add(1);
        }

        /** Counters that count nothing, for code run outside a stage. */
        public static Counters none() {
            return new Counters(new LongAccumulator(), new LongAccumulator());
        }
    }

    private final PrintStream out;
    private final LongSupplier nanos;
    private final boolean terminal;
    private final SparkContext sc;
    private final Listener listener = new Listener();
    private final ScheduledExecutorService ticker;
    private final AtomicLong shots = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private String stage;
    private long shotsTotal;
    private long framesTotal;
    private long shotsCommitted;
    private long framesCommitted;
    private long startNanos;
    private int waves;
    private String lastLine = "";
    private int drawn;

    /**
     * @param sc       the Spark context whose tasks report (null: counts come from {@link #advance} only)
     * @param out      where lines go
     * @param nanos    the clock
     * @param terminal redraw one line in place ({@code \r}) instead of printing lines
     * @param period   how often the line is refreshed (0: only on commits and at the end)
     */
    public Progress(SparkContext sc, PrintStream out, LongSupplier nanos, boolean terminal, Duration period) {
        this.sc = sc;
        this.out = out;
        this.nanos = nanos;
        this.terminal = terminal;
        if (sc != null) {
            sc.addSparkListener(listener);
        }
        if (period.isZero()) {
            ticker = null;
        } else {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "storyreel-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Progress on the job's console: in place every half second on a terminal, a line every 10 s otherwise. */
    public static Progress console(SparkContext sc, PrintStream out) {
        boolean terminal = System.console() != null;
        return new Progress(sc, out, System::nanoTime, terminal, Duration.ofMillis(terminal ? 500 : 10_000));
    }

    /** Starts a stage; tasks count into the returned counters. */
    public synchronized Counters start(String stageName, long shotCount, long frameCount) {
        endLine();
        stage = stageName;
        shotsTotal = shotCount;
        framesTotal = frameCount;
        shotsCommitted = 0;
        framesCommitted = 0;
        waves = 0;
        lastLine = "";
        startNanos = nanos.getAsLong();
        Counters counters;
        if (sc != null) {
            counters = new Counters(sc.longAccumulator("storyreel." + stageName + ".shots"),
                    sc.longAccumulator("storyreel." + stageName + ".frames"));
            listener.track(counters.shots().id(), shots);
            listener.track(counters.frames().id(), frames);
        } else {
            counters = Counters.none();
        }
        shots.set(0);
        frames.set(0);
        if (shotCount == 0) {
            out.printf("[%s] nothing to do: every shot is already done%n", stage);
        }
        return counters;
    }

    /** The driver confirms that these shots are committed (e.g. a render wave's files). */
    public synchronized void advance(long shotCount, long frameCount) {
        shotsCommitted += shotCount;
        framesCommitted += frameCount;
        waves++;
        if (!terminal) {
            lastLine = counts();
            out.println("[" + stage + "] committed " + waves + (waves == 1 ? " batch · " : " batches · ") + status());
        } else {
            draw();
        }
    }

    /** A one-off line about a stage. */
    public synchronized void note(String stageName, String message) {
        endLine();
        out.printf("[%s] %s%n", stageName, message);
    }

    /** Ends the stage with its final line. */
    public synchronized void finish() {
        if (stage == null) {
            return;
        }
        if (shotsTotal > 0) {
            String line = "[" + stage + "] done: " + counts() + ", " + rate() + ", elapsed " + clock(elapsed());
            if (terminal) {
                out.print("\r" + pad(line, drawn) + System.lineSeparator());
                drawn = 0;
            } else {
                out.println(line);
            }
        }
        listener.clear();
        stage = null;
        out.flush();
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (sc != null) {
            sc.removeSparkListener(listener);
        }
        synchronized (this) {
            endLine();
        }
    }

    /** The current line: shots and frames done of total, rate, elapsed and ETA. */
    public synchronized String status() {
        return counts() + ", " + rate() + ", elapsed " + clock(elapsed()) + ", ETA " + eta();
    }

    private void tick() {
        try {
            synchronized (this) {
                if (stage == null || shotsTotal == 0) {
                    return;
                }
                if (terminal) {
                    draw();
                } else {
                    String line = "[" + stage + "] " + status();
                    // A pipe gets a line only when something moved since the last one.
                    String key = counts();
                    if (!key.equals(lastLine)) {
                        lastLine = key;
                        out.println(line);
                    }
                }
            }
        } catch (RuntimeException e) {
            // Presentation only: a failed refresh must never end the ticker or the job.
        }
    }

    private void draw() {
        String line = "[" + stage + "] " + status();
        out.print("\r" + pad(line, drawn));
        out.flush();
        drawn = line.length();
    }

    private void endLine() {
        if (terminal && drawn > 0) {
            out.print(System.lineSeparator());
            drawn = 0;
        }
    }

    private long shotsDone() {
        return Math.min(shotsTotal, Math.max(shots.get(), shotsCommitted));
    }

    private long framesDone() {
        return Math.min(framesTotal, Math.max(frames.get(), framesCommitted));
    }

    private String counts() {
        return "shots " + shotsDone() + "/" + shotsTotal + ", frames " + framesDone() + "/" + framesTotal;
    }

    private double elapsed() {
        return (nanos.getAsLong() - startNanos) / 1e9;
    }

    private String rate() {
        double e = elapsed();
        return String.format(Locale.ROOT, "%.1f frames/s", e > 0 ? framesDone() / e : 0.0);
    }

    private String eta() {
        long done = framesDone();
        double e = elapsed();
        if (done >= framesTotal) {
            return clock(0);
        }
        if (done == 0 || e <= 0) {
            return "--:--";
        }
        return clock((framesTotal - done) / (done / e));
    }

    private static String pad(String line, int width) {
        return line.length() >= width ? line : line + " ".repeat(width - line.length());
    }

    public static String clock(double seconds) {
        Duration d = Duration.ofMillis(Math.round(seconds * 1000));
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    /** Adds the accumulator updates of each successful task to the stage's sums. */
    private static final class Listener extends SparkListener {
        private final Map<Long, AtomicLong> tracked = new ConcurrentHashMap<>();

        public void track(long accumulatorId, AtomicLong sum) {
            tracked.put(accumulatorId, sum);
        }

        public void clear() {
            tracked.clear();
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.reason() != Success$.MODULE$ || tracked.isEmpty()) {
                return;
            }
            for (AccumulableInfo info : CollectionConverters.asJava(end.taskInfo().accumulables())) {
                AtomicLong sum = tracked.get(info.id());
                if (sum != null && info.update().isDefined() && info.update().get() instanceof Number n) {
                    sum.addAndGet(n.longValue());
                }
            }
        }
    }
}
