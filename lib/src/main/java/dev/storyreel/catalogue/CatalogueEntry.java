package dev.storyreel.catalogue;

/**
 * One film asked for by a catalogue.
 *
 * @param filmId sanitised id, unique in the catalogue
 * @param title  title from the catalogue ("" when not given: the title page's is used)
 * @param source the screenplay's location as written, relative to the catalogue's folder unless absolute
 * @param style  style preset name ("" for none)
 * @param seed   the film's seed
 * @param line   1-based line of the catalogue that asked for it (0 for a folder catalogue)
 */
public record CatalogueEntry(String filmId, String title, String source, String style, long seed, int line) implements java.io.Serializable {
}
