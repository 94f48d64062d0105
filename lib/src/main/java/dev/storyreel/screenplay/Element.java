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

    public Element {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        extensions = List.copyOf(extensions);
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
