package dev.storyreel.screenplay;

import java.util.List;
import java.util.Map;

/**
 * A parsed screenplay: its title page and the ordered elements of its body.
 *
 * @param source    the file it was read from, for messages
 * @param titlePage title-page entries in source order; keys lower-cased ("title", "credit",
 *                  "author", "draft date", ...); multi-line values joined with '\n'
 * @param elements  body elements in source order
 */
public record Screenplay(String source, Map<String, String> titlePage, List<Element> elements) {

    public Screenplay {
        titlePage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(titlePage));
        elements = List.copyOf(elements);
    }

    /** The title-page value for a key (case-insensitive), or {@code fallback}. */
    public String titleEntry(String key, String fallback) {
        String v = titlePage.get(key.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isBlank() ? fallback : v;
    }
}
