package dev.storyreel.report;

import dev.storyreel.plan.FilmVariant;
import java.util.List;

/**
 * What the run report page shows: the run's facts and timings, then each film. Paths are relative
 * to the page; every text may come from an untrusted screenplay and is escaped when written.
 *
 * @param title    page title
 * @param facts    name/value lines about the run (settings, throughput, estimate vs actual)
 * @param stages   stage name and seconds, in run order
 * @param films    the films, in catalogue order
 */
public record ReportModel(String title, List<Fact> facts, List<Fact> stages, List<Film> films, List<Delivery> deliveries) {

    /** A run without delivery QC. */
    public ReportModel(String title, List<Fact> facts, List<Fact> stages, List<Film> films) {
        this(title, facts, stages, films, List.of());
    }

    /**
     * One deliverable's delivery QC.
     *
     * @param name    what it is ("lighthouse / main", "trailer lighthouse")
     * @param status  pass or fail
     * @param figures what was measured, labelled
     * @param reasons why it failed (empty when it passed)
     */
    public record Delivery(String name, String status, List<Fact> figures, List<String> reasons) {
    }

    /** A labelled value. */
    public record Fact(String name, String value) {
    }

    /**
     * One film.
     *
     * @param id        film id
     * @param title     film title
     * @param status    ok, failed or planned
     * @param summary   one line: scenes, shots, frames, duration
     * @param video     the MP4, relative to the page, or null
     * @param poster    poster image, relative to the page, or null
     * @param durationS duration in seconds
     * @param shots     planned shots in screen order
     * @param error     why it failed, or null
     * @param variant   the variant id ("main" for a film without a variant matrix)
     * @param bible     the film's character bible (name, descriptor, first line), in order of appearance
     */
    public record Film(String id, String title, String status, String summary, String video, String poster,
                       double durationS, List<Shot> shots, Error error, String variant, List<Character> bible) {
        public Film {
            bible = bible == null ? List.of() : List.copyOf(bible);
        }

        /** A film without a character bible. */
        public Film(String id, String title, String status, String summary, String video, String poster,
                    double durationS, List<Shot> shots, Error error, String variant) {
            this(id, title, status, summary, video, poster, durationS, shots, error, variant, List.of());
        }

        /** A film without a variant matrix. */
        public Film(String id, String title, String status, String summary, String video, String poster,
                    double durationS, List<Shot> shots, Error error) {
            this(id, title, status, summary, video, poster, durationS, shots, error, MAIN);
        }

        /** The id of the card in the page: the film id, then the variant unless it is the main one. */
        public String anchor() {
            return MAIN.equals(variant) ? "film-" + id : "film-" + id + "-" + variant;
        }
    }

    /** The variant id of a film without a variant matrix. */
    public static final String MAIN = FilmVariant.MAIN;

    /**
     * One planned shot.
     *
     * @param scene      scene index
     * @param sceneLabel the scene's label
     * @param shot       shot index in the scene
     * @param kind       framing
     * @param camera     camera move
     * @param durationS  duration in seconds
     * @param heading    scene heading (location and time of day)
     * @param thumb      thumbnail relative to the page, or null when none was made
     */
    public record Shot(int scene, String sceneLabel, int shot, String kind, String camera, double durationS,
                       String heading, String thumb) {
    }

    /** One character of a film's bible: how they look in every shot and the first thing they say. */
    public record Character(String name, String descriptor, String firstLine) {
    }

    /** Where and why a film failed. */
    public record Error(String file, int line, String message) {
    }
}
