package dev.storyreel.jobs;

import dev.storyreel.assemble.EncoderSettings;
import dev.storyreel.catalogue.CatalogueException;
import dev.storyreel.estimate.RenderEstimate;
import dev.storyreel.jobs.cluster.DeviceAudit;
import dev.storyreel.jobs.cluster.ExecutorModels;
import dev.storyreel.jobs.run.Estimates;
import dev.storyreel.jobs.run.Failures;
import dev.storyreel.jobs.run.JobOptions;
import dev.storyreel.jobs.run.OutputOptions;
import dev.storyreel.jobs.run.PlanSummary;
import dev.storyreel.jobs.run.Progress;
import dev.storyreel.jobs.run.QcOptions;
import dev.storyreel.jobs.run.SoundOptions;
import dev.storyreel.jobs.run.RunReport;
import dev.storyreel.jobs.run.RunReportBuilder;
import dev.storyreel.jobs.stage.AssembleStage;
import dev.storyreel.jobs.stage.DatasetStage;
import dev.storyreel.jobs.stage.Deliverables;
import dev.storyreel.jobs.stage.PlanStage;
import dev.storyreel.jobs.stage.QcStage;
import dev.storyreel.jobs.stage.SoundStage;
import dev.storyreel.jobs.stage.RenderStage;
import dev.storyreel.jobs.stage.ReportStage;
import dev.storyreel.jobs.stage.TrailerStage;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.BibleTables;
import dev.storyreel.jobs.store.PlanTable;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlanSettings;
import dev.storyreel.render.Renderer;
import dev.storyreel.render.RendererSpec;
import dev.storyreel.shot.RendererInfo;
import dev.storyreel.variant.VariantPlan;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * One run of the film job: calls the stages in order (plan, render, assemble, deliver, sound, qc, dataset,
 * report) and hands their results to the run report. Films fail one by one, never the run.
 */
final class FilmRun {
    private final SparkSession spark;
    private final JobOptions options;
    private final PrintStream console;
    private final OutputOptions outputs;
    private final QcOptions qc;
    private final SoundOptions sound;

    FilmRun(SparkSession spark, JobOptions options, PrintStream console) {
        this(spark, options, console, OutputOptions.NONE);
    }

    FilmRun(SparkSession spark, JobOptions options, PrintStream console, OutputOptions outputs) {
        this(spark, options, console, outputs, QcOptions.OFF);
    }

    FilmRun(SparkSession spark, JobOptions options, PrintStream console, OutputOptions outputs, QcOptions qc) {
        this(spark, options, console, outputs, qc, SoundOptions.OFF);
    }

    FilmRun(SparkSession spark, JobOptions options, PrintStream console, OutputOptions outputs, QcOptions qc,
            SoundOptions sound) {
        this.spark = spark;
        this.options = options;
        this.console = console;
        this.outputs = outputs;
        this.qc = qc;
        this.sound = sound;
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
        PlanStage.Source source = PlanStage.readCatalogue(options.catalogue(), spark.sparkContext().hadoopConfiguration(),
                options.seed());
        RunReportBuilder report = new RunReportBuilder(options, outputs, spark.sparkContext().master(), source.catalogue());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        DeviceAudit.reset();
        spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, "plan");
        List<VariantPlan> variants = new ArrayList<>();
        Map<String, Map<String, String>> translations = new LinkedHashMap<>();
        for (PlanStage.Outcome o : PlanStage.plan(jsc, source, planSettings, outputs.styles())) {
            if (o.failure() != null) {
                report.fail(o.failure());
            } else {
                variants.addAll(o.variants());
                translations.put(o.entry().filmId(), o.translations());
            }
        }
        List<FilmPlan> plans = variants.stream().map(VariantPlan::plan).toList();
        report.planned(variants);
        EncoderSettings enc = new EncoderSettings(options.width(), options.height(), options.fps(), options.preset(),
                options.crf());
        Deliverables deliverables = new Deliverables(variants, translations, outputs.subtitleNames(), enc);
        deliverables.stems(sound.enabled());
        report.outputFiles(deliverables::files);
        report.failures().forEach(f -> console.println("[plan] failed " + f.describe()));
        PlanTable.write(spark, plans, rendererInfo, store.resolve(RunLayout.PLAN).toString());
        BibleTables.write(spark, plans, store.resolve(RunLayout.CHARACTERS).toString(),
                store.resolve(RunLayout.LOCATIONS).toString());
        report.stage("plan", seconds(t0));
        // Executors check that their copy of the renderer (and model) has the version the plan was made with.
        RendererSpec renderer = options.renderer().expecting(rendererInfo.version());
        RenderEstimate estimate = Estimates.estimate(options, renderer, plans, jsc.defaultParallelism(), gpus());
        PlanSummary.print(console, plans, estimate, options.fps());
        report.estimate(estimate, null);

        if (!options.planOnly()) {
            long t1 = System.nanoTime();
            int wave = options.waveShots() > 0 ? options.waveShots() : Math.max(2, jsc.defaultParallelism() * 4);
            spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, "render");
            RenderStage.Result render = RenderStage.run(spark, store, plans, renderer, options.codec(), wave, progress);
            report.stage("render", seconds(t1));
            report.rendered(render.shotsRendered(), render.framesRendered());
            render.failures().forEach(report::fail);
            report.estimate(estimate, RunReport.Actual.of(estimate, report.seconds("render"), render.framesRendered(),
                    estimate.workers()));

            long t2 = System.nanoTime();
            List<FilmPlan> renderable = plans.stream().filter(p -> !report.failed(p.filmId())).toList();
            spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, "assemble");
            AssembleStage.Result assemble = AssembleStage.run(spark, store, renderable, enc, deliverables.captions(),
                    progress);
            report.stage("assemble", seconds(t2));
            report.encoded(assemble.segmentsEncoded());
            assemble.failures().forEach(report::fail);

            long t3 = System.nanoTime();
            List<VariantPlan> made = variants.stream().filter(v -> !report.failed(v.plan().filmId())).toList();
            deliverables.write(store, made);
            List<RunReport.Trailer> trailers = TrailerStage.run(spark, store, made, source.catalogue().entries(),
                    outputs.trailerSeconds(), enc, progress);
            report.trailers(trailers);
            report.stage("deliver", seconds(t3));
            if (sound.enabled()) {
                long ts = System.nanoTime();
                SoundStage.Result s = SoundStage.run(spark, store, made, translations, source.catalogue().entries(),
                        trailers, sound, progress);
                s.failures().forEach(report::fail);
                trailers = s.trailers();
                report.trailers(trailers);
                report.sound(sound, s.films(), s.linesSynthesised(), s.linesReused(), s.linesTimeScaled());
                report.stage("sound", seconds(ts));
                made = made.stream().filter(v -> !report.failed(v.plan().filmId())).toList();
            }
            if (qc.enabled()) {
                long tq = System.nanoTime();
                report.qc(qc, QcStage.run(spark, store, QcStage.tasks(made, deliverables, trailers), qc, progress));
                report.stage("qc", seconds(tq));
            }
            if (outputs.dataset()) {
                long t4 = System.nanoTime();
                report.dataset(DatasetStage.run(spark, store, made, enc, options.renderer(), outputs.shardBytes(),
                        progress));
                report.stage("dataset", seconds(t4));
            }
        }
        long t5 = System.nanoTime();
        try {
            ReportStage.run(spark, store, report.build(), plans);
        } catch (RuntimeException e) {
            progress.note("report", "cannot write the report page: " + Failures.rootMessage(e));
        }
        report.stage("report", seconds(t5));
        report.stage("total", seconds(t0));
        RunReport done = report.build();
        spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, null);
        store.publish(DeviceAudit.toJson(), store.resolve(RunLayout.DEVICES_JSON));
        store.publish(done.toJson(), store.resolve(RunLayout.RUN_JSON));
        return done;
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
