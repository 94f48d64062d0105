package dev.storyreel.jobs;

import dev.storyreel.assemble.EncoderSettings;
import dev.storyreel.catalogue.CatalogueException;
import dev.storyreel.catalogue.FilmFailure;
import dev.storyreel.estimate.Calibration;
import dev.storyreel.estimate.RenderEstimate;
import dev.storyreel.frames.FrameCodec;
import dev.storyreel.jobs.cluster.DeviceAudit;
import dev.storyreel.jobs.cluster.ExecutorModels;
import dev.storyreel.jobs.run.Estimates;
import dev.storyreel.jobs.run.Failures;
import dev.storyreel.jobs.run.JobOptions;
import dev.storyreel.jobs.run.OutputOptions;
import dev.storyreel.jobs.run.PlanSummary;
import dev.storyreel.jobs.run.PlannedFilm;
import dev.storyreel.jobs.run.Progress;
import dev.storyreel.jobs.run.QcOptions;
import dev.storyreel.jobs.run.SoundOptions;
import dev.storyreel.jobs.run.RunReport;
import dev.storyreel.jobs.run.RunReportBuilder;
import dev.storyreel.jobs.run.WriterOptions;
import dev.storyreel.jobs.stage.AssembleStage;
import dev.storyreel.jobs.stage.DatasetStage;
import dev.storyreel.jobs.stage.Deliverables;
import dev.storyreel.jobs.stage.PlanStage;
import dev.storyreel.jobs.stage.QcStage;
import dev.storyreel.jobs.stage.SoundStage;
import dev.storyreel.jobs.stage.RenderStage;
import dev.storyreel.jobs.stage.ReportStage;
import dev.storyreel.jobs.stage.TrailerStage;
import dev.storyreel.jobs.stage.WriteStage;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.BibleTables;
import dev.storyreel.jobs.store.PlanTable;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.limits.Limits;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlanSettings;
import dev.storyreel.remote.RemoteQuote;
import dev.storyreel.remote.RemoteTotals;
import dev.storyreel.render.Renderer;
import dev.storyreel.render.Captions;
import dev.storyreel.render.RendererSpec;
import dev.storyreel.shot.RendererInfo;
import dev.storyreel.shot.ShotSpec;
import dev.storyreel.variant.VariantPlan;
import dev.storyreel.variant.VariantPlanner;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * One run of the film job: calls the stages in order (plan, render, assemble, deliver, sound, qc,
 * dataset, report) and hands their results to the run report. Films fail one by one, never the run: a
 * stage that throws (a failed Spark job, a full disk) fails the films it was working on with its error,
 * the later stages go on with the rest, and {@code run.json} is written whatever happened.
 */
final class FilmRun {
    private final SparkSession spark;
    private final JobOptions options;
    private final PrintStream console;
    private final OutputOptions outputs;
    private final QcOptions qc;
    private WriterOptions writer = WriterOptions.NONE;
    private final Limits limits;
    /** Beyond this many film variants the console prints the plan's totals only (the rest: plan/, run.json). */
    private static final int PER_FILM_LINES = 200;

    /** A stage's work, which may throw anything (Spark's checked SparkException included). */
    @FunctionalInterface
    private interface StageWork<T> {
        T run() throws Exception;
    }
    private SoundOptions sound = SoundOptions.OFF;

    FilmRun(SparkSession spark, JobOptions options, PrintStream console) {
        this(spark, options, console, OutputOptions.NONE);
    }

    FilmRun(SparkSession spark, JobOptions options, PrintStream console, OutputOptions outputs) {
        this(spark, options, console, outputs, QcOptions.OFF, Limits.defaults());
    }

    FilmRun(SparkSession spark, JobOptions options, PrintStream console, OutputOptions outputs, QcOptions qc,
            Limits limits) {
        this.spark = spark;
        this.options = options;
        this.console = console;
        this.outputs = outputs;
        this.qc = qc;
        this.limits = limits;
    }

    /** This run with a writers' room for catalogue rows that carry a logline or brief. */
    FilmRun withWriter(WriterOptions w) {
        this.writer = w;
        return this;
    }

    /** This run with sound (voices, score, ambience, mix) as {@code s} asks. */
    FilmRun withSound(SoundOptions s) {
        this.sound = s;
        return this;
    }

    /** Runs the job and writes {@code run.json}; the report says which films failed. */
    RunReport run() throws CatalogueException {
        long t0 = System.nanoTime();
        OutputStore store = new OutputStore(options.out(), spark.sparkContext().hadoopConfiguration());
        RendererInfo rendererInfo;
        try (Renderer r = ExecutorModels.open(options.renderer())) {
            rendererInfo = r.info();
        }
        PlanSettings planSettings = new PlanSettings(options.width(), options.height(), options.fps(), rendererInfo);
        try (Progress progress = Progress.console(spark.sparkContext(), console)) {
            return run(progress, store, planSettings, rendererInfo, t0);
        }
    }

    private RunReport run(Progress progress, OutputStore store, PlanSettings planSettings, RendererInfo rendererInfo,
                          long t0) throws CatalogueException {
        PlanStage.Source source = WriteStage.run(PlanStage.readCatalogue(options.catalogue(),
                spark.sparkContext().hadoopConfiguration(), options.seed(), limits), writer, store, console);
        RunReportBuilder report = new RunReportBuilder(options, outputs, spark.sparkContext().master(), source.catalogue());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        DeviceAudit.reset();
        spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, "plan");
        if (options.planOnly()) {
            return planOnly(progress, store, report, source, planSettings, rendererInfo, t0);
        }
        List<VariantPlan> variants = new ArrayList<>();
        Map<String, Map<String, String>> translations = new LinkedHashMap<>();
        List<String> all = source.catalogue().entries().stream().map(e -> e.filmId()).toList();
        for (PlanStage.Outcome o : stage(report, "plan", all, options.catalogue(), List.<PlanStage.Outcome>of(),
                () -> PlanStage.plan(jsc, source, planSettings, outputs.styles()))) {
            if (o.failure() != null) {
                report.fail(o.failure());
            } else {
                variants.addAll(o.variants());
                translations.put(o.entry().filmId(), o.translations());
            }
        }
        if (burnedCaptions()) {
            // Language variants share the source film's shots; burned in, its lines would show under the translation.
            variants.replaceAll(v -> VariantPlanner.withoutSourceLines(v, rendererInfo));
        }
        List<FilmPlan> plans = variants.stream().map(VariantPlan::plan).toList();
        report.planned(variants);
        EncoderSettings enc = new EncoderSettings(options.width(), options.height(), options.fps(), options.preset(),
                options.crf());
        Deliverables deliverables = new Deliverables(variants, translations, outputs.subtitleNames(), enc);
        deliverables.stems(sound.enabled());
        report.outputFiles(deliverables::files);
        report.failures().forEach(f -> console.println("[plan] failed " + f.describe()));
        stage(report, "plan", ids(plans), store.resolve(RunLayout.PLAN).toString(), null, () -> {
            PlanTable.write(spark, store, plans, rendererInfo);
            BibleTables.write(spark, store, plans);
            return null;
        });
        report.stage("plan", seconds(t0));
        // Executors check that their copy of the renderer (and model) has the version the plan was made with.
        RendererSpec renderer = options.renderer().expecting(rendererInfo.version());
        RenderEstimate estimate = Estimates.estimate(options, renderer, plans, jsc.defaultParallelism(), gpus());
        PlanSummary.print(console, plans, estimate, options.fps());
        report.estimate(estimate, null);
        RemoteQuote quote = renderer instanceof RendererSpec.Remote r ? Estimates.quote(r, plans) : null;
        if (quote != null) {
            String currency = Estimates.profilesCurrency((RendererSpec.Remote) renderer);
            printQuote(quote, currency);
            report.remote(quote, currency, RemoteTotals.NONE);
        }

        long t1 = System.nanoTime();
        spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, "render");
        List<FilmPlan> toRender = plans.stream().filter(p -> !report.failed(p.filmId())).toList();
        // A CPU renderer's tasks encode each shot's segment from the frames they hold (lossless
        // codecs only: the segment is then the one assembly would make from the table).
        EncoderSettings fused = renderer instanceof RendererSpec.Procedural
                && FrameCodec.named(options.codec()).lossless() ? enc : null;
        RenderStage.Result render = stage(report, "render", ids(toRender), store.resolve(RunLayout.FRAMES).toString(),
                new RenderStage.Result(0, 0, 0, 0, List.of()),
                () -> RenderStage.run(spark, store, toRender, renderer, options.codec(), options.waveShots(), fused,
                        progress));
        report.stage("render", seconds(t1));
        report.rendered(render.shotsRendered(), render.framesRendered());
        if (quote != null && render.remote() != null) {
            report.remote(quote, Estimates.profilesCurrency((RendererSpec.Remote) renderer), render.remote());
        }
        render.failures().forEach(report::fail);
        report.estimate(estimate, RunReport.Actual.of(estimate, report.seconds("render"), render.framesRendered(),
                estimate.workers()));

        long t2 = System.nanoTime();
        List<FilmPlan> renderable = plans.stream().filter(p -> !report.failed(p.filmId())).toList();
        spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, "assemble");
        AssembleStage.Result assemble = stage(report, "assemble", ids(renderable), store.resolve(RunLayout.FILMS).toString(),
                new AssembleStage.Result(0, List.of()),
                () -> AssembleStage.run(spark, store, renderable, enc, deliverables.captions(), progress));
        report.stage("assemble", seconds(t2));
        report.encoded(render.segmentsEncoded() + assemble.segmentsEncoded());
        assemble.failures().forEach(report::fail);

        long t3 = System.nanoTime();
        List<VariantPlan> delivered = variants.stream().filter(v -> !report.failed(v.plan().filmId())).toList();
        stage(report, "deliver", delivered.stream().map(v -> v.plan().filmId()).distinct().toList(),
                store.resolve(RunLayout.FILMS).toString(), null, () -> {
                    deliverables.write(store, delivered);
                    return null;
                });
        List<VariantPlan> made = variants.stream().filter(v -> !report.failed(v.plan().filmId())).toList();
        List<RunReport.Trailer> cut = stage(report, "deliver", List.of(),
                store.resolve(RunLayout.TRAILERS).toString(), List.<RunReport.Trailer>of(),
                () -> TrailerStage.run(spark, store, made, source.catalogue().entries(), outputs.trailerSeconds(),
                        enc, progress));
        report.trailers(cut);
        report.stage("deliver", seconds(t3));
        List<RunReport.Trailer> trailers = cut;
        if (sound.enabled()) {
            long ts = System.nanoTime();
            SoundStage.Result s = stage(report, "sound", ids(made.stream().map(VariantPlan::plan).toList()),
                    store.resolve(RunLayout.AUDIO).toString(), null,
                    () -> SoundStage.run(spark, store, made, translations, source.catalogue().entries(), cut, sound,
                            progress));
            if (s != null) {
                s.failures().forEach(report::fail);
                trailers = s.trailers();
                report.trailers(trailers);
                report.sound(sound, s.films(), s.linesSynthesised(), s.linesReused(), s.linesTimeScaled());
            }
            report.stage("sound", seconds(ts));
        }
        List<VariantPlan> sounded = made.stream().filter(v -> !report.failed(v.plan().filmId())).toList();
        if (qc.enabled()) {
            long tq = System.nanoTime();
            report.qc(qc, QcStage.run(spark, store, QcStage.tasks(sounded, deliverables, trailers), qc, progress));
            report.stage("qc", seconds(tq));
        }
        if (outputs.dataset()) {
            long t4 = System.nanoTime();
            Map<String, Object> none = new LinkedHashMap<>();
            report.dataset(stage(report, "dataset", List.of(), store.resolve(RunLayout.DATASET).toString(), none,
                    () -> DatasetStage.run(spark, store, sounded, enc, options.renderer(), outputs.shardBytes(), progress)));
            report.stage("dataset", seconds(t4));
        }
        return finish(progress, store, report, plans, t0);
    }

    /**
     * {@code --plan-only}: the executors plan and write {@code plan/} and the bibles; the driver keeps a
     * summary per film variant and one sample shot per film (for the calibration), never the shots, so its
     * heap does not grow with the catalogue's shot count. The report page lists the films; their shots are
     * in {@code plan/}.
     */
    private RunReport planOnly(Progress progress, OutputStore store, RunReportBuilder report, PlanStage.Source source,
                               PlanSettings planSettings, RendererInfo rendererInfo, long t0) {
        List<String> all = source.catalogue().entries().stream().map(e -> e.filmId()).toList();
        List<PlannedFilm> planned = new ArrayList<>();
        List<ShotSpec> samples = new ArrayList<>();
        long distinctFrames = 0;
        for (PlanStage.Digest d : stage(report, "plan", all, store.resolve(RunLayout.PLAN).toString(),
                List.<PlanStage.Digest>of(), () -> PlanStage.planToTable(spark, store, source, planSettings,
                        outputs.styles(), rendererInfo, burnedCaptions()))) {
            if (d.failure() != null) {
                report.fail(d.failure());
                continue;
            }
            planned.addAll(d.variants());
            // Variants of a film share shots: the film's longest variant bounds what it renders.
            distinctFrames += d.variants().stream().mapToLong(PlannedFilm::distinctFrames).max().orElse(0);
            if (d.sample() != null) {
                samples.add(d.sample());
            }
        }
        report.plannedSummaries(planned);
        report.failures().forEach(f -> console.println("[plan] failed " + f.describe()));
        report.stage("plan", seconds(t0));
        RendererSpec renderer = options.renderer().expecting(rendererInfo.version());
        RemoteQuote quote = null;
        RenderEstimate estimate;
        if (renderer instanceof RendererSpec.Remote r) {
            quote = planned.isEmpty() ? RemoteQuote.NONE : stage(report, "plan", idsOf(planned),
                    store.resolve(RunLayout.PLAN).toString(), RemoteQuote.NONE, () -> Estimates.quote(r, spark, store));
            estimate = Estimates.estimate(r, quote, distinctFrames);
        } else {
            estimate = Estimates.estimate(options, renderer, distinctFrames,
                    Calibration.sample(samples, Estimates.CALIBRATION_SHOTS), spark.sparkContext().defaultParallelism(),
                    gpus());
        }
        PlanSummary.print(console, planned, estimate, options.fps(), planned.size() <= PER_FILM_LINES);
        if (planned.size() > PER_FILM_LINES) {
            console.println(planned.size() + " film variants planned (per-film lines: plan/ or run.json)");
        }
        report.estimate(estimate, null);
        if (quote != null) {
            String currency = Estimates.profilesCurrency((RendererSpec.Remote) renderer);
            printQuote(quote, currency);
            report.remote(quote, currency, RemoteTotals.NONE);
        }
        return finish(progress, store, report, List.of(), t0);
    }

    /** Language variants lose their source lines when the captions are burned into the frames. */
    private boolean burnedCaptions() {
        return options.renderer() instanceof RendererSpec.Procedural p && p.captions() == Captions.BURN;
    }

    private void printQuote(RemoteQuote quote, String currency) {
        console.printf(java.util.Locale.ROOT, "Remote: %d jobs, %.1f s of video, cost %s %.2f (model profile)%n",
                quote.jobs(), quote.seconds(), currency, quote.cost());
    }

    /** The report page, {@code devices.json} and {@code run.json}: written whatever failed before. */
    private RunReport finish(Progress progress, OutputStore store, RunReportBuilder report, List<FilmPlan> plans, long t0) {
        long t5 = System.nanoTime();
        try {
            ReportStage.run(spark, store, report.build(), plans);
        } catch (Exception e) {
            progress.note("report", "cannot write the report page: " + Failures.rootMessage(e));
        }
        report.stage("report", seconds(t5));
        report.stage("total", seconds(t0));
        RunReport done = report.build();
        spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, null);
        try {
            store.publish(DeviceAudit.toJson(), store.resolve(RunLayout.DEVICES_JSON));
        } catch (RuntimeException e) {
            progress.note("report", "cannot write " + RunLayout.DEVICES_JSON + ": " + Failures.rootMessage(e));
        }
        try {
            store.publish(done.toJson(), store.resolve(RunLayout.RUN_JSON));
        } catch (RuntimeException e) {
            // Nowhere left to write the report (a full disk): say so in one line; the console summary follows.
            console.println("storyreel: cannot write " + store.resolve(RunLayout.RUN_JSON) + ": " + Failures.rootMessage(e));
        }
        return done;
    }

    /**
     * Runs one stage's work. When it throws, each of {@code films} that has not failed yet fails with the
     * stage's error ({@code file}: the output it was writing), the console says so in one line, and
     * {@code fallback} stands for the stage's result so that the run goes on.
     */
    private <T> T stage(RunReportBuilder report, String name, List<String> films, String file, T fallback,
                        StageWork<T> work) {
        try {
            return work.run();
        } catch (Exception e) {
            String why = name + " stage failed: " + Failures.rootMessage(e);
            console.println("[" + name + "] " + why);
            String shown = PlanStage.display(new org.apache.hadoop.fs.Path(file));
            for (String id : films) {
                if (!report.failed(id)) {
                    report.fail(new FilmFailure(id, shown, 0, why));
                }
            }
            return fallback;
        }
    }

    private static List<String> ids(List<FilmPlan> plans) {
        return plans.stream().map(FilmPlan::filmId).distinct().toList();
    }

    private static List<String> idsOf(List<PlannedFilm> planned) {
        return planned.stream().map(PlannedFilm::filmId).distinct().toList();
    }

    /** GPUs the executors hold (executors × GPUs each, from the Spark conf), at least one. */
    private int gpus() {
        var conf = spark.sparkContext().getConf();
        double each = conf.getDouble("spark.executor.resource.gpu.amount", 1);
        int executors = conf.getInt("spark.executor.instances", 1);
        return Math.max(1, (int) Math.round(each * executors));
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e6) / 1000.0;
    }
}
