package dev.storyreel.catalogue;

/**
 * One film asked for by a catalogue.
 *
 * @param filmId sanitised id, unique in the catalogue
 * @param title  title from the catalogue ("" when not given: the title page's is used)
 * @param source the screenplay's location as written, relative to the catalogue's folder unless absolute; "" for a
 *               row that asks the writers' room instead (its {@code logline} or {@code brief} is in {@code options})
 * @param style  style preset name ("" for none)
 * @param seed   the film's seed
 * @param line   1-based line of the catalogue that asked for it (0 for a folder catalogue)
 * @param options the row's other non-empty columns by lower-case name (variant matrix, trailer), in name order
 */
public record CatalogueEntry(String filmId, String title, String source, String style, long seed, int line,
                             java.util.Map<String, String> options) implements java.io.Serializable {

    public CatalogueEntry {
        options = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(options));
    }

    /** An entry with no extra columns. */
    public CatalogueEntry(String filmId, String title, String source, String style, long seed, int line) {
        this(filmId, title, source, style, seed, line, java.util.Map.of());
    }

    /** An extra column's value, or "" when the row leaves it empty. */
    public String option(String name) {
        return options.getOrDefault(name, "");
    }
}
