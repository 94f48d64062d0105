package dev.storyreel.screenplay;

import java.util.ArrayList;
import java.util.List;

/**
 * A character cue line taken apart: {@code NAME (EXT) (EXT) ^}.
 *
 * @param name       the character's name
 * @param extensions the parenthesised extensions, without parentheses ("V.O.", "CONT'D")
 * @param dual       true when the cue ends with {@code ^} (second cue of a dual-dialogue pair)
 */
record CharacterCue(String name, List<String> extensions, boolean dual) {

    CharacterCue {
        extensions = List.copyOf(extensions);
    }

    /**
     * Reads a cue, or returns null when the line is not one.
     *
     * <p>A cue is a name followed by any number of {@code (extensions)} and an optional trailing
     * {@code ^}. The name may not contain parentheses or {@code ^}. Unless {@code declared} (forced
     * with {@code @} in Fountain, or a Final Draft Character paragraph) the name must contain a
     * letter and no lower-case letters; extensions may be in any case ({@code MOM (o.s.)}).
     *
     * @param text     the cue line, trimmed, without a leading {@code @}
     * @param declared true when the line is known to be a cue, so the upper-case rule is waived
     */
    static CharacterCue parse(String text, boolean declared) {
        String s = normalizeSpaces(text);
        boolean dual = s.endsWith("^");
        if (dual) {
            s = s.substring(0, s.length() - 1).strip();
        }
        List<String> extensions = new ArrayList<>();
        while (s.endsWith(")")) {
            int open = s.lastIndexOf('(');
            if (open < 0) {
                return null;
            }
            extensions.add(0, s.substring(open + 1, s.length() - 1).strip());
            s = s.substring(0, open).strip();
        }
        if (s.isEmpty() || s.indexOf('(') >= 0 || s.indexOf(')') >= 0 || s.indexOf('^') >= 0) {
            return null;
        }
        if (!declared && (s.codePoints().noneMatch(Character::isLetter)
                || s.codePoints().anyMatch(Character::isLowerCase))) {
            return null;
        }
        return new CharacterCue(s, extensions, dual);
    }

    /**
     * The text with every Unicode space (no-break U+00A0, U+2007, U+202F, the U+2000 range, ideographic
     * space, ...) read as a plain space, runs collapsed, ends trimmed: {@code strip()} alone keeps U+00A0.
     */
    static String normalizeSpaces(String text) {
        return text.replaceAll("[\\p{Z}\\s\\u200B\\uFEFF]+", " ").strip();
    }
}
