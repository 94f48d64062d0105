package dev.storyreel.jobs.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.storyreel.estimate.RenderEstimate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** {@code run.json}: what a run was asked, what it made of each film, stage timings and totals. */
public record RunReport(String storyreel, Map<String, Object> settings, List<Film> films, Map<String, Double> stages,
                 Totals totals, List<Trailer> trailers, Map<String, Object> dataset, RenderEstimate estimate,
                 Actual actual, Map<String, Object> remote) {

    /** storyreel's version, written in every report. */
    public static final String VERSION = "0.1.0";

    public RunReport(String storyreel, Map<String, Object> settings, List<Film> films, Map<String, Double> stages, Totals totals) {
        this(storyreel, settings, films, stages, totals, List.of(), null, null, null, null);
    }

    /**
     * One film variant's outcome (a film without a variant matrix has one, {@code main}); {@code file}
     * and {@code outputs} (subtitles, timelines, and the sound {@code stems} map) are relative to the output
     * root; {@code qc} is its delivery QC ({@link dev.storyreel.qc.QcResult#asMap()}), null when QC did not
     * run; {@code voices} maps each character to the engine and voice that speak them and {@code dub} is the
     * dubbed language or why the variant is not dubbed (both null without sound; dub null for the
     * screenplay's own language).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Film(String filmId, String title, FilmStatus status, long scenes, long shots, long frames,
                       double durationS, String file, Error error, String variant, Map<String, Object> outputs,
                       Map<String, Object> qc, Map<String, Map<String, Object>> voices, String dub) {
        public Film(String filmId, String title, FilmStatus status, long scenes, long shots, long frames,
                    double durationS, String file, Error error, String variant, Map<String, ?> outputs) {
            this(filmId, title, status, scenes, shots, frames, durationS, file, error, variant,
                    java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<String, Object>(outputs)), null, null,
                    null);
        }
    }

    /** A film's trailer: the cut it was made from, its file and length, or why there is none; its delivery QC. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Trailer(String filmId, String fromVariant, int targetS, FilmStatus status, String file, long frames,
                   double durationS, int cuts, String error, Map<String, Object> qc) {
        public Trailer(String filmId, String fromVariant, int targetS, FilmStatus status, String file, long frames,
                       double durationS, int cuts, String error) {
            this(filmId, fromVariant, targetS, status, file, frames, durationS, cuts, error, null);
        }

        /** This trailer with its delivery QC: {@code qc_failed} when it failed. */
        public Trailer withQc(dev.storyreel.qc.QcResult result) {
            return new Trailer(filmId, fromVariant, targetS, result.passed() ? status : FilmStatus.QC_FAILED, file, frames,
                    durationS, cuts, error, result.asMap());
        }
    }

    /** Where and why a film failed. */
    public record Error(String file, int line, String message) {
    }

    /**
     * Counts over the run; rendered counts are this run's work (a resumed run renders only what is
     * missing), as are lines synthesised (a rerun synthesises nothing; reused lines come from the audio
     * table); {@code deliverablesQcFailed} counts film variants and trailers that failed delivery QC.
     */
    public record Totals(int films, int filmsOk, int filmsFailed, long shotsPlanned, long shotsRendered, long framesPlanned,
                  long framesRendered, long segmentsEncoded, int deliverablesQcFailed, long linesSynthesised,
                  long linesReused, long linesTimeScaled) {
        public Totals(int films, int filmsOk, int filmsFailed, long shotsPlanned, long shotsRendered, long framesPlanned,
                      long framesRendered, long segmentsEncoded) {
            this(films, filmsOk, filmsFailed, shotsPlanned, shotsRendered, framesPlanned, framesRendered, segmentsEncoded, 0,
                    0, 0, 0);
        }
    }

    /**
     * The render as it went, to judge the estimate: {@code estimateRatio} is the estimated time for
     * the frames rendered over the actual time (1.0: exact, above 1: the estimate was pessimistic).
     */
    public record Actual(double renderSeconds, long framesRendered, double framesPerSecond, double secondsPerFrame, int workers,
                  double estimateRatio) {
        public static Actual of(RenderEstimate estimate, double renderSeconds, long framesRendered, int workers) {
            double fps = renderSeconds > 0 ? framesRendered / renderSeconds : 0;
            double spf = framesRendered > 0 ? renderSeconds * workers / framesRendered : 0;
            double estimated = estimate == null ? 0 : estimate.part(framesRendered).renderSeconds();
            return new Actual(renderSeconds, framesRendered, fps, spf, workers,
                    renderSeconds > 0 && estimated > 0 ? estimated / renderSeconds : 0);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
