package dev.storyreel.jobs.bench;

import dev.storyreel.jobs.stage.RenderStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Measures, from Spark's own task events, the share of the render stage's wall time during which
 * every executor slot runs a render task. Register with
 * {@code spark.extraListeners=dev.storyreel.jobs.bench.BusyListener}; the figures are written at
 * application end to the file named by {@code spark.storyreel.bench.busyOut} (key=value lines).
 */
public final class BusyListener extends SparkListener {
    private final Set<Integer> renderStages = ConcurrentHashMap.newKeySet();
    private final List<long[]> tasks = new ArrayList<>();
    private final Map<Integer, String> stageNames = new ConcurrentHashMap<>();
    private final String out;
    private final int slots;

    public BusyListener(SparkConf conf) {
        this.out = conf.get("spark.storyreel.bench.busyOut", "busy.txt");
        String master = conf.get("spark.master", "local[*]");
        int cores = Runtime.getRuntime().availableProcessors();
        if (master.matches("local\\[\\d+]")) {
            cores = Integer.parseInt(master.replaceAll("\\D", ""));
        }
        this.slots = conf.getInt("spark.storyreel.bench.slots", cores);
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted e) {
        if (e.properties() != null && RenderStage.RENDER_JOB.equals(e.properties().getProperty("spark.job.description"))) {
            renderStages.add(e.stageInfo().stageId());
            stageNames.put(e.stageInfo().stageId(), e.stageInfo().name());
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
        if (renderStages.contains(e.stageId()) && e.taskInfo() != null) {
            tasks.add(new long[] {e.taskInfo().launchTime(), e.taskInfo().finishTime(), e.stageId()});
        }
    }

    @Override
    public synchronized void onApplicationEnd(SparkListenerApplicationEnd e) {
        // The render job has one stage; should there be more (a resubmitted stage), take the one with most tasks.
        Map<Long, Integer> perStage = new java.util.TreeMap<>();
        tasks.forEach(t -> perStage.merge(t[2], 1, Integer::sum));
        long stage = perStage.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1L);
        List<long[]> events = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int n = 0;
        for (long[] t : tasks) {
            if (t[2] != stage) {
                continue;
            }
            n++;
            first = Math.min(first, t[0]);
            last = Math.max(last, t[1]);
            events.add(new long[] {t[0], +1});
            events.add(new long[] {t[1], -1});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long busy = 0;
        int running = 0;
        long since = 0;
        for (long[] ev : events) {
            if (running >= slots) {
                busy += ev[0] - since;
            }
            running += (int) ev[1];
            since = ev[0];
        }
        double wall = Math.max(1, last - first);
        String text = String.format(Locale.ROOT, "render_tasks=%d%nslots=%d%nrender_wall_ms=%d%nall_busy_ms=%d%nbusy_share=%.3f%n",
                n, slots, (long) wall, busy, busy / wall);
        try {
            Files.writeString(Path.of(out), text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
