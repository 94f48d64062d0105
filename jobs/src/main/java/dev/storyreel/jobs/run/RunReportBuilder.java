package dev.storyreel.jobs.run;

import dev.storyreel.catalogue.Catalogue;
import dev.storyreel.catalogue.FilmFailure;
import dev.storyreel.estimate.RenderEstimate;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.plan.FilmPlan;
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
    private List<VariantPlan> variants = List.of();
    private Function<FilmPlan, Map<String, String>> outputFiles = p -> Map.of();
    private long shotsRendered;
    private long framesRendered;
    private long segmentsEncoded;
    private List<RunReport.Trailer> trailers = List.of();
    private Map<String, Object> dataset;
    private RenderEstimate estimate;
    private RunReport.Actual actual;
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
        this.variants = List.copyOf(planned);
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
        Map<String, List<FilmPlan>> byId = new LinkedHashMap<>();
        variants.forEach(v -> byId.computeIfAbsent(v.plan().filmId(), k -> new ArrayList<>()).add(v.plan()));
        List<String> order = new ArrayList<>();
        catalogue.entries().forEach(e -> order.add(e.filmId()));
        catalogue.failures().forEach(f -> {
            if (!order.contains(f.filmId())) {
                order.add(f.filmId());
            }
        });
        for (String id : order) {
            List<FilmPlan> plans = byId.getOrDefault(id, new ArrayList<>());
            if (plans.isEmpty()) {
                plans.add(null);
            }
            for (FilmPlan p : plans) {
                films.add(film(id, p));
            }
        }
        int ok = (int) films.stream().filter(x -> x.status() != FilmStatus.FAILED).map(RunReport.Film::filmId)
                .distinct().count();
        int filmCount = (int) films.stream().map(RunReport.Film::filmId).distinct().count();
        long shotsPlanned = variants.stream().mapToLong(v -> v.plan().shots().size()).sum();
        long framesPlanned = variants.stream().mapToLong(v -> v.plan().frames()).sum();
        List<RunReport.Trailer> checked = trailers.stream()
                .map(t -> t.file() != null && qc.containsKey(t.file()) ? t.withQc(qc.get(t.file())) : t).toList();
        int qcFailed = (int) (films.stream().filter(f -> f.status() == FilmStatus.QC_FAILED).count()
                + checked.stream().filter(t -> t.status() == FilmStatus.QC_FAILED).count());
        return new RunReport(RunReport.VERSION, settings(), films, new LinkedHashMap<>(stages),
                new RunReport.Totals(filmCount, ok, filmCount - ok, shotsPlanned, shotsRendered, framesPlanned,
                        framesRendered, segmentsEncoded, qcFailed, lines[0], lines[1], lines[2]), checked, dataset,
                estimate, actual);
    }

    private RunReport.Film film(String id, FilmPlan p) {
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
        SoundReport s = sound.get(RunLayout.film(id, variant));
        Map<String, Object> files = new LinkedHashMap<>(made && p != null ? outputFiles.apply(p) : Map.of());
        if (made && s != null) {
            files.put("stems", s.stems());
        }
        return new RunReport.Film(id, title, status, p == null ? 0 : p.scenes(), p == null ? 0 : p.shots().size(),
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
