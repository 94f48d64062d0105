package dev.storyreel.screenplay;

import dev.storyreel.screenplay.FountainSource.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies the body of a Fountain screenplay into elements.
 *
 * <p>The body is cut into <em>blocks</em>, runs of non-blank lines. Each block is read from its
 * first line; what that line is decides how many lines it takes:
 * <ul>
 *   <li>anywhere in a block: page break {@code ===}, section {@code #}, synopsis {@code =}
 *       (these three leave the next line as if it started a block), lyrics {@code ~} and centered
 *       action {@code >text<} (consecutive such lines form one element);</li>
 *   <li>only at the start of a block: scene heading (forced {@code .} or INT/EXT/EST/INT./EXT/
 *       I/E; one line, the rest of the block is action), transition (forced {@code >}, or an
 *       upper-case line ending in {@code TO:} that is alone in its block), character cue (an
 *       upper-case line or forced {@code @}, followed by at least one line, which are its
 *       dialogue, parentheticals and lyrics up to the end of the block);</li>
 *   <li>anything else is action (forced {@code !}), up to the end of the block or the next line
 *       of the first kind; action keeps its indentation.</li>
 * </ul>
 */
final class FountainBody {

    private static final Pattern SCENE_PREFIX =
            Pattern.compile("(?i)(INT\\.?/EXT|I/E|INT|EXT|EST)[.\\s].*");
    private static final Pattern SCENE_NUMBER = Pattern.compile("(.*?)\\s*#([\\p{L}\\p{N}.\\-]+)#");
    private static final Pattern PAGE_BREAK = Pattern.compile("={3,}");

    private final ParseOptions options;
    private final List<Element> out = new ArrayList<>();

    private FountainBody(ParseOptions options) {
        this.options = options;
    }

    /** The elements of the body lines, in order. */
    static List<Element> parse(List<Line> lines, ParseOptions options) {
        FountainBody body = new FountainBody(options);
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || lines.get(i).blank()) {
                if (i > start) {
                    body.block(lines.subList(start, i));
                }
                start = i + 1;
            }
        }
        return body.out;
    }

    private void block(List<Line> block) {
        boolean blockStart = true;
        int i = 0;
        while (i < block.size()) {
            Line line = block.get(i);
            String t = line.text().strip();
            boolean alone = block.size() - i == 1;
            if (PAGE_BREAK.matcher(t).matches()) {
                add(Element.of(ElementType.PAGE_BREAK, "", line.number()));
                i++;
                blockStart = true;
                continue;
            }
            if (t.startsWith("#")) {
                int depth = (int) t.chars().takeWhile(c -> c == '#').count();
                add(new Element(ElementType.SECTION, text(t.substring(depth).strip()), line.number(),
                        null, List.of(), false, false, depth));
                i++;
                blockStart = true;
                continue;
            }
            if (t.startsWith("=")) {
                add(Element.of(ElementType.SYNOPSIS, text(t.substring(1).strip()), line.number()));
                i++;
                blockStart = true;
                continue;
            }
            if (t.startsWith("~")) {
                i = lyrics(block, i, false);
            } else if (isCentered(t)) {
                i = centered(block, i);
            } else if (blockStart && isForcedSceneHeading(t)) {
                sceneHeading(t.substring(1), line.number());
                i++;
            } else if (blockStart && SCENE_PREFIX.matcher(t).matches()) {
                sceneHeading(t, line.number());
                i++;
            } else if (blockStart && t.startsWith(">")) {
                add(Element.of(ElementType.TRANSITION, text(t.substring(1).strip()), line.number()));
                i++;
            } else if (blockStart && alone && t.endsWith("TO:") && noLowerCase(t)) {
                add(Element.of(ElementType.TRANSITION, text(t), line.number()));
                i++;
            } else if (blockStart && !alone && !t.startsWith("!") && cue(t) != null) {
                i = dialogue(block, i, cue(t));
            } else {
                i = action(block, i);
            }
            blockStart = false;
        }
    }

    /** A forced heading starts with one period followed by text; {@code ..} and {@code . x} don't. */
    private static boolean isForcedSceneHeading(String t) {
        return t.length() > 1 && t.charAt(0) == '.' && t.charAt(1) != '.'
                && !Character.isWhitespace(t.charAt(1));
    }

    private static boolean isCentered(String t) {
        return t.length() >= 2 && t.startsWith(">") && t.endsWith("<");
    }

    private static boolean noLowerCase(String t) {
        return t.codePoints().noneMatch(Character::isLowerCase);
    }

    /** The cue on this trimmed line, forced by {@code @} or upper case, or null. */
    private static CharacterCue cue(String t) {
        return t.startsWith("@") ? CharacterCue.parse(t.substring(1), true) : CharacterCue.parse(t, false);
    }

    /** Whether a line inside an action paragraph starts an element of its own. */
    private static boolean startsLineElement(String t) {
        return PAGE_BREAK.matcher(t).matches() || t.startsWith("#") || t.startsWith("=")
                || t.startsWith("~") || isCentered(t);
    }

    private void sceneHeading(String heading, int lineNo) {
        String text = heading.strip();
        String number = null;
        Matcher m = SCENE_NUMBER.matcher(text);
        if (m.matches()) {
            text = m.group(1).strip();
            number = m.group(2);
        }
        add(new Element(ElementType.SCENE_HEADING, text(text), lineNo, number, List.of(), false, false, 0));
    }

    private int action(List<Line> block, int from) {
        List<String> texts = new ArrayList<>();
        int i = from;
        do {
            String raw = block.get(i).text();
            if (i == from && raw.strip().startsWith("!")) {
                raw = raw.substring(raw.indexOf('!') + 1);
            }
            texts.add(raw.isBlank() ? "" : raw);
            i++;
        } while (i < block.size() && !startsLineElement(block.get(i).text().strip()));
        add(Element.of(ElementType.ACTION, text(String.join("\n", texts)), block.get(from).number()));
        return i;
    }

    private int centered(List<Line> block, int from) {
        List<String> texts = new ArrayList<>();
        int i = from;
        for (; i < block.size() && isCentered(block.get(i).text().strip()); i++) {
            String t = block.get(i).text().strip();
            texts.add(t.substring(1, t.length() - 1).strip());
        }
        add(new Element(ElementType.ACTION, text(String.join("\n", texts)), block.get(from).number(),
                null, List.of(), false, true, 0));
        return i;
    }

    private int lyrics(List<Line> block, int from, boolean dual) {
        List<String> texts = new ArrayList<>();
        int i = from;
        for (; i < block.size() && block.get(i).text().strip().startsWith("~"); i++) {
            texts.add(block.get(i).text().strip().substring(1).strip());
        }
        add(new Element(ElementType.LYRICS, text(String.join("\n", texts)), block.get(from).number(),
                null, List.of(), dual, false, 0));
        return i;
    }

    /** A cue and the rest of its block: dialogue, parentheticals and lyrics. */
    private int dialogue(List<Line> block, int cueIndex, CharacterCue cue) {
        if (cue.dual()) {
            markPreviousSpeechDual();
        }
        add(new Element(ElementType.CHARACTER, text(cue.name()), block.get(cueIndex).number(), null,
                cue.extensions(), cue.dual(), false, 0));
        List<String> speech = new ArrayList<>();
        int speechLine = 0;
        int i = cueIndex + 1;
        while (i < block.size()) {
            Line line = block.get(i);
            String t = line.text().strip();
            boolean parenthetical = t.startsWith("(") && t.endsWith(")");
            if (parenthetical || t.startsWith("~")) {
                flushDialogue(speech, speechLine, cue.dual());
                if (parenthetical) {
                    add(new Element(ElementType.PARENTHETICAL, text(t), line.number(), null, List.of(),
                            cue.dual(), false, 0));
                    i++;
                } else {
                    i = lyrics(block, i, cue.dual());
                }
                continue;
            }
            if (speech.isEmpty()) {
                speechLine = line.number();
            }
            speech.add(t);
            i++;
        }
        flushDialogue(speech, speechLine, cue.dual());
        return i;
    }

    private void flushDialogue(List<String> speech, int lineNo, boolean dual) {
        if (!speech.isEmpty()) {
            add(new Element(ElementType.DIALOGUE, text(String.join("\n", speech)), lineNo, null, List.of(),
                    dual, false, 0));
            speech.clear();
        }
    }

    /**
     * Marks the speech just before a {@code ^} cue as the first half of the pair: the last cue and
     * what it says, if nothing else came after it and it is not already half of a pair.
     */
    private void markPreviousSpeechDual() {
        int i = out.size() - 1;
        while (i >= 0 && switch (out.get(i).type()) {
            case DIALOGUE, PARENTHETICAL, LYRICS -> true;
            default -> false;
        }) {
            i--;
        }
        if (i < 0 || out.get(i).type() != ElementType.CHARACTER || out.get(i).dual()) {
            return;
        }
        for (int j = i; j < out.size(); j++) {
            out.set(j, out.get(j).asDual());
        }
    }

    private String text(String s) {
        return options.stripEmphasis() ? Emphasis.strip(s) : s;
    }

    private void add(Element e) {
        out.add(e);
    }
}
