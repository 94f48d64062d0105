package dev.storyreel.catalogue;

import dev.storyreel.limits.Limit;
import dev.storyreel.limits.LimitExceeded;
import dev.storyreel.limits.Limits;
import dev.storyreel.shot.Seeds;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a catalogue: a CSV with the header {@code film_id,title,source,style,seed}, or the file
 * names of a folder of screenplays. A bad row fails its film only; a bad header, no films at all or
 * more rows than {@link Limit#CATALOGUE_ROWS} fail the catalogue. When two rows give the same id
 * (also after sanitising: "Film A" and "film-a"), the later row fails, naming both lines, and the
 * earlier is made; its failure carries the id {@code <id>@<line>} so that it is reported apart.
 */
public final class CatalogueParser {
    /** Columns a CSV catalogue must have; film_id, title, style and seed may be left empty. */
    public static final List<String> COLUMNS = List.of("film_id", "title", "source", "style", "seed");
    /** Screenplay file extensions recognised in a folder catalogue. */
    public static final List<String> SCREENPLAY_EXTENSIONS = List.of(".fountain", ".spmd", ".fdx");

    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cc}&&[^\\t]]|[\\u2028\\u2029]");

    private final long runSeed;
    private final Limits limits;

    /** @param runSeed the run's seed (--seed), mixed into every film's seed; 0 keeps the catalogue's seeds as they are */
    public CatalogueParser(long runSeed) {
        this(runSeed, Limits.defaults());
    }

    /** As above, enforcing {@code limits} (the number of rows). */
    public CatalogueParser(long runSeed, Limits limits) {
        this.runSeed = runSeed;
        this.limits = limits;
    }

    /** Parses CSV text; {@code location} names the file in messages. */
    public Catalogue parseCsv(String location, String csv) throws CatalogueException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<CatalogueEntry> entries = new ArrayList<>();
        List<FilmFailure> failures = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        long rowCount = 0;
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class)
                .with(CsvSchema.emptySchema())
                .readValues(stripBom(csv))) {
            if (!rows.hasNext()) {
                throw new CatalogueException(location, 1, "empty catalogue: expected the header " + String.join(",", COLUMNS));
            }
            Map<String, Integer> column = header(location, rows.next());
            while (rows.hasNext()) {
                int line = rows.getCurrentLocation().getLineNr();
                List<String> row = rows.next();
                if (row.stream().allMatch(String::isBlank)) {
                    continue;
                }
                limits.check(Limit.CATALOGUE_ROWS, ++rowCount, location, line);
                readRow(location, line, row, column, firstLine, entries, failures);
            }
        } catch (LimitExceeded e) {
            throw new CatalogueException(location, e.line(), e.reason());
        } catch (IOException | RuntimeException e) {
            throw new CatalogueException(location, 0, "not a readable CSV: " + e.getMessage());
        }
        if (entries.isEmpty() && failures.isEmpty()) {
            throw new CatalogueException(location, 0, "no films: the catalogue has a header but no rows");
        }
        return new Catalogue(location, entries, failures);
    }

    /**
     * A catalogue made of the screenplay files in a folder, in name order; ids from the file stems.
     * A folder with no screenplay file at all is an error.
     */
    public Catalogue fromFolder(String location, List<String> fileNames) throws CatalogueException {
        List<CatalogueEntry> entries = new ArrayList<>();
        List<FilmFailure> failures = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        fileNames.stream().filter(CatalogueParser::isScreenplay)
                .sorted(java.util.Comparator.comparing((String n) -> FilmId.sanitise(FilmId.stem(n)).orElse(""))
                        .thenComparing(java.util.Comparator.naturalOrder()))
                .forEach(name -> {
            String stem = FilmId.stem(name);
            var id = FilmId.sanitise(stem);
            if (id.isEmpty()) {
                // Named by its file (unique in the folder; the '@' keeps it apart from every usable id).
                failures.add(new FilmFailure("@" + name, name, 0, "file name gives no usable film id"));
            } else if (seen.putIfAbsent(id.get(), 0) != null) {
                failures.add(new FilmFailure(id.get() + "@" + name, name, 0,
                        "another file already gives the film id '" + id.get() + "'"));
            } else {
                entries.add(new CatalogueEntry(id.get(), "", name, "", mix(0), 0));
            }
        });
        if (entries.isEmpty() && failures.isEmpty()) {
            throw new CatalogueException(location, 0, "no films: the folder holds no screenplay ("
                    + String.join(", ", SCREENPLAY_EXTENSIONS) + ")");
        }
        limits.check(Limit.CATALOGUE_ROWS, entries.size() + failures.size(), location, 0);
        return new Catalogue(location, entries, failures);
    }

    /** Whether a file name looks like a screenplay we can read. */
    public static boolean isScreenplay(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return SCREENPLAY_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    private Map<String, Integer> header(String location, List<String> names) throws CatalogueException {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            column.put(names.get(i).strip().toLowerCase(java.util.Locale.ROOT), i);
        }
        if (!column.containsKey("source")) {
            throw new CatalogueException(location, 1, "the header must name the columns " + String.join(",", COLUMNS)
                    + " (found " + String.join(",", names) + ")");
        }
        return column;
    }

    private void readRow(String location, int line, List<String> row, Map<String, Integer> column,
                         Map<String, Integer> firstLine, List<CatalogueEntry> entries, List<FilmFailure> failures) {
        String source = cell(row, column, "source");
        String rawId = cell(row, column, "film_id");
        boolean fromStem = rawId.isEmpty() && !source.isEmpty();
        if (fromStem) {
            rawId = FilmId.stem(source);
        }
        var id = FilmId.sanitise(rawId);
        if (id.isEmpty()) {
            // Named by its line: unusable ids of two rows may be equal ("\uFEFF" twice), lines are not.
            failures.add(new FilmFailure("@" + line, location, line,
                    "film_id '" + rawId + "' has no usable characters (allowed: a-z 0-9 . _ -)"));
            return;
        }
        String filmId = id.get();
        Integer earlier = firstLine.putIfAbsent(filmId, line);
        if (earlier != null) {
            String given = fromStem ? "the id '" + filmId + "' taken from the file name"
                    : rawId.equals(filmId) ? "'" + filmId + "'" : "'" + rawId + "' (as an id '" + filmId + "')";
            failures.add(new FilmFailure(filmId + "@" + line, location, line, "duplicate film_id: " + given + " on line "
                    + line + " is already used on line " + earlier + " (line " + earlier + "'s film is made)"));
            return;
        }
        if (source.isEmpty() && cell(row, column, "logline").isEmpty() && cell(row, column, "brief").isEmpty()) {
            failures.add(new FilmFailure(filmId, location, line, "no source screenplay given (nor a logline or brief)"));
            return;
        }
        String seedText = cell(row, column, "seed");
        long seed;
        try {
            seed = seedText.isEmpty() ? 0 : Long.parseLong(seedText);
        } catch (NumberFormatException e) {
            failures.add(new FilmFailure(filmId, location, line, "seed '" + seedText + "' is not an integer"));
            return;
        }
        java.util.Map<String, String> options = new java.util.TreeMap<>();
        column.forEach((name, i) -> {
            String v = cell(row, column, name);
            if (!COLUMNS.contains(name) && !v.isEmpty()) {
                options.put(name, v);
            }
        });
        entries.add(new CatalogueEntry(filmId, cell(row, column, "title"), source, cell(row, column, "style"), mix(seed), line,
                options));
    }

    private long mix(long catalogueSeed) {
        return Seeds.film(catalogueSeed, runSeed);
    }

    private static String cell(List<String> row, Map<String, Integer> column, String name) {
        Integer i = column.get(name);
        // Control characters (NUL included) never reach titles, captions or ids.
        return i == null || i >= row.size() || row.get(i) == null ? ""
                : CONTROL.matcher(row.get(i)).replaceAll(" ").strip();
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
