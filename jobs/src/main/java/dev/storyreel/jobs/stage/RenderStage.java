package dev.storyreel.jobs.stage;

import dev.storyreel.catalogue.FilmFailure;
import dev.storyreel.frames.FrameCodec;
import dev.storyreel.jobs.cluster.ExecutorModels;
import dev.storyreel.jobs.cluster.GpuScheduling;
import dev.storyreel.jobs.cluster.TaskDevice;
import dev.storyreel.jobs.run.Failures;
import dev.storyreel.jobs.run.Progress;
import dev.storyreel.jobs.store.FramesTable;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.render.RenderedFrame;
import dev.storyreel.render.Renderer;
import dev.storyreel.render.RendererSpec;
import dev.storyreel.shot.ShotSpec;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Stage 2: renders every planned shot whose frames are not yet committed, in waves; each wave is
 * one Spark job appending to the frames table, so an interrupted run keeps every finished wave.
 * A shot key shared by several slots (films, variants) is rendered once and written to each.
 */
public final class RenderStage {

    /** Where a rendered shot goes in the frames table. */
    public record Target(String filmId, String variant, int scene, int shot, int startFrame) implements Serializable {
    }

    /** One shot to render and every slot that shows it. */
    public record Job(String shotKey, ShotSpec spec, List<Target> targets) implements Serializable {
    }

    /** What the stage did. */
    public record Result(int shotsPlanned, int shotsRendered, long framesPlanned, long framesRendered,
                  List<FilmFailure> failures) {
    }

    private RenderStage() {
    }

    public static Result run(SparkSession spark, OutputStore store, List<FilmPlan> plans, RendererSpec renderer,
                      String codec, int waveShots, Progress progress) {
        String path = store.resolve(RunLayout.FRAMES).toString();
        Map<FramesTable.Slot, List<FramesTable.Committed>> committed = FramesTable.committed(spark, store, path);
        Set<String> stale = FramesTable.staleFilms(committed, plans);
        if (!stale.isEmpty()) {
            progress.note("render", "dropping frames that no longer match the plan of " + String.join(", ", stale));
            List<PlannedShot> keep = plans.stream().filter(p -> stale.contains(p.filmId()))
                    .flatMap(p -> p.shots().stream())
                    .filter(s -> FramesTable.isCurrent(committed.get(FramesTable.slot(s)), s)).toList();
            FramesTable.dropStale(spark, store, path, stale, keep);
        }
        Map<String, Job> todo = new LinkedHashMap<>();
        int planned = 0;
        long framesPlanned = 0;
        for (FilmPlan plan : plans) {
            for (PlannedShot s : plan.shots()) {
                planned++;
                framesPlanned += s.frames();
                if (!FramesTable.isCurrent(committed.get(FramesTable.slot(s)), s)) {
                    todo.computeIfAbsent(s.shotKey(), k -> new Job(k, s.spec(), new ArrayList<>()))
                            .targets().add(new Target(s.filmId(), s.variant(), s.scene(), s.shot(), s.startFrame()));
                }
            }
        }
        List<Job> jobs = new ArrayList<>(todo.values());
        long framesToRender = jobs.stream().mapToLong(j -> j.spec().frames()).sum();
        Progress.Counters counters = progress.start("render", jobs.size(), framesToRender);
        List<FilmFailure> failures = new ArrayList<>();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int rendered = 0;
        long framesRendered = 0;
        for (int from = 0; from < jobs.size(); from += waveShots) {
            List<Job> wave = jobs.subList(from, Math.min(jobs.size(), from + waveShots));
            long waveFrames = wave.stream().mapToLong(j -> j.spec().frames()).sum();
            try {
                writeWave(spark, jsc, wave, renderer, codec, path, counters);
                rendered += wave.size();
                framesRendered += waveFrames;
                progress.advance(wave.size(), waveFrames);
            } catch (Exception e) {
                Set<String> films = new LinkedHashSet<>();
                wave.forEach(j -> j.targets().forEach(t -> films.add(t.filmId())));
                for (String film : films) {
                    failures.add(new FilmFailure(film, "render", 0, "rendering failed: " + Failures.rootMessage(e)));
                }
                progress.advance(wave.size(), waveFrames);
            }
        }
        progress.finish();
        return new Result(planned, rendered, framesPlanned, framesRendered, failures);
    }

    private static void writeWave(SparkSession spark, JavaSparkContext jsc, List<Job> wave, RendererSpec renderer,
                                  String codec, String path, Progress.Counters counters) {
        JavaRDD<Row> rows = GpuScheduling.forRender(jsc.parallelize(new ArrayList<>(wave), wave.size())
                .mapPartitions(jobs -> renderPartition(jobs, renderer, codec, counters)));
        spark.createDataFrame(rows, FramesTable.SCHEMA)
                .write()
                .mode(SaveMode.Append)
                .options(FramesTable.WRITE_OPTIONS)
                .partitionBy("film_id")
                .parquet(path);
    }

    /** Renders a partition's shots lazily: one frame in memory at a time, one row per target slot. */
    public static Iterator<Row> renderPartition(Iterator<Job> input, RendererSpec choice, String codecName,
                                         Progress.Counters counters) {
        List<Job> jobs = new ArrayList<>();
        input.forEachRemaining(jobs::add);
        Renderer renderer = ExecutorModels.jvm().renderer(choice);
        FrameCodec codec = FrameCodec.named(codecName);
        String device = TaskDevice.label();
        Iterator<RenderedFrame> frames = renderer.render(jobs.stream().map(Job::spec).iterator());
        return new Iterator<>() {
            private final Deque<Row> pending = new ArrayDeque<>();
            private int job = -1;

            @Override
            public boolean hasNext() {
                return !pending.isEmpty() || frames.hasNext();
            }

            @Override
            public Row next() {
                if (pending.isEmpty()) {
                    if (!frames.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    RenderedFrame f = frames.next();
                    if (f.index() == 0) {
                        job++;
                    }
                    Job j = jobs.get(job);
                    byte[] data = codec.encode(f.image());
                    counters.frame();
                    if (f.index() == j.spec().frames() - 1) {
                        counters.shot();
                    }
                    for (Target t : j.targets()) {
                        pending.add(RowFactory.create(t.filmId(), t.variant(), t.scene(), t.shot(), f.index(),
                                t.startFrame() + f.index(), j.shotKey(), f.image().getWidth(), f.image().getHeight(),
                                codec.name(), data, device));
                    }
                }
                return pending.poll();
            }
        };
    }
}
