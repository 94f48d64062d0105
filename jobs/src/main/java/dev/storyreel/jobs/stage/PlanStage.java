package dev.storyreel.jobs.stage;

import dev.storyreel.catalogue.Catalogue;
import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.catalogue.CatalogueException;
import dev.storyreel.catalogue.CatalogueParser;
import dev.storyreel.catalogue.FilmFailure;
import dev.storyreel.jobs.cluster.ExecutorHadoop;
import dev.storyreel.jobs.store.BibleTables;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.limits.Limit;
import dev.storyreel.limits.LimitExceeded;
import dev.storyreel.limits.Limits;
import dev.storyreel.plan.CharacterBible;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlanSettings;
import dev.storyreel.plan.StylePreset;
import dev.storyreel.screenplay.ScreenplayException;
import dev.storyreel.subtitle.Translation;
import dev.storyreel.variant.LimitedPlanner;
import dev.storyreel.variant.VariantPlan;
import dev.storyreel.variant.VariantPlanner;
import dev.storyreel.variant.VariantSpec;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import dev.storyreel.jobs.run.PlannedFilm;
import dev.storyreel.jobs.store.PlanTable;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.shot.RendererInfo;
import dev.storyreel.shot.ShotSpec;

/**
 * Stage 1: reads the catalogue on the driver, then parses and plans every film in Spark tasks.
 * A film whose screenplay is missing, bad, over a limit of {@code conf/limits.yaml} or outside the
 * catalogue's folder fails alone, with its file and line; nothing outside the folder is ever read.
 */
public final class PlanStage {

    /**
     * A film's plan (its first variant's), or why it has none; {@code variants} holds every variant the
     * row asks for, {@code translations} the subtitle files of its languages (language → file text).
     */
    public record Outcome(CatalogueEntry entry, FilmPlan plan, FilmFailure failure, List<VariantPlan> variants,
                   Map<String, String> translations) implements Serializable {
        Outcome(CatalogueEntry entry, FilmPlan plan, FilmFailure failure) {
            this(entry, plan, failure, plan == null ? List.of() : List.of(new VariantPlan(VariantSpec.MAIN, plan)), Map.of());
        }
    }

    /** The catalogue, the folder its relative sources are resolved against, and the run's limits. */
    public record Source(Catalogue catalogue, String baseDir, Limits limits) {
        public Source(Catalogue catalogue, String baseDir) {
            this(catalogue, baseDir, Limits.defaults());
        }
    }

    private PlanStage() {
    }

    /** Reads a CSV catalogue or a folder of screenplays, through Hadoop's filesystem API. */
    public static Source readCatalogue(String location, Configuration conf, long runSeed) throws CatalogueException {
        return readCatalogue(location, conf, runSeed, Limits.defaults());
    }

    /** As above, within {@code limits} (the number of rows; the other limits apply when planning). */
    public static Source readCatalogue(String location, Configuration conf, long runSeed, Limits limits)
            throws CatalogueException {
        Path path = new Path(location);
        CatalogueParser parser = new CatalogueParser(runSeed, limits);
        try {
            FileSystem fs = path.getFileSystem(conf);
            if (!fs.exists(path)) {
                throw new CatalogueException(location, 0, "catalogue not found");
            }
            if (fs.getFileStatus(path).isDirectory()) {
                List<String> names = new ArrayList<>();
                for (FileStatus s : fs.listStatus(path)) {
                    if (s.isFile()) {
                        names.add(s.getPath().getName());
                    }
                }
                return new Source(parser.fromFolder(location, names), path.toString(), limits);
            }
            String csv = strictUtf8(OutputStore.readAll(path, conf), location);
            Path parent = path.getParent() == null ? new Path(".") : path.getParent();
            return new Source(parser.parseCsv(location, csv), parent.toString(), limits);
        } catch (IOException e) {
            throw new CatalogueException(location, 0, "cannot read catalogue: " + e.getMessage());
        }
    }

    /** Plans every film of the catalogue, one Spark task per group of films; results in catalogue order. */
    public static List<Outcome> plan(JavaSparkContext jsc, Source source, PlanSettings settings) {
        return plan(jsc, source, settings, Map.of());
    }

    /** As above, resolving style names through the named presets. */
    public static List<Outcome> plan(JavaSparkContext jsc, Source source, PlanSettings settings, Map<String, StylePreset> styles) {
        List<CatalogueEntry> entries = source.catalogue().entries();
        if (entries.isEmpty()) {
            return List.of();
        }
        String base = source.baseDir();
        String catalogue = source.catalogue().location();
        Limits limits = source.limits();
        int slices = Math.min(entries.size(), Math.max(1, jsc.defaultParallelism() * 2));
        // parallelize → map → collect keeps the input order: outcomes come back in catalogue order.
        return jsc.parallelize(entries, slices).map(e -> planOne(e, base, catalogue, settings, styles, limits)).collect();
    }

    /** Films planned and written by one task of {@link #planToTable}. */
    static final int FILMS_PER_TASK = 8;

    /** A film's plan as the driver keeps it when the plan stays on the executors: summaries, or its failure. */
    public record Digest(CatalogueEntry entry, List<PlannedFilm> variants, FilmFailure failure, ShotSpec sample)
            implements Serializable {
    }

    /**
     * Plans every film on the executors and writes the plan table and the bibles from there; only a
     * digest per film (a few numbers per variant, one sample shot for the calibration, or the failure)
     * comes back, in catalogue order, so the driver's heap does not grow with the shot count. Films are
     * planned twice (once for the plan table, once for the bibles and digests) rather than cached:
     * planning is cheap next to holding millions of shots. {@code withoutSourceLines} cuts language
     * variants' source lines as a render with burned-in captions does, so both write the same plan.
     */
    public static List<Digest> planToTable(SparkSession spark, OutputStore store, Source source, PlanSettings settings,
                                           Map<String, StylePreset> styles, RendererInfo renderer,
                                           boolean withoutSourceLines) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<CatalogueEntry> entries = source.catalogue().entries();
        if (entries.isEmpty()) {
            return List.of();
        }
        String base = source.baseDir();
        String catalogue = source.catalogue().location();
        Limits limits = source.limits();
        // At most FILMS_PER_TASK films a task: the partitioned write sorts a task's rows by film in
        // executor memory, so big tasks (250 features each at 8 tasks) crowd a small heap.
        int slices = Math.max(1, Math.min(entries.size(),
                Math.max(jsc.defaultParallelism() * 4, (entries.size() + FILMS_PER_TASK - 1) / FILMS_PER_TASK)));
        JavaRDD<Outcome> outcomes = jsc.parallelize(entries, slices).map(e -> cut(
                planOne(e, base, catalogue, settings, styles, limits), renderer, withoutSourceLines));
        PlanTable.write(spark, store, outcomes.flatMap(o -> o.variants().stream().map(VariantPlan::plan).iterator()),
                renderer);
        JavaRDD<Tuple2<Digest, CharacterBible>> digests = outcomes
                .map(o -> new Tuple2<>(digest(o), o.plan() == null ? null : o.plan().bible()))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            BibleTables.write(spark, store, digests.filter(d -> d._2() != null)
                    .map(d -> new Tuple2<>(d._1().entry().filmId(), d._2())));
            return digests.map(Tuple2::_1).collect();
        } finally {
            digests.unpersist(false);
        }
    }

    /** An outcome whose language variants lose their source lines (captions burned in), else as it is. */
    private static Outcome cut(Outcome o, RendererInfo renderer, boolean withoutSourceLines) {
        if (!withoutSourceLines || o.failure() != null) {
            return o;
        }
        List<VariantPlan> variants = o.variants().stream().map(v -> VariantPlanner.withoutSourceLines(v, renderer)).toList();
        return new Outcome(o.entry(), variants.get(0).plan(), null, variants, o.translations());
    }

    private static Digest digest(Outcome o) {
        if (o.failure() != null) {
            return new Digest(o.entry(), List.of(), o.failure(), null);
        }
        List<PlannedShot> shots = o.plan().shots();
        return new Digest(o.entry(), o.variants().stream().map(v -> PlannedFilm.of(v.plan())).toList(), null,
                shots.isEmpty() ? null : shots.get(shots.size() / 2).spec());
    }

    /**
     * Plans one row: its source is checked against the limits' source policy before anything is read,
     * read with the screenplay byte cap, and planned within the limits.
     */
    public static Outcome planOne(CatalogueEntry entry, String baseDir, String catalogue, PlanSettings settings,
                                  Map<String, StylePreset> styles, Limits limits) {
        Optional<String> refused = limits.sources().refusal(entry.source());
        if (refused.isPresent()) {
            return failed(entry, catalogue, entry.line(), refused.get() + ": " + entry.source());
        }
        Path src = resolve(baseDir, entry.source());
        String shown = display(src);
        List<VariantPlan> variants;
        try {
            Optional<String> onDisk = refusalOnDisk(limits, baseDir, src);
            if (onDisk.isPresent()) {
                return failed(entry, shown, 0, onDisk.get());
            }
            byte[] bytes = readCapped(src, limits, shown);
            variants = new LimitedPlanner(new VariantPlanner(settings, styles), limits).plan(entry, catalogue, shown, bytes);
        } catch (LimitExceeded e) {
            return failed(entry, e.file(), e.line(), e.reason());
        } catch (FileNotFoundException e) {
            return failed(entry, shown, 0, "screenplay not found");
        } catch (IOException e) {
            return failed(entry, shown, 0, "cannot read screenplay: " + e.getMessage());
        } catch (ScreenplayException e) {
            return failed(entry, e.file(), e.line(), e.reason());
        } catch (IllegalArgumentException e) {
            return failed(entry, display(new Path(baseDir)) + "/" + entry.source(), 0, "bad variant matrix: " + e.getMessage());
        } catch (RuntimeException e) {
            return failed(entry, shown, 0, "cannot plan: " + e);
        }
        Map<String, String> translations = new TreeMap<>();
        for (VariantPlan v : variants) {
            String lang = v.spec().language();
            if (lang.isEmpty() || translations.containsKey(lang)) {
                continue;
            }
            Path file = translationFile(src, lang);
            try {
                String text = new String(readCapped(file, limits, display(file)), StandardCharsets.UTF_8);
                Translation.parse(display(file), text);
                translations.put(lang, text);
            } catch (LimitExceeded e) {
                return failed(entry, e.file(), e.line(), e.reason());
            } catch (FileNotFoundException e) {
                return failed(entry, display(file), 0, "subtitle file for language '" + lang + "' not found");
            } catch (IOException e) {
                return failed(entry, display(file), 0, "cannot read subtitles: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                return failed(entry, display(file), 0, e.getMessage());
            }
        }
        return new Outcome(entry, variants.get(0).plan(), null, variants, translations);
    }

    /** A language's subtitle file next to the screenplay: {@code <stem>.<lang>.txt}. */
    public static Path translationFile(Path screenplay, String language) {
        return new Path(screenplay.getParent(), dev.storyreel.catalogue.FilmId.stem(screenplay.getName()) + "." + language + ".txt");
    }

    private static Outcome failed(CatalogueEntry entry, String file, int line, String message) {
        return new Outcome(entry, null, new FilmFailure(entry.filmId(), file, line, message));
    }

    /** A file's bytes, at most the screenplay byte limit (one byte more fails it, the rest is never read). */
    private static byte[] readCapped(Path file, Limits limits, String shown) throws IOException {
        try (InputStream in = file.getFileSystem(ExecutorHadoop.conf()).open(file)) {
            return limits.readCapped(in, Limit.SCREENPLAY_BYTES, shown);
        }
    }

    /** For a local source: a link leading out of the catalogue's folder, a folder, a missing file; else empty. */
    private static Optional<String> refusalOnDisk(Limits limits, String baseDir, Path src) throws IOException {
        org.apache.hadoop.fs.FileSystem fs = src.getFileSystem(ExecutorHadoop.conf());
        if (!"file".equals(fs.getScheme())) {
            if (fs.exists(src) && fs.getFileStatus(src).isDirectory()) {
                return Optional.of("the source is a folder, not a screenplay file");
            }
            return Optional.empty();
        }
        Path base = new Path(baseDir);
        java.nio.file.Path folder = java.nio.file.Path.of(base.getFileSystem(ExecutorHadoop.conf()).makeQualified(base).toUri());
        java.nio.file.Path file = java.nio.file.Path.of(fs.makeQualified(src).toUri());
        return limits.sources().refusalOnDisk(folder, file);
    }

    public static Path resolve(String baseDir, String source) {
        Path p = new Path(source);
        return p.isAbsoluteAndSchemeAuthorityNull() || p.toUri().getScheme() != null ? p : new Path(new Path(baseDir), source);
    }

    /** A path as people write it: no "file:" prefix for local files. */
    public static String display(Path p) {
        return "file".equals(p.toUri().getScheme()) ? p.toUri().getPath() : p.toString();
    }

    private static String strictUtf8(byte[] bytes, String location) throws CatalogueException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CatalogueException(location, 0, "catalogue is not UTF-8");
        }
    }
}
