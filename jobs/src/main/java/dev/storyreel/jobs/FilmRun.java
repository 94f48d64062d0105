package dev.storyreel.jobs;

import dev.storyreel.assemble.EncoderSettings;
import dev.storyreel.catalogue.CatalogueException;
import dev.storyreel.catalogue.FilmFailure;
import dev.storyreel.estimate.RenderEstimate;
import dev.storyreel.jobs.cluster.DeviceAudit;
import dev.storyreel.jobs.cluster.ExecutorRenderers;
import dev.storyreel.jobs.cluster.RendererChoice;
import dev.storyreel.jobs.run.Estimates;
import dev.storyreel.jobs.run.Failures;
import dev.storyreel.jobs.run.JobOptions;
import dev.storyreel.jobs.run.OutputOptions;
import dev.storyreel.jobs.run.Progress;
import dev.storyreel.jobs.run.RunReport;
import dev.storyreel.jobs.stage.AssembleStage;
import dev.storyreel.jobs.stage.DatasetStage;
import dev.storyreel.jobs.stage.Deliverables;
import dev.storyreel.jobs.stage.PlanStage;
import dev.storyreel.jobs.stage.RenderStage;
import dev.storyreel.jobs.stage.ReportStage;
import dev.storyreel.jobs.stage.TrailerStage;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.PlanTable;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlanSettings;
import dev.storyreel.render.Renderer;
import dev.storyreel.shot.RendererInfo;
import dev.storyreel.variant.VariantPlan;
import dev.storyreel.variant.VariantSpec;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** One run of the film job: plan, render, assemble, report. Films fail one by one, never the run. */
final class FilmRun {
    static final String VERSION = "0.1.0";

    private final SparkSession spark;
    private final JobOptions options;
    private final PrintStream console;
    private final OutputOptions outputs;

    FilmRun(SparkSession spark, JobOptions options, PrintStream console) {
        this(spark, options, console, OutputOptions.NONE);
    }

    FilmRun(SparkSession spark, JobOptions options, PrintStream console, OutputOptions outputs) {
        this.spark = spark;
        this.options = options;
        this.console = console;
        this.outputs = outputs;
    }

    /** Runs the job and writes {@code run.json}; the report says which films failed. */
    RunReport run() throws CatalogueException {
        long t0 = System.nanoTime();
        Map<String, Double> stages = new LinkedHashMap<>();
        OutputStore store = new OutputStore(options.out(), spark.sparkContext().hadoopConfiguration());
        RendererInfo rendererInfo;
        try (Renderer r = ExecutorRenderers.create(options.renderer())) {
            rendererInfo = r.info();
        }
        PlanSettings planSettings = new PlanSettings(options.width(), options.height(), options.fps(), rendererInfo);
        try (Progress progress = Progress.console(spark.sparkContext(), console)) {
            return run(progress, store, planSettings, rendererInfo, stages, t0);
        }
    }

    private RunReport run(Progress progress, OutputStore store, PlanSettings planSettings, RendererInfo rendererInfo,
                          Map<String, Double> stages, long t0) throws CatalogueException {
        PlanStage.Source source = PlanStage.readCatalogue(options.catalogue(), spark.sparkContext().hadoopConfiguration(),
                options.seed());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        DeviceAudit.reset();
        spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, "plan");
        List<PlanStage.Outcome> outcomes = PlanStage.plan(jsc, source, planSettings, outputs.styles());
        Map<String, FilmFailure> failures = new LinkedHashMap<>();
        source.catalogue().failures().forEach(f -> failures.put(f.filmId(), f));
        List<FilmPlan> plans = new ArrayList<>();
        List<VariantPlan> variants = new ArrayList<>();
        Map<String, Map<String, String>> translations = new LinkedHashMap<>();
        for (PlanStage.Outcome o : outcomes) {
            if (o.failure() != null) {
                failures.put(o.failure().filmId(), o.failure());
            } else {
                o.variants().forEach(v -> plans.add(v.plan()));
                variants.addAll(o.variants());
                translations.put(o.entry().filmId(), o.translations());
            }
        }
        Deliverables deliverables = new Deliverables(variants, translations, outputs.subtitleNames(),
                new EncoderSettings(options.width(), options.height(), options.fps(), options.preset(), options.crf()));
        failures.values().forEach(f -> console.println("[plan] failed " + f.describe()));
        PlanTable.write(spark, plans, rendererInfo, store.resolve(RunLayout.PLAN).toString());
        stages.put("plan", seconds(t0));
        int cores = jsc.defaultParallelism();
        // Executors check that their copy of the renderer (and model) has the version the plan was made with.
        RendererChoice choice = options.renderer().expecting(rendererInfo.version());
        RenderEstimate estimate = Estimates.estimate(options, choice, plans, cores, gpus());
        printPlan(plans, estimate);

        RenderStage.Result render = new RenderStage.Result(0, 0, 0, 0, List.of());
        AssembleStage.Result assemble = new AssembleStage.Result(0, List.of());
        List<RunReport.Trailer> trailers = List.of();
        Map<String, Object> dataset = null;
        if (!options.planOnly()) {
            long t1 = System.nanoTime();
            int wave = options.waveShots() > 0 ? options.waveShots() : Math.max(2, cores * 4);
            spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, "render");
            render = RenderStage.run(spark, store, plans, choice, options.codec(), wave, progress);
            stages.put("render", seconds(t1));
            render.failures().forEach(f -> failures.putIfAbsent(f.filmId(), f));

            long t2 = System.nanoTime();
            List<FilmPlan> renderable = plans.stream().filter(p -> !failures.containsKey(p.filmId())).toList();
            EncoderSettings enc = new EncoderSettings(options.width(), options.height(), options.fps(), options.preset(),
                    options.crf());
            spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, "assemble");
            assemble = AssembleStage.run(spark, store, renderable, enc, deliverables.captions(), progress);
            stages.put("assemble", seconds(t2));
            assemble.failures().forEach(f -> failures.putIfAbsent(f.filmId(), f));

            long t3 = System.nanoTime();
            List<VariantPlan> made = variants.stream().filter(v -> !failures.containsKey(v.plan().filmId())).toList();
            deliverables.write(store, made);
            trailers = TrailerStage.run(spark, store, made, source.catalogue().entries(), outputs.trailerSeconds(), enc,
                    progress);
            stages.put("deliver", seconds(t3));
            if (outputs.dataset()) {
                long t4 = System.nanoTime();
                dataset = DatasetStage.run(spark, store, made, enc, options.renderer(), outputs.shardBytes(), progress);
                stages.put("dataset", seconds(t4));
            }
        }
        RunReport.Actual actual = options.planOnly() ? null
                : RunReport.Actual.of(estimate, stages.get("render"), render.framesRendered(), estimate.workers());
        long t5 = System.nanoTime();
        RunReport draft = report(source, variants, failures, render, assemble, stages, deliverables, trailers, dataset,
                estimate, actual);
        try {
            ReportStage.run(spark, store, draft, plans);
        } catch (RuntimeException e) {
            progress.note("report", "cannot write the report page: " + Failures.rootMessage(e));
        }
        stages.put("report", seconds(t5));
        stages.put("total", seconds(t0));
        RunReport report = report(source, variants, failures, render, assemble, stages, deliverables, trailers, dataset,
                estimate, actual);
        spark.sparkContext().setLocalProperty(DeviceAudit.STAGE, null);
        store.publish(DeviceAudit.toJson(), store.resolve(RunLayout.DEVICES_JSON));
        store.publish(report.toJson(), store.resolve(RunLayout.RUN_JSON));
        return report;
    }

    private RunReport report(PlanStage.Source source, List<VariantPlan> variants, Map<String, FilmFailure> failures,
                             RenderStage.Result render, AssembleStage.Result assemble, Map<String, Double> stages,
                             Deliverables deliverables, List<RunReport.Trailer> trailers, Map<String, Object> dataset,
                             RenderEstimate estimate, RunReport.Actual actual) {
        List<RunReport.Film> films = new ArrayList<>();
        List<FilmPlan> plans = variants.stream().map(VariantPlan::plan).toList();
        Map<String, List<FilmPlan>> byId = new LinkedHashMap<>();
        plans.forEach(p -> byId.computeIfAbsent(p.filmId(), k -> new ArrayList<>()).add(p));
        List<String> order = new ArrayList<>();
        source.catalogue().entries().forEach(e -> order.add(e.filmId()));
        source.catalogue().failures().forEach(f -> {
            if (!order.contains(f.filmId())) {
                order.add(f.filmId());
            }
        });
        for (String id : order) {
            List<FilmPlan> ps = byId.getOrDefault(id, new ArrayList<>());
            if (ps.isEmpty()) {
                ps.add(null);
            }
            for (FilmPlan p : ps) {
                FilmFailure f = failures.get(id);
                String status = f != null ? "failed" : options.planOnly() ? "planned" : "ok";
                String title = p != null ? p.title() : source.catalogue().entries().stream()
                        .filter(e -> e.filmId().equals(id)).map(e -> e.title()).findFirst().orElse("");
                String variant = p == null ? VariantSpec.MAIN_ID : p.variant();
                films.add(new RunReport.Film(id, title, status, p == null ? 0 : p.scenes(), p == null ? 0 : p.shots().size(),
                        p == null ? 0 : p.frames(), p == null ? 0 : (double) p.frames() / options.fps(),
                        "ok".equals(status) ? RunLayout.film(id, variant) : null,
                        f == null ? null : new RunReport.Error(f.file(), f.line(), f.message()), variant,
                        "ok".equals(status) && p != null ? deliverables.files(p) : Map.of()));
            }
        }
        int ok = (int) films.stream().filter(x -> !"failed".equals(x.status())).map(RunReport.Film::filmId).distinct().count();
        int filmCount = (int) films.stream().map(RunReport.Film::filmId).distinct().count();
        long shotsPlanned = plans.stream().mapToLong(p -> p.shots().size()).sum();
        long framesPlanned = plans.stream().mapToLong(FilmPlan::frames).sum();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("catalogue", options.catalogue());
        settings.put("out", options.out());
        settings.put("renderer", options.renderer().name());
        settings.put("model", options.renderer().model());
        settings.put("renderer_options", options.renderer().options());
        settings.put("width", options.width());
        settings.put("height", options.height());
        settings.put("fps", options.fps());
        settings.put("seed", options.seed());
        settings.put("codec", options.codec());
        settings.put("encoder", "libx264 " + options.preset() + " crf " + options.crf() + " yuv420p");
        settings.put("plan_only", options.planOnly());
        settings.put("master", spark.sparkContext().master());
        settings.put("trailer", outputs.trailerSeconds());
        settings.put("dataset", outputs.dataset());
        return new RunReport(VERSION, settings, films, stages, new RunReport.Totals(filmCount, ok, filmCount - ok,
                shotsPlanned, render.shotsRendered(), framesPlanned, render.framesRendered(), assemble.segmentsEncoded()),
                trailers, dataset, estimate, actual);
    }

    private void printPlan(List<FilmPlan> plans, RenderEstimate estimate) {
        console.printf("%-24s %-16s %6s %6s %8s %9s %12s %12s%n", "film", "variant", "scenes", "shots", "frames", "duration",
                "est. render", "est. cost");
        for (FilmPlan p : plans) {
            RenderEstimate e = estimate.part(Estimates.distinctShots(List.of(p)).stream().mapToLong(s -> s.frames()).sum());
            console.printf("%-24s %-16s %6d %6d %8d %9s %12s %12s%n", p.filmId(), p.variant(), p.scenes(), p.shots().size(),
                    p.frames(), Progress.clock((double) p.frames() / options.fps()), Progress.clock(e.renderSeconds()),
                    e.costText());
        }
        console.printf(java.util.Locale.ROOT, "Estimated render: %s for %d frames on %d %s%s at %.4f s/frame (%s); "
                        + "%.3f %s-hours, cost %s%n", Progress.clock(estimate.renderSeconds()), estimate.frames(),
                estimate.workers(), estimate.unit(), estimate.workers() == 1 ? "" : "s", estimate.secondsPerFrame(),
                estimate.detail(), estimate.workerHours(), estimate.unit(), estimate.costText());
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
