package dev.storyreel.screenplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the Fountain parser against Jouvence's YAML cases ({@code fountain/Jouvence/test_*.yaml}).
 *
 * <p>Each case maps our elements to Jouvence's token format ({@code "!action"}, {@code "@NAME"},
 * ...) and compares the whole list with {@code out}, and our title page with {@code title}.
 * Jouvence's house rules that differ from ours are bridged only by the {@link Normalisation}s
 * below, both applied to every Jouvence case.
 */
class JouvenceFixturesTest {

    /** One YAML document: Fountain input, expected tokens, expected title page (may be absent). */
    record Case(String in, List<String> out, Map<String, String> title) {
    }

    /** Jouvence's house rules, each with the reason it differs from our parser. */
    enum Normalisation {
        /**
         * Jouvence keeps vertical white space inside action text: consecutive action paragraphs
         * merge into one, joined by their blank lines, and blank lines beyond the one that
         * separates two elements become (possibly empty) action text. We give one element per
         * paragraph and drop blank lines, so our elements are rebuilt into Jouvence's tokens from
         * the blank-line counts of the source; see {@link #jouvenceTokens}.
         */
        BLANK_LINES_INSIDE_ACTION,
        /**
         * Jouvence accepts a text without a body (empty, blank lines only, or a title page only)
         * and returns no tokens or a blank action. Our contract rejects such a file with a
         * {@link ScreenplayException} on line 1, so the case asserts that rejection instead; for a
         * title-page-only text the title page is still checked, by parsing it with one action
         * paragraph appended.
         */
        BODILESS_INPUT_REJECTED
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final FountainParser PARSER = new FountainParser(ParseOptions.KEEP_EMPHASIS);

    @TestFactory
    Stream<DynamicTest> jouvenceCases() throws IOException {
        if (!PeerFixtures.present()) {
            return PeerFixtures.absent();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : PeerFixtures.files(PeerFixtures.dir("fountain/Jouvence"), ".yaml")) {
            List<Case> cases;
            try (MappingIterator<Case> it = YAML.readerFor(Case.class).readValues(file.toFile())) {
                cases = it.readAll();
            }
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                String name = file.getFileName() + " #" + (i + 1) + ": " + preview(c.in());
                tests.add(DynamicTest.dynamicTest(name, () -> check(file.getFileName().toString(), name, c)));
            }
        }
        assertTrue(tests.size() >= 18, "expected the Jouvence cases, found " + tests.size());
        return tests.stream();
    }

    private static void check(String file, String name, Case c) throws ScreenplayException {
        Map<String, String> expectedTitle = c.title() == null ? Map.of() : c.title();
        if (c.out().stream().allMatch(t -> t.matches("!\n*"))) {
            // Normalisation.BODILESS_INPUT_REJECTED
            ScreenplayException e = assertThrows(ScreenplayException.class, () -> PARSER.parse(file, c.in()));
            assertEquals(1, e.line(), name + ": " + e.getMessage());
            assertTrue(e.getMessage().startsWith(file + ":1: "), e.getMessage());
            if (!expectedTitle.isEmpty()) {
                Screenplay withBody = PARSER.parse(file, c.in() + "\n\nAppended body.");
                assertEquals(expectedTitle, withBody.titlePage(), name);
            }
            return;
        }
        Screenplay screenplay = PARSER.parse(file, c.in());
        assertEquals(c.out(), jouvenceTokens(screenplay, PeerFixtures.sourceLines(c.in())), name);
        assertEquals(expectedTitle, screenplay.titlePage(), name);
    }

    /**
     * Our elements as Jouvence's tokens, with {@link Normalisation#BLANK_LINES_INSIDE_ACTION}.
     *
     * <p>Jouvence's reading of blank lines: an element other than a plain action "consumes" the
     * one blank line before it (at the very start of a text without a title page, an imaginary
     * blank line serves). The remaining blank lines before an element, and those at the end of the
     * text, are appended as newlines to the preceding action token if the last token is one, or
     * otherwise start a new action token of one fewer newline. A plain action paragraph is appended
     * to a preceding action token after a newline. A scene heading ends the run of action.
     */
    static List<String> jouvenceTokens(Screenplay screenplay, List<String> source) {
        List<String> tokens = new ArrayList<>();
        boolean lastIsAction = false;
        boolean first = true;
        for (Element e : screenplay.elements()) {
            boolean plainAction = e.type() == ElementType.ACTION && !e.centered();
            boolean forced = source.get(e.line() - 1).strip().startsWith("!");
            int blanks = blankLinesBefore(source, e.line());
            int consumed = plainAction && !forced ? 0 : 1;
            int extra = first && screenplay.titlePage().isEmpty() && blanks == 0 ? 0 : Math.max(0, blanks - consumed);
            lastIsAction = addBlankLines(tokens, extra, lastIsAction);
            if (plainAction && lastIsAction) {
                tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + "\n" + e.text());
            } else {
                tokens.add(token(e));
            }
            lastIsAction = plainAction;
            first = false;
        }
        addBlankLines(tokens, blankLinesBefore(source, source.size() + 1), lastIsAction);
        return tokens;
    }

    private static boolean addBlankLines(List<String> tokens, int count, boolean lastIsAction) {
        if (count == 0) {
            return lastIsAction;
        }
        if (lastIsAction) {
            tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + "\n".repeat(count));
        } else {
            tokens.add("!" + "\n".repeat(count - 1));
        }
        return true;
    }

    /** The number of empty source lines right before 1-based line {@code line}. */
    private static int blankLinesBefore(List<String> source, int line) {
        int count = 0;
        for (int i = line - 2; i >= 0 && source.get(i).isEmpty(); i--) {
            count++;
        }
        return count;
    }

    /** The Jouvence token for one element (format in peer-fixtures/README.md). */
    private static String token(Element e) {
        return switch (e.type()) {
            case SCENE_HEADING -> "." + e.text() + (e.sceneNumber() == null ? "" : " #" + e.sceneNumber() + "#");
            case ACTION -> (e.centered() ? "!><" : "!") + e.text();
            case CHARACTER -> "@" + e.text() + e.extensions().stream().map(x -> " (" + x + ")").reduce("", String::concat);
            case DIALOGUE -> "=" + e.text();
            case PARENTHETICAL -> "_" + e.text();
            case TRANSITION -> ">" + e.text();
            case LYRICS -> "~" + e.text();
            case SECTION -> "#" + e.text();
            case SYNOPSIS -> "+" + e.text();
            case PAGE_BREAK -> "<pagebreak>";
        };
    }

    private static String preview(String in) {
        String flat = in.replace("\n", "⏎");
        return flat.isEmpty() ? "(empty)" : flat.length() > 50 ? flat.substring(0, 50) + "…" : flat;
    }
}
