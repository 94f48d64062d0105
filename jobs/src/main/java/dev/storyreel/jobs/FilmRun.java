package dev.storyreel.jobs;

import dev.storyreel.assemble.EncoderSettings;
import dev.storyreel.catalogue.CatalogueException;
import dev.storyreel.catalogue.FilmFailure;
import dev.storyreel.estimate.RenderEstimate;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlanSettings;
import dev.storyreel.render.Renderer;
import dev.storyreel.render.RendererInfo;
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

    FilmRun(SparkSession spark, JobOptions options, PrintStream console) {
        this.spark = spark;
        this.options = options;
        this.console = console;
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
        List<PlanStage.Outcome> outcomes = PlanStage.plan(jsc, source, planSettings);
        Map<String, FilmFailure> failures = new LinkedHashMap<>();
        source.catalogue().failures().forEach(f -> failures.put(f.filmId(), f));
        List<FilmPlan> plans = new ArrayList<>();
        for (PlanStage.Outcome o : outcomes) {
            if (o.failure() != null) {
                failures.put(o.failure().filmId(), o.failure());
            } else {
                plans.add(o.plan());
            }
        }
        failures.values().forEach(f -> console.println("[plan] failed " + f.describe()));
        PlanTable.write(spark, plans, rendererInfo, store.resolve("plan").toString());
        stages.put("plan", seconds(t0));
        int cores = jsc.defaultParallelism();
        RenderEstimate estimate = Estimates.estimate(options, plans, cores, gpus());
        printPlan(plans, estimate);

        RenderStage.Result render = new RenderStage.Result(0, 0, 0, 0, List.of());
        AssembleStage.Result assemble = new AssembleStage.Result(0, List.of());
        if (!options.planOnly()) {
            long t1 = System.nanoTime();
            int wave = options.waveShots() > 0 ? options.waveShots() : Math.max(2, cores * 4);
            render = RenderStage.run(spark, store, plans, options.renderer(), options.codec(), wave, progress);
            stages.put("render", seconds(t1));
            render.failures().forEach(f -> failures.putIfAbsent(f.filmId(), f));

            long t2 = System.nanoTime();
            List<FilmPlan> renderable = plans.stream().filter(p -> !failures.containsKey(p.filmId())).toList();
            EncoderSettings enc = new EncoderSettings(options.width(), options.height(), options.fps(), options.preset(),
                    options.crf());
            assemble = AssembleStage.run(spark, store, renderable, enc, progress);
            stages.put("assemble", seconds(t2));
            assemble.failures().forEach(f -> failures.putIfAbsent(f.filmId(), f));
        }
        RunReport.Actual actual = options.planOnly() ? null
                : RunReport.Actual.of(estimate, stages.get("render"), render.framesRendered(), estimate.workers());
        long t3 = System.nanoTime();
        RunReport draft = report(source, plans, failures, render, assemble, stages, estimate, actual);
        try {
            ReportStage.run(spark, store, draft, plans);
        } catch (RuntimeException e) {
            progress.note("report", "cannot write the report page: " + RenderStage.rootMessage(e));
        }
        stages.put("report", seconds(t3));
        stages.put("total", seconds(t0));
        RunReport report = report(source, plans, failures, render, assemble, stages, estimate, actual);
        store.publish(report.toJson(), store.resolve("run.json"));
        return report;
    }

    private RunReport report(PlanStage.Source source, List<FilmPlan> plans, Map<String, FilmFailure> failures,
                             RenderStage.Result render, AssembleStage.Result assemble, Map<String, Double> stages,
                             RenderEstimate estimate, RunReport.Actual actual) {
        List<RunReport.Film> films = new ArrayList<>();
        Map<String, FilmPlan> byId = new LinkedHashMap<>();
        plans.forEach(p -> byId.put(p.filmId(), p));
        List<String> order = new ArrayList<>();
        source.catalogue().entries().forEach(e -> order.add(e.filmId()));
        source.catalogue().failures().forEach(f -> {
            if (!order.contains(f.filmId())) {
                order.add(f.filmId());
            }
        });
        for (String id : order) {
            FilmPlan p = byId.get(id);
            FilmFailure f = failures.get(id);
            String status = f != null ? "failed" : options.planOnly() ? "planned" : "ok";
            String title = p != null ? p.title() : source.catalogue().entries().stream()
                    .filter(e -> e.filmId().equals(id)).map(e -> e.title()).findFirst().orElse("");
            films.add(new RunReport.Film(id, title, status, p == null ? 0 : p.scenes(), p == null ? 0 : p.shots().size(),
                    p == null ? 0 : p.frames(), p == null ? 0 : (double) p.frames() / options.fps(),
                    "ok".equals(status) ? AssembleStage.filmFile(id) : null,
                    f == null ? null : new RunReport.Error(f.file(), f.line(), f.message())));
        }
        int ok = (int) films.stream().filter(x -> !"failed".equals(x.status())).count();
        long shotsPlanned = plans.stream().mapToLong(p -> p.shots().size()).sum();
        long framesPlanned = plans.stream().mapToLong(FilmPlan::frames).sum();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("catalogue", options.catalogue());
        settings.put("out", options.out());
        settings.put("renderer", options.renderer().name());
        settings.put("model", options.renderer().model());
        settings.put("width", options.width());
        settings.put("height", options.height());
        settings.put("fps", options.fps());
        settings.put("seed", options.seed());
        settings.put("codec", options.codec());
        settings.put("encoder", "libx264 " + options.preset() + " crf " + options.crf() + " yuv420p");
        settings.put("plan_only", options.planOnly());
        settings.put("master", spark.sparkContext().master());
        return new RunReport(VERSION, settings, films, stages, new RunReport.Totals(films.size(), ok, films.size() - ok,
                shotsPlanned, render.shotsRendered(), framesPlanned, render.framesRendered(), assemble.segmentsEncoded()),
                estimate, actual);
    }

    private void printPlan(List<FilmPlan> plans, RenderEstimate estimate) {
        console.printf("%-24s %6s %6s %8s %9s %12s %12s%n", "film", "scenes", "shots", "frames", "duration", "est. render",
                "est. cost");
        for (FilmPlan p : plans) {
            RenderEstimate e = estimate.part(Estimates.distinctShots(List.of(p)).stream().mapToLong(s -> s.frames()).sum());
            console.printf("%-24s %6d %6d %8d %9s %12s %12s%n", p.filmId(), p.scenes(), p.shots().size(), p.frames(),
                    Progress.clock((double) p.frames() / options.fps()), Progress.clock(e.renderSeconds()), e.costText());
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
