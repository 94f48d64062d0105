package dev.storyreel.screenplay;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fountain emphasis markup: {@code *italic*}, {@code **bold**}, {@code ***bold italic***} and
 * {@code _underline_}, with {@code \*} and {@code \_} as escapes for the literal characters.
 *
 * <p>As in Markdown, a marker opens only when followed by a non-space character and closes only
 * when preceded by one ({@code He dialed *69 and then *23} keeps its asterisks), and emphasis never
 * spans a line break. Underscores inside a word ({@code snake_case_name}) are not markup.
 */
public final class Emphasis {

    /** Private-use characters standing in for escaped markers while markup is removed. */
    private static final char ESCAPED_STAR = '\uE000';
    private static final char ESCAPED_UNDERSCORE = '\uE001';

    private static final Pattern BOLD_ITALIC = Pattern.compile("\\*\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*\\*");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("\\*(?=\\S)(.+?)(?<=\\S)\\*");
    private static final Pattern UNDERLINE =
            Pattern.compile("(?<![\\p{L}\\p{N}])_(?=\\S)(.+?)(?<=\\S)_(?![\\p{L}\\p{N}])");

    private Emphasis() {
    }

    /** The text with emphasis markup removed and escapes resolved, line by line. */
    public static String strip(String text) {
        if (text.indexOf('*') < 0 && text.indexOf('_') < 0) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = stripLine(lines[i]);
        }
        return String.join("\n", lines);
    }

    /** Backslash-escapes the markup characters of literal text, so that it reads back unchanged. */
    static String escape(String literal) {
        return literal.replace("*", "\\*").replace("_", "\\_");
    }

    private static String stripLine(String line) {
        String s = line.replace("\\*", String.valueOf(ESCAPED_STAR))
                .replace("\\_", String.valueOf(ESCAPED_UNDERSCORE));
        for (Pattern p : new Pattern[] {BOLD_ITALIC, BOLD, ITALIC, UNDERLINE}) {
            s = p.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        }
        return s.replace(ESCAPED_STAR, '*').replace(ESCAPED_UNDERSCORE, '_');
    }
}
