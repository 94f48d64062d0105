package dev.storyreel.jobs.stage;




import dev.storyreel.remote.RemoteTotals;

import dev.storyreel.assemble.EncoderSettings;
import dev.storyreel.assemble.ShotEncoder;
import dev.storyreel.catalogue.FilmFailure;
import dev.storyreel.frames.FrameCodec;
import dev.storyreel.jobs.cluster.DeviceAudit;
import dev.storyreel.jobs.cluster.ExecutorModels;
import dev.storyreel.jobs.cluster.GpuScheduling;
import dev.storyreel.jobs.cluster.TaskDevice;
import dev.storyreel.jobs.run.Failures;
import dev.storyreel.jobs.run.Progress;
import dev.storyreel.jobs.store.FrameRow;
import dev.storyreel.jobs.store.FramesCommit;
import dev.storyreel.jobs.store.FramesCompaction;
import dev.storyreel.jobs.store.FramesTable;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.jobs.store.TaskFrameFiles;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.render.RenderedFrame;
import dev.storyreel.render.Renderer;
import dev.storyreel.render.RendererSpec;
import dev.storyreel.shot.ShotSpec;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Stage 2: renders every planned shot whose frames are not committed, in one Spark job. Shots are
 * packed into tasks balanced by frames ({@link RenderBins}); each task publishes its own frames
 * files when its shots are done ({@link TaskFrameFiles}), so no task waits for another and a kill
 * loses only the tasks in flight. A shot key shared by several slots is rendered once and written
 * to each. A shot that fails fails its own films; then each film's files are compacted.
 */
public final class RenderStage {

    /** Where a rendered shot goes in the frames table. */
    public record Target(String filmId, String variant, int scene, int shot, int startFrame) implements Serializable {
    }

    /** One shot to render and every slot that shows it. */
    public record Job(String shotKey, ShotSpec spec, List<Target> targets) implements Serializable {
    }

    /** What one render task did: shots and frames committed, segments encoded, films failed by a shot. */
    record TaskResult(long shots, long frames, long segments, List<FilmFailure> failures) implements Serializable {
    }

    /** What the stage did ({@code segmentsEncoded}: segments encoded by the render tasks themselves). */
    public record Result(int shotsPlanned, int shotsRendered, long framesPlanned, long framesRendered,
                  List<FilmFailure> failures, long segmentsEncoded, RemoteTotals remote) {
        public Result(int shotsPlanned, int shotsRendered, long framesPlanned, long framesRendered,
                      List<FilmFailure> failures) {
            this(shotsPlanned, shotsRendered, framesPlanned, framesRendered, failures, 0, null);
        }
    }

    /** The description of the render job (Spark's {@code spark.job.description}). */
    public static final String RENDER_JOB = "storyreel render";
    /** The devices.json stage of the frames table's upkeep around rendering. */
    public static final String UPKEEP = "frames-upkeep";

    private RenderStage() {
    }

    /** As below, without encoding segments in the render tasks. */
    public static Result run(SparkSession spark, OutputStore store, List<FilmPlan> plans, RendererSpec renderer,
                      String codec, int shotsPerTask, Progress progress) {
        return run(spark, store, plans, renderer, codec, shotsPerTask, null, progress);
    }

    /**
     * Renders what is missing. {@code shotsPerTask} &gt; 0 caps the shots of a task (a commit);
     * otherwise tasks are 8 per core, or more for big catalogues (about 2,400 frames each at most).
     * With {@code encodeWith} (a CPU renderer and a lossless frame codec) each task also encodes
     * every shot it renders into its segment from the frames in memory, so assembly finds the
     * segment made and neither reads the frames back nor shuffles them; the segment is the one
     * assembly would make from the decoded (identical) frames.
     */
    public static Result run(SparkSession spark, OutputStore store, List<FilmPlan> plans, RendererSpec renderer,
                      String codec, int shotsPerTask, EncoderSettings encodeWith, Progress progress) {
        // Table upkeep (reading what is committed, rewrites, compaction) is not rendering: its tasks
        // hold no GPU and are tallied apart in devices.json.
        spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, UPKEEP);
        int recovered = FramesCommit.recover(store);
        if (recovered > 0) {
            progress.note("render", "finished " + recovered + " frames rewrite(s) a killed run had committed");
        }
        List<PlannedShot> shots = plans.stream().flatMap(p -> p.shots().stream()).toList();
        FramesTable.State state = FramesTable.state(spark, store, shots);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (!state.staleFilms().isEmpty()) {
            progress.note("render", "dropping frames that no longer match the plan of " + String.join(", ", state.staleFilms()));
            rewrite(jsc, store, plans, state.staleFilms());
        }
        Map<String, Job> todo = new LinkedHashMap<>();
        long framesPlanned = 0;
        for (PlannedShot s : shots) {
            framesPlanned += s.frames();
            if (state.pending().contains(FramesTable.slot(s))) {
                todo.computeIfAbsent(s.shotKey(), k -> new Job(k, s.spec(), new ArrayList<>()))
                        .targets().add(new Target(s.filmId(), s.variant(), s.scene(), s.shot(), s.startFrame()));
            }
        }
        List<Job> jobs = new ArrayList<>(todo.values());
        long framesToRender = jobs.stream().mapToLong(j -> j.spec().frames()).sum();
        Progress.Counters counters = progress.startCommitting("render", jobs.size(), framesToRender);
        List<FilmFailure> failures = new ArrayList<>();
        long rendered = 0;
        long framesRendered = 0;
        long segments = 0;
        RemoteTotals remoteTotals = null;
        if (!jobs.isEmpty() && renderer instanceof RendererSpec.Remote r) {
            RemoteRenderWork.Counters remote = RemoteRenderWork.Counters.register(spark.sparkContext());
            long[] done = renderRemote(spark, jsc, store, plans, jobs, r, codec,
                    shotsPerTask > 0 ? shotsPerTask : Math.max(2, jsc.defaultParallelism() * 4), counters, remote,
                    failures, progress);
            rendered = done[0];
            framesRendered = done[1];
            remoteTotals = remote.totals();
        } else if (!jobs.isEmpty()) {
            int tasks = shotsPerTask > 0 ? (jobs.size() + shotsPerTask - 1) / shotsPerTask
                    : (int) Math.max(jsc.defaultParallelism() * 8L, (framesToRender + 2399) / 2400);
            List<List<Job>> bins = RenderBins.pack(jobs, Math.min(tasks, jobs.size()), j -> j.spec().frames());
            String root = store.root().toString();
            // Named so listeners (the busy-executor benchmark) can tell the render job from the table queries.
            spark.sparkContext().setJobDescription(RENDER_JOB);
            spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, "render");
            try {
                for (TaskResult r : GpuScheduling.forRender(jsc.parallelize(bins, bins.size())
                        .mapPartitions(b -> renderTask(b, renderer, codec, root, encodeWith, counters))).collect()) {
                    rendered += r.shots();
                    segments += r.segments();
                    framesRendered += r.frames();
                    failures.addAll(r.failures());
                }
            } catch (RuntimeException e) {
                // The job failed past Spark's retries: what was committed stays; films still missing shots fail.
                Set<String> films = new LinkedHashSet<>();
                FramesTable.state(spark, store, shots).pending().forEach(s -> films.add(s.filmId()));
                films.forEach(f -> failures.add(new FilmFailure(f, "render", 0, "rendering failed: " + Failures.rootMessage(e))));
            } finally {
                spark.sparkContext().setJobDescription(null);
                spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, UPKEEP);
            }
            progress.advance(rendered, framesRendered);
        }
        progress.finish();
        compact(jsc, store, plans);
        FramesCommit.cleanUp(store);
        FramesCommit.writeSummary(store, plans.stream().map(FilmPlan::filmId).toList());
        spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, "render");
        return new Result(shots.size(), (int) rendered, framesPlanned, framesRendered, failures, segments,
                remoteTotals);
    }

    /**
     * Remote shots: whole units of continuing shots (image-to-video from the previous shot's last frame)
     * in waves of about {@code waveShots} shots, each wave one Spark job of at most the endpoint's
     * concurrency of tasks, each task committing its own frames files. Returns the shots and frames committed.
     */
    private static long[] renderRemote(SparkSession spark, JavaSparkContext jsc, OutputStore store, List<FilmPlan> plans,
                                       List<Job> jobs, RendererSpec.Remote renderer, String codec, int waveShots,
                                       Progress.Counters counters, RemoteRenderWork.Counters remote,
                                       List<FilmFailure> failures, Progress progress) {
        Map<String, Job> pred = RemoteRenderWork.predecessors(plans);
        List<List<Job>> units = RemoteRenderWork.units(jobs, pred);
        String root = store.root().toString();
        long rendered = 0;
        long framesRendered = 0;
        spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, "render");
        try {
            for (int from = 0; from < units.size(); ) {
                List<List<Job>> waveUnits = new ArrayList<>();
                int size = 0;
                while (from < units.size() && (size == 0 || size + units.get(from).size() <= waveShots)) {
                    size += units.get(from).size();
                    waveUnits.add(units.get(from++));
                }
                List<Job> wave = waveUnits.stream().flatMap(List::stream).toList();
                long waveFrames = wave.stream().mapToLong(j -> j.spec().frames()).sum();
                try {
                    for (TaskResult r : RemoteRenderWork.render(jsc, waveUnits, pred, renderer, codec, root, counters,
                            remote)) {
                        rendered += r.shots();
                        framesRendered += r.frames();
                    }
                } catch (Exception e) {
                    Set<String> films = new LinkedHashSet<>();
                    wave.forEach(j -> j.targets().forEach(t -> films.add(t.filmId())));
                    films.forEach(f -> failures.add(new FilmFailure(f, "render", 0, "rendering failed: "
                            + Failures.rootMessage(e))));
                }
                progress.advance(wave.size(), waveFrames);
            }
        } finally {
            spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, UPKEEP);
        }
        return new long[] {rendered, framesRendered};
    }

    /** Brings every film of the plans to as few frames files as its bytes need (one Spark task per film). */
    static void compact(JavaSparkContext jsc, OutputStore store, List<FilmPlan> plans) {
        List<String> films = plans.stream().map(FilmPlan::filmId).distinct().sorted().toList();
        if (films.isEmpty()) {
            return;
        }
        String root = store.root().toString();
        jsc.parallelize(films, Math.min(films.size(), jsc.defaultParallelism() * 4))
                .map(f -> FramesCompaction.compact(OutputStore.onExecutor(root), f, FramesTable.TARGET_FILE_BYTES, null))
                .collect();
    }

    /** Rewrites stale films keeping only their plans' current slots (one Spark task per film). */
    static void rewrite(JavaSparkContext jsc, OutputStore store, List<FilmPlan> plans, List<String> films) {
        Map<String, Map<String, FramesCompaction.Want>> keep = new HashMap<>();
        for (FilmPlan p : plans) {
            if (films.contains(p.filmId())) {
                Map<String, FramesCompaction.Want> m = keep.computeIfAbsent(p.filmId(), k -> new HashMap<>());
                p.shots().forEach(s -> m.put(FramesTable.slotInFilm(s.variant(), s.scene(), s.shot()),
                        new FramesCompaction.Want(s.shotKey(), s.frames())));
            }
        }
        String root = store.root().toString();
        jsc.parallelize(films, Math.min(films.size(), jsc.defaultParallelism() * 4))
                .map(f -> FramesCompaction.compact(OutputStore.onExecutor(root), f, FramesTable.TARGET_FILE_BYTES, keep.get(f)))
                .collect();
    }

    /**
     * One render task: renders its shots one at a time (one frame in memory), writes each frame to
     * the files of the films that show it, and publishes the files when done. A shot that throws
     * drops its films' files of this task and fails those films; the task's other films commit.
     */
    static Iterator<TaskResult> renderTask(Iterator<List<Job>> bins, RendererSpec choice, String codecName, String root,
                                           EncoderSettings encodeWith, Progress.Counters counters) throws IOException {
        OutputStore store = OutputStore.onExecutor(root);
        Path scratch = TaskFrameFiles.attemptScratch(store, "render");
        Renderer renderer = ExecutorModels.jvm().renderer(choice);
        FrameCodec codec = FrameCodec.named(codecName);
        String device = TaskDevice.label();
        long shots = 0;
        long frames = 0;
        long segments = 0;
        List<FilmFailure> failures = new ArrayList<>();
        try (TaskFrameFiles files = new TaskFrameFiles(store, scratch)) {
            while (bins.hasNext()) {
                for (Job j : bins.next()) {
                    j.targets().forEach(t -> files.beginShot(t.filmId(), t.variant(), t.scene(), t.shot(), j.shotKey()));
                    SegmentOut segment = null;
                    try {
                        segment = SegmentOut.open(store, scratch, j, encodeWith);
                        int n = 0;
                        Iterator<RenderedFrame> it = renderer.render(List.of(j.spec()).iterator());
                        while (it.hasNext()) {
                            RenderedFrame f = it.next();
                            if (segment != null) {
                                segment.write(f.image());
                            }
                            byte[] data = codec.encode(f.image());
                            for (Target t : j.targets()) {
                                files.write(t.filmId(), new FrameRow(t.variant(), t.scene(), t.shot(), f.index(),
                                        t.startFrame() + f.index(), j.shotKey(), f.image().getWidth(),
                                        f.image().getHeight(), codec.name(), data, device));
                            }
                            counters.frame();
                            n++;
                        }
                        if (n != j.spec().frames()) {
                            throw new IllegalStateException("the renderer gave " + n + " frames, the plan says " + j.spec().frames());
                        }
                        if (segment != null) {
                            segment.publish(store);
                            segment = null;
                            segments++;
                        }
                        counters.shot();
                        shots++;
                        frames += n;
                    } catch (RuntimeException e) {
                        for (Target t : j.targets()) {
                            files.abort(t.filmId());
                            failures.add(new FilmFailure(t.filmId(), "render", 0, "rendering scene " + t.scene() + " shot "
                                    + t.shot() + " failed: " + Failures.rootMessage(e)));
                        }
                    } finally {
                        if (segment != null) {
                            segment.discard();
                        }
                    }
                }
            }
            files.commit();
        } finally {
            TaskFrameFiles.discardScratch(scratch);
        }
        return List.of(new TaskResult(shots, frames, segments, failures)).iterator();
    }

    /** A shot's segment being encoded inside its render task, published when the shot is whole. */
    private record SegmentOut(ShotEncoder encoder, Path local, String target) {
        /** Null when not encoding here, or when the segment exists already (a resumed run). */
        static SegmentOut open(OutputStore store, Path scratch, Job j, EncoderSettings settings) {
            if (settings == null) {
                return null;
            }
            EncoderSettings sized = SegmentWork.sized(settings, j.spec().width(), j.spec().height());
            String name = SegmentWork.segmentName(j.shotKey(), sized);
            String target = RunLayout.segment(name);
            if (store.exists(store.resolve(target))) {
                return null;
            }
            Path local = scratch.resolve(name);
            try {
                return new SegmentOut(new ShotEncoder(local, sized), local, target);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the segment encoder", e);
            }
        }

        void write(java.awt.image.BufferedImage frame) {
            try {
                encoder.write(frame);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot encode the segment", e);
            }
        }

        void publish(OutputStore store) {
            try {
                encoder.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish the segment", e);
            }
            store.publishMoving(local, store.resolve(target));
        }

        void discard() {
            try {
                encoder.close();
                Files.deleteIfExists(local);
            } catch (IOException e) {
                // a failed shot's partial segment: the scratch folder is deleted with the task anyway
            }
        }
    }
}
