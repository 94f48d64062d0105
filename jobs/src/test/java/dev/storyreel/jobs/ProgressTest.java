package dev.storyreel.jobs;

import dev.storyreel.jobs.run.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress counts what tasks report on every executor thread, and formats lines with an ETA. */
class ProgressTest {

    @Test
    void countsTheFramesOfEverySuccessfulTaskAcrossExecutorThreads() throws Exception {
        try (SparkSession spark = SparkSession.builder().master("local[3]").appName("progress-test")
                .config("spark.ui.enabled", "false").getOrCreate()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AtomicLong clock = new AtomicLong();
            try (Progress progress = new Progress(spark.sparkContext(), new PrintStream(out, true, StandardCharsets.UTF_8),
                    clock::get, false, Duration.ZERO)) {
                Progress.Counters counters = progress.start("render", 12, 12 * 7);
                List<Integer> shots = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    shots.add(i);
                }
                long made = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(shots, 12).map(s -> {
                    for (int f = 0; f < 7; f++) {
                        counters.frame();
                    }
                    counters.shot();
                    return s;
                }).count();
                assertEquals(12, made);
                // The listener runs on Spark's bus thread: let it deliver every task-end event first.
                spark.sparkContext().listenerBus().waitUntilEmpty();
                clock.set(2_000_000_000L);
                assertEquals("shots 12/12, frames 84/84, 42.0 frames/s, elapsed 0:02, ETA 0:00", progress.status());
                progress.finish();
            }
            assertEquals("[render] done: shots 12/12, frames 84/84, 42.0 frames/s, elapsed 0:02" + System.lineSeparator(),
                    out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void etaFollowsTheRateAndCommitsPrintLinesOnAPipe() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        try (Progress progress = new Progress(null, new PrintStream(out, true, StandardCharsets.UTF_8), clock::get, false,
                Duration.ZERO)) {
            progress.start("render", 4, 400);
            assertTrue(progress.status().endsWith("ETA --:--"), progress.status());
            clock.set(10_000_000_000L);
            progress.advance(1, 100);
            assertEquals("shots 1/4, frames 100/400, 10.0 frames/s, elapsed 0:10, ETA 0:30", progress.status());
            clock.set(3_610_000_000_000L);
            assertEquals("shots 1/4, frames 100/400, 0.0 frames/s, elapsed 1:00:10, ETA 3:00:30", progress.status());
        }
        assertEquals("[render] committed 1 batch · shots 1/4, frames 100/400, 10.0 frames/s, elapsed 0:10, ETA 0:30"
                + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTerminalLineIsRedrawnInPlace() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        try (Progress progress = new Progress(null, new PrintStream(out, true, StandardCharsets.UTF_8), clock::get, true,
                Duration.ZERO)) {
            progress.start("encode", 2, 20);
            clock.set(1_000_000_000L);
            progress.advance(1, 10);
            progress.advance(1, 10);
            progress.finish();
        }
        String s = out.toString(StandardCharsets.UTF_8);
        assertEquals(3, s.split("\r", -1).length - 1, s);
        assertTrue(s.substring(s.lastIndexOf('\r')).startsWith("\r[encode] done: shots 2/2, frames 20/20, 20.0 frames/s"), s);
        assertTrue(s.endsWith(System.lineSeparator()), s);
    }
}
