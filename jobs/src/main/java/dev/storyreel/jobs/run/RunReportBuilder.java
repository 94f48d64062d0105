package dev.storyreel.jobs.run;

import dev.storyreel.remote.RemoteQuote;
import dev.storyreel.remote.RemoteTotals;

import dev.storyreel.catalogue.Catalogue;
import dev.storyreel.catalogue.FilmFailure;
import dev.storyreel.estimate.RenderEstimate;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.FilmVariant;
import dev.storyreel.qc.QcResult;
import dev.storyreel.variant.VariantPlan;
import dev.storyreel.variant.VariantSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Collects what the stages of a run report and makes {@code run.json}'s {@link RunReport}: one entry
 * per film variant in catalogue order (a film that failed before planning has one, {@code main}),
 * the run's settings and totals. Stages hand their results in as they finish; {@link #build} can be
 * called at any point (the report page is written from a draft before the final report).
 */
public final class RunReportBuilder {
    private final JobOptions options;
    private final OutputOptions outputs;
    private final String master;
    private final Catalogue catalogue;
    private final Map<String, FilmFailure> failures = new LinkedHashMap<>();
    private final Map<String, Double> stages = new LinkedHashMap<>();
    private List<PlannedFilm> planned = List.of();
    private Map<FilmVariant, FilmPlan> plans = Map.of();
    private Function<FilmPlan, Map<String, String>> outputFiles = p -> Map.of();
    private long shotsRendered;
    private long framesRendered;
    private long segmentsEncoded;
    private List<RunReport.Trailer> trailers = List.of();
    private Map<String, Object> dataset;
    private RenderEstimate estimate;
    private RunReport.Actual actual;
    private Map<String, Object> remote;
    private Map<String, QcResult> qc = Map.of();
    private QcOptions qcOptions = QcOptions.OFF;
    private Map<String, SoundReport> sound = Map.of();
    private long[] lines = new long[3];
    private SoundOptions soundOptions = SoundOptions.OFF;

    public RunReportBuilder(JobOptions options, OutputOptions outputs, String master, Catalogue catalogue) {
        this.options = options;
        this.outputs = outputs;
        this.master = master;
        this.catalogue = catalogue;
        catalogue.failures().forEach(this::fail);
    }

    /** A film failed (the first failure of a film is the one reported). */
    public void fail(FilmFailure f) {
        failures.putIfAbsent(f.filmId(), f);
    }

    /** Whether a film has failed so far. */
    public boolean failed(String filmId) {
        return failures.containsKey(filmId);
    }

    /** The films that failed so far, in the order they failed. */
    public List<FilmFailure> failures() {
        return List.copyOf(failures.values());
    }

    /** The planned film variants. */
    public void planned(List<VariantPlan> planned) {
        this.planned = planned.stream().map(v -> PlannedFilm.of(v.plan())).toList();
        Map<FilmVariant, FilmPlan> byVariant = new LinkedHashMap<>();
        planned.forEach(v -> byVariant.put(FilmVariant.of(v.plan()), v.plan()));
        this.plans = byVariant;
    }

    /** The films planned, as summaries only (their shots are in the plan table, not here). */
    public void plannedSummaries(List<PlannedFilm> summaries) {
        this.planned = List.copyOf(summaries);
        this.plans = Map.of();
    }

    /** A stage's wall time in seconds, in run order. */
    public void stage(String name, double seconds) {
        stages.put(name, seconds);
    }

    /** The seconds recorded for a stage (0 when it did not run). */
    public double seconds(String stage) {
        return stages.getOrDefault(stage, 0.0);
    }

    /** What the render stage did this run. */
    public void rendered(long shots, long frames) {
        this.shotsRendered = shots;
        this.framesRendered = frames;
    }

    /** Segments the assembly stage encoded this run. */
    public void encoded(long segments) {
        this.segmentsEncoded = segments;
    }

    /** The files delivered beside each made film variant (subtitles, timelines), relative to the output root. */
    public void outputFiles(Function<FilmPlan, Map<String, String>> files) {
        this.outputFiles = files;
    }

    /** The trailers, made or not. */
    public void trailers(List<RunReport.Trailer> made) {
        this.trailers = List.copyOf(made);
    }

    /**
     * The remote renderer's block: the quote from the model profile, and what the render did (zeros for a
     * plan-only run).
     */
    public void remote(RemoteQuote quote, String currency, RemoteTotals done) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", done.requests());
        m.put("retries", done.retries());
        m.put("jobs_submitted", done.jobsSubmitted());
        m.put("jobs_reused", done.jobsReused());
        m.put("seconds_generated", Math.round(done.secondsGenerated() * 1000) / 1000.0);
        m.put("cost", Math.round(done.cost() * 1e6) / 1e6);
        m.put("currency", currency);
        m.put("estimated_jobs", quote.jobs());
        m.put("estimated_seconds", Math.round(quote.seconds() * 1000) / 1000.0);
        m.put("estimated_cost", Math.round(quote.cost() * 1e6) / 1e6);
        this.remote = m;
    }

    /**
     * Delivery QC: how it ran, and its results by deliverable file (relative to the output root);
     * failing deliverables become {@code qc_failed}.
     */
    public void qc(QcOptions how, Map<String, QcResult> results) {
        this.qcOptions = how;
        this.qc = Map.copyOf(results);
    }

    /** The trailers reported so far. */
    public List<RunReport.Trailer> trailersSoFar() {
        return trailers;
    }

    /** Each film variant's sound, by film file, and the lines synthesised, reused and time-scaled this run. */
    public void sound(SoundOptions options, Map<String, SoundReport> byFile, long synthesised, long reused,
                      long timeScaled) {
        this.soundOptions = options;
        this.sound = Map.copyOf(byFile);
        this.lines = new long[] {synthesised, reused, timeScaled};
    }

    /** The dataset summary ({@code --dataset}). */
    public void dataset(Map<String, Object> summary) {
        this.dataset = summary;
    }

    /** The render estimate, and how the render went against it (null when nothing was rendered). */
    public void estimate(RenderEstimate estimated, RunReport.Actual measured) {
        this.estimate = estimated;
        this.actual = measured;
    }

    /** The report as it stands. */
    public RunReport build() {
        List<RunReport.Film> films = new ArrayList<>();
        Map<String, List<PlannedFilm>> byId = new LinkedHashMap<>();
        planned.forEach(v -> byId.computeIfAbsent(v.filmId(), k -> new ArrayList<>()).add(v));
        List<String> order = new ArrayList<>();
        catalogue.entries().forEach(e -> order.add(e.filmId()));
        catalogue.failures().forEach(f -> {
            if (!order.contains(f.filmId())) {
                order.add(f.filmId());
            }
        });
        for (String id : order) {
            List<PlannedFilm> variants = byId.getOrDefault(id, new ArrayList<>());
            if (variants.isEmpty()) {
                variants.add(null);
            }
            for (PlannedFilm p : variants) {
                films.add(film(id, p));
            }
        }
        int ok = (int) films.stream().filter(x -> x.status() != FilmStatus.FAILED).map(RunReport.Film::filmId)
                .distinct().count();
        int filmCount = (int) films.stream().map(RunReport.Film::filmId).distinct().count();
        long shotsPlanned = planned.stream().mapToLong(PlannedFilm::shots).sum();
        long framesPlanned = planned.stream().mapToLong(PlannedFilm::frames).sum();
        List<RunReport.Trailer> checked = trailers.stream()
                .map(t -> t.file() != null && qc.containsKey(t.file()) ? t.withQc(qc.get(t.file())) : t).toList();
        int qcFailed = (int) (films.stream().filter(f -> f.status() == FilmStatus.QC_FAILED).count()
                + checked.stream().filter(t -> t.status() == FilmStatus.QC_FAILED).count());
        return new RunReport(RunReport.VERSION, settings(), films, new LinkedHashMap<>(stages),
                new RunReport.Totals(filmCount, ok, filmCount - ok, shotsPlanned, shotsRendered, framesPlanned,
                        framesRendered, segmentsEncoded, qcFailed, lines[0], lines[1], lines[2]), checked, dataset,
                estimate, actual, remote);
    }

    private RunReport.Film film(String id, PlannedFilm p) {
        FilmFailure f = failures.get(id);
        FilmStatus status = f != null ? FilmStatus.FAILED : options.planOnly() ? FilmStatus.PLANNED : FilmStatus.OK;
        String title = p != null ? p.title() : catalogue.entries().stream()
                .filter(e -> e.filmId().equals(id)).map(e -> e.title()).findFirst().orElse("");
        String variant = p == null ? VariantSpec.MAIN_ID : p.variant();
        boolean made = status == FilmStatus.OK;
        QcResult checked = made ? qc.get(RunLayout.film(id, variant)) : null;
        if (checked != null && !checked.passed()) {
            status = FilmStatus.QC_FAILED;
        }
        FilmPlan plan = p == null ? null : plans.get(new FilmVariant(p.filmId(), p.variant()));
        SoundReport s = sound.get(RunLayout.film(id, variant));
        Map<String, Object> files = new LinkedHashMap<>(made && plan != null ? outputFiles.apply(plan) : Map.of());
        if (made && s != null) {
            files.put("stems", s.stems());
        }
        return new RunReport.Film(id, title, status, p == null ? 0 : p.scenes(), p == null ? 0 : p.shots(),
                p == null ? 0 : p.frames(), p == null ? 0 : (double) p.frames() / options.fps(),
                made ? RunLayout.film(id, variant) : null,
                f == null ? null : new RunReport.Error(f.file(), f.line(), f.message()), variant,
                files, checked == null ? null : checked.asMap(), s == null ? null : s.voices(), s == null ? null : s.dub());
    }

    private Map<String, Object> settings() {
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
        settings.put("master", master);
        settings.put("trailer", outputs.trailerSeconds());
        settings.put("dataset", outputs.dataset());
        settings.put("qc", qcOptions.enabled() ? qcOptions.profile().name() : "off");
        settings.put("sound", soundOptions.enabled());
        if (soundOptions.enabled()) {
            settings.put("voice_engine", soundOptions.voiceEngine());
            settings.put("loudness", soundOptions.loudness());
        }
        return settings;
    }
}
