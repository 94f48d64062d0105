package dev.storyreel.writer;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An ad brief from a catalogue's {@code brief} column: {@code product: ...; audience: ...; tone: ...;
 * length: 30} (fields separated by {@code ;}, names and values by {@code :} or {@code =}); text without
 * field names is taken as the product description.
 *
 * @param product  what is advertised
 * @param audience who it is for ("" when not said)
 * @param tone     how it should feel ("" when not said)
 * @param seconds  the spot's length in seconds (30 when not said)
 */
public record Brief(String product, String audience, String tone, int seconds) {

    /** Reads a brief cell. */
    public static Brief parse(String text) {
        Map<String, String> fields = new TreeMap<>();
        StringBuilder loose = new StringBuilder();
        for (String part : text.split(";")) {
            String p = part.strip();
            int at = indexOfSeparator(p);
            String name = at > 0 ? p.substring(0, at).strip().toLowerCase(Locale.ROOT) : "";
            if (name.matches("product|audience|tone|length|seconds")) {
                fields.put(name.equals("seconds") ? "length" : name, p.substring(at + 1).strip());
            } else if (!p.isEmpty()) {
                loose.append(loose.length() == 0 ? "" : "; ").append(p);
            }
        }
        String product = fields.getOrDefault("product", "");
        if (product.isEmpty()) {
            product = loose.toString();
        }
        int seconds = 30;
        String length = fields.getOrDefault("length", "").replaceAll("(?i)\\s*(s|sec|secs|seconds)$", "");
        if (!length.isEmpty()) {
            try {
                seconds = Math.max(5, Math.min(600, Integer.parseInt(length.strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("brief length '" + fields.get("length") + "' is not a number of seconds");
            }
        }
        if (product.isBlank()) {
            throw new IllegalArgumentException("the brief names no product");
        }
        return new Brief(product, fields.getOrDefault("audience", ""), fields.getOrDefault("tone", ""), seconds);
    }

    private static int indexOfSeparator(String p) {
        int c = p.indexOf(':');
        int e = p.indexOf('=');
        return c < 0 ? e : e < 0 ? c : Math.min(c, e);
    }
}
