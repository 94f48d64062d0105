package dev.storyreel.screenplay;

import java.util.List;
import java.util.Objects;

/**
 * One element of a screenplay body, with the 1-based source line it starts on.
 *
 * <p>{@code text} holds the element's text with Fountain syntax removed (forcing characters,
 * scene numbers, character extensions, notes, boneyard); emphasis markup is kept or stripped
 * according to the parser's options. Multi-line elements join their lines with {@code '\n'}.
 *
 * @param type        what the element is
 * @param text        its text (the character's name alone for {@link ElementType#CHARACTER})
 * @param line        1-based line in the source file where the element starts
 * @param sceneNumber scene number for a scene heading ({@code #1A#} gives "1A"), else null
 * @param extensions  character extensions without parentheses, e.g. ["V.O.", "CONT'D"]; empty otherwise
 * @param dual        true on both character cues of a dual-dialogue pair (and their dialogue)
 * @param centered    true for centered action ({@code >text<})
 * @param depth       section depth (number of '#'), 0 for other elements
 */
public record Element(ElementType type, String text, int line, String sceneNumber,
                      List<String> extensions, boolean dual, boolean centered, int depth) {

    /** Control characters (NUL, escape, C1, Unicode line/paragraph separators); '\n' and '\t' are kept apart. */
    private static final java.util.regex.Pattern CONTROL =
            java.util.regex.Pattern.compile("[\\p{Cc}\\u2028\\u2029&&[^\\n\\t]]");

    public Element {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        // Untrusted text is data: control characters never reach captions, speaker names or prompts.
        text = clean(text);
        extensions = extensions.stream().map(Element::clean).toList();
    }

    /** The text without control characters ('\n' and '\t' kept, line/paragraph separators as spaces, the rest dropped). */
    static String clean(String text) {
        if (!CONTROL.matcher(text).find()) {
            return text;
        }
        return CONTROL.matcher(text.replace('\u2028', ' ').replace('\u2029', ' ')).replaceAll("");
    }

    /** A plain element of the given type. */
    public static Element of(ElementType type, String text, int line) {
        return new Element(type, text, line, null, List.of(), false, false, 0);
    }

    /** This element with {@code dual} set. */
    public Element asDual() {
        return new Element(type, text, line, sceneNumber, extensions, true, centered, depth);
    }
}
