package dev.storyreel.subtitle;

import java.util.Map;
import java.util.TreeMap;

/**
 * A screenplay's dialogue in another language, from a line-keyed text file next to the screenplay
 * ({@code <stem>.<lang>.txt}): one {@code LINE: text} per speech, LINE being the screenplay line of
 * the speech's character cue (the plan's {@code source_line}); {@code \n} in the text breaks the
 * line; blank lines and lines starting with '#' are ignored.
 */
public final class Translation {
    private final Map<Integer, String> lines;

    private Translation(Map<Integer, String> lines) {
        this.lines = lines;
    }

    /** No translation: every cue keeps the screenplay's text. */
    public static Translation none() {
        return new Translation(Map.of());
    }

    /** Parses a translation file; {@code file} names it in errors (which give the line). */
    public static Translation parse(String file, String text) {
        Map<Integer, String> out = new TreeMap<>();
        String[] rows = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (i == 0 && row.startsWith("\uFEFF")) {
                row = row.substring(1);
            }
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            int colon = row.indexOf(':');
            int key;
            try {
                key = colon > 0 ? Integer.parseInt(row.substring(0, colon).strip()) : -1;
            } catch (NumberFormatException e) {
                key = -1;
            }
            String value = colon > 0 ? row.substring(colon + 1).strip().replace("\\n", "\n") : "";
            if (key <= 0 || value.isEmpty()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'LINE: text' (LINE the screenplay line of the cue)");
            }
            if (out.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": line " + key + " translated twice");
            }
        }
        return new Translation(out);
    }

    /** The translated text of the speech whose cue is on {@code sourceLine}, or null. */
    public String line(int sourceLine) {
        return lines.get(sourceLine);
    }

    /** Whether nothing is translated. */
    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
