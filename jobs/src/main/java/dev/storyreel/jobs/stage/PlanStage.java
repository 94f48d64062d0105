package dev.storyreel.jobs.stage;

import dev.storyreel.catalogue.Catalogue;
import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.catalogue.CatalogueException;
import dev.storyreel.catalogue.CatalogueParser;
import dev.storyreel.catalogue.FilmFailure;
import dev.storyreel.jobs.cluster.ExecutorHadoop;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlanSettings;
import dev.storyreel.plan.StylePreset;
import dev.storyreel.screenplay.Screenplay;
import dev.storyreel.screenplay.ScreenplayException;
import dev.storyreel.screenplay.ScreenplayReader;
import dev.storyreel.subtitle.Translation;
import dev.storyreel.variant.VariantPlan;
import dev.storyreel.variant.VariantPlanner;
import dev.storyreel.variant.VariantSpec;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Stage 1: reads the catalogue on the driver, then parses and plans every film in Spark tasks.
 * A film whose screenplay is missing or bad fails alone, with its file and line.
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

    /** The catalogue and the folder its relative sources are resolved against. */
    public record Source(Catalogue catalogue, String baseDir) {
    }

    private PlanStage() {
    }

    /** Reads a CSV catalogue or a folder of screenplays, through Hadoop's filesystem API. */
    public static Source readCatalogue(String location, Configuration conf, long runSeed) throws CatalogueException {
        Path path = new Path(location);
        CatalogueParser parser = new CatalogueParser(runSeed);
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
                return new Source(parser.fromFolder(location, names), path.toString());
            }
            String csv = strictUtf8(OutputStore.readAll(path, conf), location);
            Path parent = path.getParent() == null ? new Path(".") : path.getParent();
            return new Source(parser.parseCsv(location, csv), parent.toString());
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
        int slices = Math.min(entries.size(), Math.max(1, jsc.defaultParallelism() * 2));
        // parallelize → map → collect keeps the input order: outcomes come back in catalogue order.
        return jsc.parallelize(entries, slices).map(e -> planOne(e, base, settings, styles)).collect();
    }

    public static Outcome planOne(CatalogueEntry entry, String baseDir, PlanSettings settings) {
        return planOne(entry, baseDir, settings, Map.of());
    }

    public static Outcome planOne(CatalogueEntry entry, String baseDir, PlanSettings settings, Map<String, StylePreset> styles) {
        Path src = resolve(baseDir, entry.source());
        String shown = display(src);
        List<VariantPlan> variants;
        try {
            byte[] bytes = OutputStore.readAll(src, ExecutorHadoop.conf());
            Screenplay screenplay = ScreenplayReader.read(shown, bytes, true);
            variants = new VariantPlanner(settings, styles).plan(entry, screenplay);
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
                String text = new String(OutputStore.readAll(file, ExecutorHadoop.conf()), StandardCharsets.UTF_8);
                Translation.parse(display(file), text);
                translations.put(lang, text);
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
