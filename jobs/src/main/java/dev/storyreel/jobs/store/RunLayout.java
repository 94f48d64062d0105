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
    /**
     * Work in progress of the frames table's commit protocol, beside the table and outside every
     * reader's glob: render tasks' and rewrites' staged files, and committed rewrite intents.
     */
    public static final String FRAMES_WORK = "_frames-work";
    /** Staged files: deleted at every run's start (what a killed run never published). */
    public static final String FRAMES_STAGING = FRAMES_WORK + "/staging";
    /** What Spark's own file committer left in the frames table before this protocol (deleted at start). */
    public static final String FRAMES_LEGACY_TEMPORARY = FRAMES + "/_temporary";
    /** Intents of committed rewrites, finished at the next start if a crash interrupted them. */
    public static final String FRAMES_INTENTS = FRAMES_WORK + "/intents";
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
    /** The remote renderer's job ledger: one JSON file per shot key naming its remote job. */
    public static final String REMOTE_JOBS = "remote/jobs";
    /** Screenplays the writers' room wrote, one per film, each with its reuse key beside it. */
    public static final String SCREENPLAYS = "screenplays";
    /** Synthesised dialogue lines (Parquet, one row per line's audio key). */
    public static final String AUDIO = "audio";
    /** Devices each stage's tasks held. */
    public static final String DEVICES_JSON = "devices.json";
    /** The lock a running run holds on its output root (owner: host, pid, start time); deleted when it ends. */
    public static final String LOCK = ".storyreel.lock";
    /** Marks a folder as a storyreel output from the first run that locked it on (never deleted). */
    public static final String MARKER = ".storyreel";

    /**
     * Whether a name directly inside a table folder ({@link #PLAN}, the dataset's captions) is one a run
     * writes (partitions, part files, commit markers and their checksums): only these are ever deleted.
     */
    public static boolean isTableEntry(String name) {
        return name.matches("(film_id=.*|part-.*|_SUCCESS|_temporary|_committed_.*|_started_.*|__magic.*|\\.[^/]*\\.crc)");
    }

    private RunLayout() {
    }

    /** The screenplay the writers' room wrote for a film. */
    public static String screenplay(String filmId) {
        return dev.storyreel.writer.WritersRoom.path(SCREENPLAYS, filmId);
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

    /** A staging folder of the frames table's commit protocol (a task attempt's, a rewrite's). */
    public static String framesStaging(String name) {
        return FRAMES_STAGING + "/" + name;
    }

    /** A committed rewrite intent of the frames table. */
    public static String framesIntent(String id) {
        return FRAMES_INTENTS + "/" + id + ".json";
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
