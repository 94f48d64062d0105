package dev.storyreel.screenplay;

import dev.storyreel.screenplay.FountainSource.Line;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Fountain 1.1 screenplays (https://fountain.io/syntax).
 *
 * <p>Three steps: {@link FountainSource} decodes the text and removes boneyard and notes; this
 * class reads the optional title page ({@code Key: value} lines up to the first blank line, values
 * continued on lines indented by three spaces or a tab); {@link FountainBody} classifies the rest.
 * Fountain is forgiving: any text parses, except for the errors listed on {@link #parse(String,
 * String)}.
 */
public final class FountainParser {

    private static final Pattern TITLE_KEY = Pattern.compile("(\\p{L}[\\p{L}\\p{N} _\\-]*):(.*)");

    private final ParseOptions options;

    /** A parser with the given options. */
    public FountainParser(ParseOptions options) {
        this.options = options;
    }

    /**
     * Parses a file's bytes, which must be UTF-8 (a leading byte-order mark is allowed).
     *
     * @throws ScreenplayException naming the line of the first byte that is not UTF-8, or as
     *                             {@link #parse(String, String)}
     */
    public Screenplay parse(String sourceName, byte[] bytes) throws ScreenplayException {
        return parse(sourceName, FountainSource.decode(sourceName, bytes));
    }

    /**
     * Parses Fountain text.
     *
     * @param sourceName the file name, for messages and {@link Screenplay#source()}
     * @throws ScreenplayException for an empty or whitespace-only text (line 1), a boneyard
     *                             {@code /*} or note {@code [[} that is never closed (the line
     *                             where it opened), or a text with no body elements (line 1)
     */
    public Screenplay parse(String sourceName, String text) throws ScreenplayException {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (s.isBlank()) {
            throw new ScreenplayException(sourceName, 1,
                    s.isEmpty() ? "file is empty" : "file contains only whitespace");
        }
        List<Line> lines = FountainSource.lines(sourceName, s);
        Map<String, String> titlePage = new LinkedHashMap<>();
        int bodyStart = readTitlePage(lines, titlePage);
        List<Element> elements = FountainBody.parse(lines.subList(bodyStart, lines.size()), options);
        if (elements.isEmpty()) {
            throw new ScreenplayException(sourceName, 1, titlePage.isEmpty()
                    ? "no screenplay elements: the file holds only notes, boneyard or blank lines"
                    : "no screenplay elements after the title page");
        }
        return new Screenplay(sourceName, titlePage, elements);
    }

    /**
     * Reads the title page into {@code out} and returns the index of the first body line, or
     * returns 0 and leaves {@code out} empty when the first block is not a title page: every line
     * of it must be a {@code Key: value} line or an indented continuation, and some value must be
     * non-empty (so a lone {@code FADE IN:} stays in the body). Blank lines before the title page are
     * skipped (files exported by some tools start with one).
     */
    private int readTitlePage(List<Line> lines, Map<String, String> out) {
        int first = 0;
        while (first < lines.size() && lines.get(first).text().isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            return 0;
        }
        Map<String, String> entries = new LinkedHashMap<>();
        String key = null;
        int i = first;
        for (; i < lines.size() && !lines.get(i).blank(); i++) {
            String text = lines.get(i).text();
            Matcher m = TITLE_KEY.matcher(text);
            if (m.matches()) {
                key = m.group(1).strip().toLowerCase(Locale.ROOT);
                entries.merge(key, m.group(2).strip(), FountainParser::joinLines);
            } else if (key != null && text.startsWith("   ")) {
                entries.merge(key, text.strip(), FountainParser::joinLines);
            } else {
                return 0;
            }
        }
        if (entries.values().stream().allMatch(String::isEmpty)) {
            return 0;
        }
        entries.forEach((k, v) -> out.put(k, options.stripEmphasis() ? Emphasis.strip(v) : v));
        return i;
    }

    private static String joinLines(String before, String more) {
        return before.isEmpty() ? more : more.isEmpty() ? before : before + "\n" + more;
    }
}
