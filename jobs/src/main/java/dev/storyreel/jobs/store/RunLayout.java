package dev.storyreel.jobs.store;

import dev.storyreel.variant.VariantSpec;

/**
 * Every path a run writes under its output root, relative to it, in one place. Ids in these paths are
 * sanitised film ids, variant ids and content hashes, so no path can leave the root.
 */
public final class RunLayout {
    /** The plan table (Parquet, partitioned by film). */
    public static final String PLAN = "plan";
    /** The character bible table (Parquet, partitioned by film like the plan). */
    public static final String CHARACTERS = "characters";
    /** The location bible table (Parquet, partitioned by film like the plan). */
    public static final String LOCATIONS = "locations";
    /** The frames table (Parquet, partitioned by film). */
    public static final String FRAMES = "frames";
    /** Where stale frames are rewritten before they replace a film's partition. */
    public static final String COMPACT_FRAMES = "_compact-frames";
    /** One H.264 segment per distinct shot and encoder settings. */
    public static final String SEGMENTS = "segments";
    /** The films. */
    public static final String FILMS = "films";
    /** The trailers. */
    public static final String TRAILERS = "trailers";
    /** The dataset export. */
    public static final String DATASET = "dataset";
    /** The dataset's captions table. */
    public static final String DATASET_CAPTIONS = DATASET + "/captions";
    /** The run report page and its images. */
    public static final String REPORT = "report";
    /** The run report page. */
    public static final String REPORT_PAGE = REPORT + "/index.html";
    /** The run report. */
    public static final String RUN_JSON = "run.json";
    /** Synthesised dialogue lines (Parquet, one row per line's audio key). */
    public static final String AUDIO = "audio";
    /** Devices each stage's tasks held. */
    public static final String DEVICES_JSON = "devices.json";

    private RunLayout() {
    }

    /** A segment file by name. */
    public static String segment(String name) {
        return SEGMENTS + "/" + name;
    }

    /**
     * A variant's MP4: {@code films/<film_id>.mp4} for the main variant (the run's own settings),
     * {@code films/<film_id>/<variant>.mp4} for the others.
     */
    public static String film(String filmId, String variant) {
        return VariantSpec.MAIN_ID.equals(variant) ? FILMS + "/" + filmId + ".mp4"
                : FILMS + "/" + filmId + "/" + variant + ".mp4";
    }

    /** A film's trailer. */
    public static String trailer(String filmId) {
        return TRAILERS + "/" + filmId + ".mp4";
    }

    /** A file of the dataset export, by its path inside {@code dataset/}. */
    public static String dataset(String relative) {
        return DATASET + "/" + relative;
    }

    /** A file of the report page (thumbnails, posters), by its path inside {@code report/}. */
    public static String report(String relative) {
        return REPORT + "/" + relative;
    }

    /** A film's partition of the frames table. */
    public static String framesOf(String filmId) {
        return FRAMES + "/film_id=" + filmId;
    }

    /** A film's partition of the frames table being rewritten. */
    public static String compactFramesOf(String filmId) {
        return COMPACT_FRAMES + "/film_id=" + filmId;
    }

    /**
     * A film variant's sound stem ({@code dialogue}, {@code music}, {@code ambience}) beside its MP4:
     * {@code films/<film_id>.<stem>.wav} or {@code films/<film_id>/<variant>.<stem>.wav}.
     */
    public static String stem(String filmId, String variant, String stem) {
        return beside(film(filmId, variant), stem);
    }

    /** A trailer's sound stem beside it: {@code trailers/<film_id>.<stem>.wav}. */
    public static String trailerStem(String filmId, String stem) {
        return beside(trailer(filmId), stem);
    }

    private static String beside(String mp4, String stem) {
        return mp4.substring(0, mp4.length() - ".mp4".length()) + "." + stem + ".wav";
    }
}
