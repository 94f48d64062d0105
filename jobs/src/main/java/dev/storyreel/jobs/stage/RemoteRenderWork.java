package dev.storyreel.jobs.stage;

import dev.storyreel.frames.FrameCodec;
import dev.storyreel.jobs.cluster.TaskDevice;
import dev.storyreel.jobs.run.Progress;
import dev.storyreel.jobs.store.FrameRow;
import dev.storyreel.jobs.store.HadoopLedgerFiles;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.jobs.store.TaskFrameFiles;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.remote.Continuity;
import dev.storyreel.remote.Credentials;
import dev.storyreel.remote.JobLedger;
import dev.storyreel.remote.RemoteRenderer;
import dev.storyreel.remote.RemoteSettings;
import dev.storyreel.remote.RemoteShot;
import dev.storyreel.remote.RemoteTotals;
import dev.storyreel.remote.Sleeper;
import dev.storyreel.render.RenderedFrame;
import dev.storyreel.render.RendererSpec;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * The render stage's work for a remote renderer. Shots that continue the one before (see {@link Continuity})
 * are kept together in order, a unit per run of continuing shots; a wave's units are spread over at most
 * {@code --remote-concurrency} partitions, each rendering its shots one after the other with one request in
 * flight, so the whole job never has more requests in flight than that. A unit whose first shot continues a
 * shot rendered earlier (an earlier wave or run) starts with that shot again, for its last frame only: its
 * job is in the ledger, so that costs a download, not a new job. Counts go to accumulators.
 */
final class RemoteRenderWork {

    /** One job in a partition: render it, start it from the previous item's last frame, write its rows. */
    record Item(RenderStage.Job job, boolean continues, boolean emit) implements Serializable {
    }

    /** The job-wide counts of the remote block. */
    record Counters(LongAccumulator requests, LongAccumulator retries, LongAccumulator submitted,
                    LongAccumulator reused, DoubleAccumulator seconds, DoubleAccumulator cost) implements Serializable {
        static Counters register(SparkContext sc) {
            return new Counters(sc.longAccumulator("remote requests"), sc.longAccumulator("remote retries"),
                    sc.longAccumulator("remote jobs submitted"), sc.longAccumulator("remote jobs reused"),
                    sc.doubleAccumulator("remote seconds"), sc.doubleAccumulator("remote cost"));
        }

        void add(RemoteTotals t) {
            requests.add(t.requests());
            retries.add(t.retries());
            submitted.add(t.jobsSubmitted());
            reused.add(t.jobsReused());
            seconds.add(t.secondsGenerated());
            cost.add(t.cost());
        }

        RemoteTotals totals() {
            return new RemoteTotals(requests.value(), retries.value(), submitted.value(), reused.value(),
                    seconds.value(), cost.value());
        }
    }

    private RemoteRenderWork() {
    }

    /** The shot each shot continues (by key, first occurrence in plan order), from the plans. */
    static Map<String, RenderStage.Job> predecessors(List<FilmPlan> plans) {
        Map<String, RenderStage.Job> pred = new LinkedHashMap<>();
        for (FilmPlan p : plans) {
            PlannedShot prev = null;
            for (PlannedShot s : p.shots()) {
                if (Continuity.continues(prev, s) && !pred.containsKey(s.shotKey())) {
                    pred.put(s.shotKey(), new RenderStage.Job(prev.shotKey(), prev.spec(), List.of()));
                }
                prev = s;
            }
        }
        return pred;
    }

    /** The jobs cut into units: runs of jobs each continuing the one before it in the list. */
    static List<List<RenderStage.Job>> units(List<RenderStage.Job> jobs, Map<String, RenderStage.Job> pred) {
        List<List<RenderStage.Job>> units = new ArrayList<>();
        RenderStage.Job last = null;
        for (RenderStage.Job j : jobs) {
            RenderStage.Job p = pred.get(j.shotKey());
            if (last != null && p != null && p.shotKey().equals(last.shotKey())) {
                units.get(units.size() - 1).add(j);
            } else {
                units.add(new ArrayList<>(List.of(j)));
            }
            last = j;
        }
        return units;
    }

    /**
     * Renders a wave: its units spread round-robin over at most {@code concurrency} tasks, each committing
     * its own frames files like any render task (the frames commit protocol: published whole under
     * content-derived names, so a retried task replaces rather than adds). Returns each task's result.
     */
    static List<RenderStage.TaskResult> render(JavaSparkContext jsc, List<List<RenderStage.Job>> wave,
                                                Map<String, RenderStage.Job> pred, RendererSpec.Remote spec, String codec,
                                                String root, Progress.Counters progress, Counters counters) {
        int n = Math.max(1, Math.min(spec.concurrency(), wave.size()));
        List<List<Item>> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(new ArrayList<>());
        }
        for (int u = 0; u < wave.size(); u++) {
            List<RenderStage.Job> unit = wave.get(u);
            List<Item> part = parts.get(u % n);
            RenderStage.Job first = pred.get(unit.get(0).shotKey());
            if (first != null) {
                part.add(new Item(first, false, false));
            }
            for (int i = 0; i < unit.size(); i++) {
                part.add(new Item(unit.get(i), first != null || i > 0, true));
            }
        }
        return jsc.parallelize(parts, n).mapPartitions(it -> {
            List<Item> items = new ArrayList<>();
            it.forEachRemaining(items::addAll);
            return List.of(task(items, spec, codec, root, progress, counters)).iterator();
        }).collect();
    }

    /** One task: its items rendered in order, every frame written to its films' files, committed at the end. */
    private static RenderStage.TaskResult task(List<Item> items, RendererSpec.Remote spec, String codecName, String root,
                                               Progress.Counters progress, Counters counters) throws IOException {
        OutputStore store = OutputStore.onExecutor(root);
        Path scratch = TaskFrameFiles.attemptScratch(store, "remote");
        RemoteSettings settings = RemoteSettings.of(spec);
        RemoteRenderer renderer = new RemoteRenderer(settings, Credentials.key(settings.credentialsFile(),
                "STORYREEL_REMOTE_KEY"), new JobLedger(new HadoopLedgerFiles(spec.out()), RunLayout.REMOTE_JOBS),
                Sleeper.REAL);
        List<RemoteShot> shots = items.stream().map(i -> new RemoteShot(i.job().shotKey(), i.job().spec(), i.continues(),
                i.emit())).toList();
        List<RenderStage.Job> emitted = items.stream().filter(Item::emit).map(Item::job).toList();
        FrameCodec codec = FrameCodec.named(codecName);
        String device = TaskDevice.label();
        long frames = 0;
        try (TaskFrameFiles files = new TaskFrameFiles(store, scratch)) {
            Iterator<RenderedFrame> it = renderer.render(shots);
            int job = -1;
            while (it.hasNext()) {
                RenderedFrame f = it.next();
                if (f.index() == 0) {
                    RenderStage.Job next = emitted.get(++job);
                    next.targets().forEach(t -> files.beginShot(t.filmId(), t.variant(), t.scene(), t.shot(), next.shotKey()));
                }
                RenderStage.Job j = emitted.get(job);
                byte[] data = codec.encode(f.image());
                for (RenderStage.Target t : j.targets()) {
                    files.write(t.filmId(), new FrameRow(t.variant(), t.scene(), t.shot(), f.index(), t.startFrame() + f.index(),
                            j.shotKey(), f.image().getWidth(), f.image().getHeight(), codec.name(), data, device));
                }
                progress.frame();
                frames++;
                if (f.index() == j.spec().frames() - 1) {
                    progress.shot();
                }
            }
            if (job + 1 != emitted.size()) {
                throw new IllegalStateException("the remote renderer gave " + (job + 1) + " shots, the task has " + emitted.size());
            }
            files.commit();
        } finally {
            counters.add(renderer.stats().totals());
            renderer.close();
            TaskFrameFiles.discardScratch(scratch);
        }
        return new RenderStage.TaskResult(emitted.size(), frames, 0, List.of());
    }
}
