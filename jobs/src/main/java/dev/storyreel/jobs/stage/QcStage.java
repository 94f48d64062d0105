package dev.storyreel.jobs.stage;

import dev.storyreel.jobs.cluster.ExecutorHadoop;
import dev.storyreel.jobs.run.Failures;
import dev.storyreel.jobs.run.FilmStatus;
import dev.storyreel.jobs.run.Progress;
import dev.storyreel.jobs.run.QcOptions;
import dev.storyreel.jobs.run.RunReport;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.qc.Deliverable;
import dev.storyreel.qc.DeliveryQc;
import dev.storyreel.qc.QcResult;
import dev.storyreel.trailer.TrailerCut;
import dev.storyreel.trailer.TrailerCutter;
import dev.storyreel.variant.VariantPlan;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Delivery QC of every deliverable once it is written (film variants and trailers): one Spark task
 * per deliverable runs {@link DeliveryQc} on the MP4 (fetched to local scratch when the output is
 * remote), its subtitle files and its planned shot boundaries. A deliverable QC cannot read fails QC
 * with that reason; nothing here fails a film or the run.
 */
public final class QcStage {

    private QcStage() {
    }

    /**
     * What one task checks.
     *
     * @param file       the MP4, relative to the output root (the key of the result)
     * @param label      how reasons name it
     * @param fps        planned frames per second
     * @param frames     planned frames
     * @param shotStarts planned start frame of every shot or trailer cut
     * @param subtitles  its subtitle files, relative to the output root
     */
    public record Task(String file, String label, int fps, int frames, List<Integer> shotStarts, List<String> subtitles)
            implements Serializable {
    }

    /** The tasks for the made film variants and the made trailers. */
    public static List<Task> tasks(List<VariantPlan> made, Deliverables deliverables, List<RunReport.Trailer> trailers) {
        List<Task> out = new ArrayList<>();
        Map<String, FilmPlan> byVariant = new LinkedHashMap<>();
        for (VariantPlan v : made) {
            FilmPlan p = v.plan();
            byVariant.put(p.filmId() + "/" + p.variant(), p);
            List<String> subs = deliverables.files(p).entrySet().stream()
                    .filter(e -> e.getKey().equals("srt") || e.getKey().equals("vtt")).map(Map.Entry::getValue).toList();
            out.add(new Task(RunLayout.film(p.filmId(), p.variant()), p.filmId() + "/" + p.variant(), fps(p), p.frames(),
                    p.shots().stream().map(PlannedShot::startFrame).toList(), subs));
        }
        for (RunReport.Trailer t : trailers) {
            FilmPlan source = byVariant.get(t.filmId() + "/" + t.fromVariant());
            if (t.status() != FilmStatus.OK || source == null) {
                continue;
            }
            List<Integer> starts = new ArrayList<>();
            int at = 0;
            for (TrailerCut c : TrailerCutter.cut(source, t.targetS())) {
                starts.add(at);
                at += c.frames();
            }
            out.add(new Task(t.file(), "trailer " + t.filmId(), fps(source), (int) t.frames(), starts, List.of()));
        }
        return out;
    }

    /** Checks every task's deliverable; results by the deliverable's file (relative to the output root). */
    public static Map<String, QcResult> run(SparkSession spark, OutputStore store, List<Task> tasks, QcOptions options,
                                            Progress progress) {
        Map<String, QcResult> out = new LinkedHashMap<>();
        if (!options.enabled() || tasks.isEmpty()) {
            return out;
        }
        long frames = tasks.stream().mapToLong(Task::frames).sum();
        Progress.Counters counters = progress.start("qc", tasks.size(), frames);
        String root = store.root().toString();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<QcResult> results = jsc.parallelize(tasks, tasks.size()).map(t -> {
            QcResult r = check(root, t, options);
            counters.shot();
            return r;
        }).collect();
        progress.advance(tasks.size(), frames);
        progress.finish();
        for (int i = 0; i < tasks.size(); i++) {
            out.put(tasks.get(i).file(), results.get(i));
        }
        return out;
    }

    /** One deliverable's QC, on an executor. */
    static QcResult check(String root, Task task, QcOptions options) throws IOException {
        OutputStore store = OutputStore.onExecutor(root);
        Path scratch = Files.createTempDirectory("storyreel-qc-");
        try {
            Map<String, String> subtitles = new LinkedHashMap<>();
            for (String s : task.subtitles()) {
                subtitles.put(s.substring(s.lastIndexOf('/') + 1),
                        new String(OutputStore.readAll(store.resolve(s), ExecutorHadoop.conf()), StandardCharsets.UTF_8));
            }
            Path mp4 = store.local(store.resolve(task.file()), scratch);
            return new DeliveryQc(options.profile(), options.sound()).check(new Deliverable(task.label(), mp4, task.fps(),
                    task.frames(), task.shotStarts(), subtitles));
        } catch (IOException | RuntimeException e) {
            // One deliverable QC cannot read fails its own QC, never the stage.
            return QcResult.unreadable(options.profile().name(), Failures.rootMessage(e));
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static int fps(FilmPlan p) {
        return p.shots().isEmpty() ? 1 : p.shots().get(0).spec().fps();
    }
}
