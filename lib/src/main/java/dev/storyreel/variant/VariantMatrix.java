package dev.storyreel.variant;

import dev.storyreel.catalogue.CatalogueEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a catalogue row's variant matrix: the product of the optional columns {@code aspects}
 * ({@code 16:9;9:16}), {@code resolution} ({@code 360;720}, the short side), {@code styles}
 * ({@code noir;sepia}), {@code max_seconds} ({@code full;30;15}) and {@code languages} ({@code fr;de},
 * each adding a subtitle language to the screenplay's own). A row with none of them has one variant, {@code main}.
 */
public final class VariantMatrix {
    /** The catalogue columns that make a variant matrix. */
    public static final List<String> COLUMNS = List.of("aspects", "resolution", "styles", "max_seconds", "languages");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})?");
    private static final Pattern STYLE = Pattern.compile("[a-z0-9][a-z0-9_.]*");

    private VariantMatrix() {
    }

    /** Whether the row asks for variants. */
    public static boolean hasMatrix(CatalogueEntry entry) {
        return COLUMNS.stream().anyMatch(c -> !entry.option(c).isEmpty());
    }

    /**
     * How many variants the row asks for, counted without expanding the matrix (so a row asking for
     * millions is refused before they take memory): the product of each column's distinct values.
     */
    public static long combinations(CatalogueEntry entry) {
        if (!hasMatrix(entry)) {
            return 1;
        }
        long n = 1;
        for (String column : COLUMNS) {
            long k = values(entry, column, "languages".equals(column) ? null : "").size() + ("languages".equals(column) ? 1 : 0);
            n = Math.multiplyExact(n, Math.max(1, k));
        }
        return n;
    }

    /** The row's variants in a stable order (aspect, resolution, style, length, language); ids are unique. */
    public static List<VariantSpec> of(CatalogueEntry entry) {
        if (!hasMatrix(entry)) {
            return List.of(VariantSpec.MAIN);
        }
        List<String> aspects = values(entry, "aspects", "");
        for (String a : aspects) {
            if (!a.isEmpty()) {
                FrameSize.ratio(a);
            }
        }
        List<Integer> resolutions = new ArrayList<>();
        for (String r : values(entry, "resolution", "")) {
            resolutions.add(r.isEmpty() ? 0 : positive("resolution", r.replaceAll("p$", ""), 16, 4320));
        }
        List<String> styles = values(entry, "styles", "");
        for (String s : styles) {
            if (!s.isEmpty() && !STYLE.matcher(s).matches()) {
                throw new IllegalArgumentException("style '" + s + "' must be a preset name (a-z 0-9 _ .)");
            }
        }
        List<Integer> lengths = new ArrayList<>();
        for (String m : values(entry, "max_seconds", "")) {
            lengths.add(m.isEmpty() || m.equals("full") ? 0 : positive("max_seconds", m.replaceAll("s$", ""), 1, 86_400));
        }
        List<String> languages = new ArrayList<>(List.of(""));
        for (String l : values(entry, "languages", null)) {
            if (!LANGUAGE.matcher(l).matches()) {
                throw new IllegalArgumentException("language '" + l + "' is not a language code like fr or pt-br");
            }
            languages.add(l);
        }
        Set<VariantSpec> out = new LinkedHashSet<>();
        for (String a : aspects) {
            for (int r : resolutions) {
                for (String s : styles) {
                    for (int m : lengths) {
                        for (String l : languages) {
                            out.add(new VariantSpec(a, r, s, m, l));
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** The column's values split on ';', lower-cased; {@code empty} (when not null) stands for an empty cell. */
    private static List<String> values(CatalogueEntry entry, String column, String empty) {
        String cell = entry.option(column).strip().toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        if (cell.isEmpty()) {
            if (empty != null) {
                out.add(empty);
            }
            return out;
        }
        for (String v : cell.split(";")) {
            String t = v.strip();
            if (!t.isEmpty() && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static int positive(String column, String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(column + " '" + v + "' must be a whole number in " + min + ".." + max);
    }
}
