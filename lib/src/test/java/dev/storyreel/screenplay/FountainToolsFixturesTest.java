package dev.storyreel.screenplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the Fountain parser against wildwinter/fountain-tools' pairs
 * ({@code fountain/fountain-tools/X.fountain} with {@code X.txt}, or {@code X-Variant.txt}).
 *
 * <p>Our elements are written in the peer's {@code TYPE:"text"} record format and the whole
 * sequence is compared record by record. The peer's house rules are bridged only by the
 * {@link Normalisation}s below: all but {@link Normalisation#SPLIT_DIALOGUE_LINES} apply to every
 * case; that one applies to {@code Dialogue-Unmerged.txt} only.
 */
class FountainToolsFixturesTest {

    /** fountain-tools' house rules, each with the reason it differs from our parser. */
    enum Normalisation {
        /**
         * The peer classifies lines before it removes boneyard, so a line holding a {@code /*}
         * counts as text and the transition right above it is not "followed by an empty line"; it
         * reads it as action. We remove the boneyard first, as the spec says to ignore its text.
         */
        BONEYARD_OPENER_IS_NOT_BLANK,
        /**
         * The peer wants a cue to start with a letter and reads {@code 3CPO} and its dialogue as
         * action; the spec only requires one letter somewhere ("R2D2" works). Forced cues
         * ({@code @3CPO}) are cues for both.
         */
        CUE_MUST_START_WITH_LETTER,
        /** The peer drops the {@code (CONT'D)} extension (straight or curly apostrophe); we keep it. */
        DROP_CONTD,
        /**
         * The peer flags only the cue written with {@code ^}; we also flag the cue it pairs with,
         * as the brief asks for both cues of a dual-dialogue pair.
         */
        DUAL_ONLY_ON_CARET_CUE,
        /** The peer shows a parenthetical without its parentheses; we keep them as written. */
        PARENTHETICAL_WITHOUT_PARENTHESES,
        /**
         * {@code Dialogue-Unmerged.txt} expects one dialogue element per source line; we keep a
         * speech as one element with its lines joined by newlines (as {@code Dialogue-Merged.txt}).
         */
        SPLIT_DIALOGUE_LINES,
        /**
         * The peer merges consecutive action paragraphs into one, separated by a blank line; we
         * give one element per paragraph. (Centered action is not merged.)
         */
        MERGE_CONSECUTIVE_ACTIONS,
        /**
         * Expected side: the peer keeps notes and boneyard in the text as numbered markers
         * {@code [[0]]} / {@code /*0*}{@code /} and lists their contents after the elements; we remove
         * them. The listing is dropped, and markers are removed (with their line when alone on it).
         */
        NOTE_AND_BONEYARD_MARKERS,
        /**
         * Expected side: the peer keeps the spaces between {@code >} and the text of centered
         * action; the spec's {@code > THE END <} centers "THE END", so the peer's text is trimmed.
         */
        CENTERED_TEXT_TRIMMED
    }

    private static final Set<Normalisation> EVERY_CASE = EnumSet.complementOf(EnumSet.of(Normalisation.SPLIT_DIALOGUE_LINES));
    private static final FountainParser PARSER = new FountainParser(ParseOptions.KEEP_EMPHASIS);
    private static final Pattern RECORD_START = Pattern.compile("(?m)^(?=[A-Z]+:\"|/\\*\\d+\\*/[A-Z]+:|\\[\\[\\d+]][A-Z]+:)");
    private static final String MARKER = "(/\\*\\d+\\*/|\\[\\[\\d+]])";

    @TestFactory
    Stream<DynamicTest> fountainToolsCases() {
        if (!PeerFixtures.present()) {
            return PeerFixtures.absent();
        }
        Path dir = PeerFixtures.dir("fountain/fountain-tools");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path expected : PeerFixtures.files(dir, ".txt")) {
            String name = expected.getFileName().toString().replaceFirst("\\.txt$", "");
            Path fountain = dir.resolve(name.replaceFirst("-[^-]*$", "") + ".fountain");
            Set<Normalisation> normalisations = EnumSet.copyOf(EVERY_CASE);
            if (name.endsWith("-Unmerged")) {
                normalisations.add(Normalisation.SPLIT_DIALOGUE_LINES);
            }
            tests.add(DynamicTest.dynamicTest(name + " (" + fountain.getFileName() + ")", () -> {
                assertTrue(Files.exists(fountain), "no twin " + fountain);
                check(fountain, expected, normalisations);
            }));
        }
        assertTrue(tests.size() >= 7, "expected the fountain-tools cases, found " + tests.size());
        return tests.stream();
    }

    private static void check(Path fountain, Path expectedFile, Set<Normalisation> normalisations)
            throws ScreenplayException {
        List<String> source = PeerFixtures.sourceLines(PeerFixtures.read(fountain));
        Screenplay screenplay = PARSER.parse(fountain.getFileName().toString(), PeerFixtures.bytes(fountain));
        List<Element> ours = normalise(screenplay.elements(), source, normalisations);
        List<String> expected = normaliseExpected(records(PeerFixtures.read(expectedFile)), normalisations);
        assertEquals(expected, ours.stream().map(FountainToolsFixturesTest::record).toList(),
                () -> expectedFile.getFileName() + " vs our parse of " + fountain.getFileName());
    }

    /** Our elements seen with the peer's house rules; rules apply in declaration order. */
    static List<Element> normalise(List<Element> elements, List<String> source, Set<Normalisation> rules) {
        List<Element> out = new ArrayList<>(elements);
        for (Normalisation rule : rules) {
            out = switch (rule) {
                case BONEYARD_OPENER_IS_NOT_BLANK -> out.stream().map(e -> e.type() == ElementType.TRANSITION
                        && e.line() < source.size() && source.get(e.line()).strip().startsWith("/*")
                        ? Element.of(ElementType.ACTION, e.text(), e.line()) : e).toList();
                case CUE_MUST_START_WITH_LETTER -> cuesStartingWithLetter(out, source);
                case DROP_CONTD -> out.stream().map(e -> e.type() != ElementType.CHARACTER ? e
                        : new Element(e.type(), e.text(), e.line(), e.sceneNumber(),
                                e.extensions().stream().filter(x -> !x.matches("(?i)CONT['’]D\\.?")).toList(),
                                e.dual(), e.centered(), e.depth())).toList();
                case DUAL_ONLY_ON_CARET_CUE -> out.stream().map(e -> e.type() == ElementType.CHARACTER && e.dual()
                        && !source.get(e.line() - 1).strip().endsWith("^")
                        ? new Element(e.type(), e.text(), e.line(), null, e.extensions(), false, false, 0) : e).toList();
                case PARENTHETICAL_WITHOUT_PARENTHESES -> out.stream().map(e -> e.type() == ElementType.PARENTHETICAL
                        ? Element.of(e.type(), e.text().substring(1, e.text().length() - 1), e.line()) : e).toList();
                case SPLIT_DIALOGUE_LINES -> out.stream().flatMap(e -> e.type() != ElementType.DIALOGUE ? Stream.of(e)
                        : Arrays.stream(e.text().split("\n", -1)).map(t -> Element.of(e.type(), t, e.line()))).toList();
                case MERGE_CONSECUTIVE_ACTIONS -> mergeActions(out);
                case NOTE_AND_BONEYARD_MARKERS, CENTERED_TEXT_TRIMMED -> out;
            };
        }
        return out;
    }

    /** The peer's expected records with the expected-side rules applied. */
    static List<String> normaliseExpected(List<String> records, Set<Normalisation> rules) {
        Stream<String> out = records.stream();
        if (rules.contains(Normalisation.NOTE_AND_BONEYARD_MARKERS)) {
            out = out.filter(r -> !r.matches("(?s)" + MARKER + ".*"))
                    .map(r -> r.replaceAll("\n" + MARKER + "(?=\n|\"$)", "").replaceAll(MARKER, ""));
        }
        if (rules.contains(Normalisation.CENTERED_TEXT_TRIMMED)) {
            out = out.map(r -> {
                Matcher m = Pattern.compile("(?s)ACTION:\"(.*)\" \\(centered\\)").matcher(r);
                return m.matches() ? "ACTION:\"" + m.group(1).strip() + "\" (centered)" : r;
            });
        }
        return out.toList();
    }

    /** Replaces an unforced cue starting with a non-letter, and its speech, by its paragraph as action. */
    private static List<Element> cuesStartingWithLetter(List<Element> elements, List<String> source) {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            boolean rejected = e.type() == ElementType.CHARACTER
                    && !source.get(e.line() - 1).strip().startsWith("@")
                    && !Character.isLetter(e.text().codePointAt(0));
            if (!rejected) {
                out.add(e);
                continue;
            }
            List<String> paragraph = new ArrayList<>();
            for (int l = e.line() - 1; l < source.size() && !source.get(l).isEmpty(); l++) {
                paragraph.add(source.get(l));
            }
            out.add(Element.of(ElementType.ACTION, String.join("\n", paragraph), e.line()));
            while (i + 1 < elements.size() && Set.of(ElementType.DIALOGUE, ElementType.PARENTHETICAL,
                    ElementType.LYRICS).contains(elements.get(i + 1).type())) {
                i++;
            }
        }
        return out;
    }

    private static List<Element> mergeActions(List<Element> elements) {
        List<Element> out = new ArrayList<>();
        for (Element e : elements) {
            Element last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && isPlainAction(last) && isPlainAction(e)) {
                out.set(out.size() - 1, Element.of(ElementType.ACTION, last.text() + "\n\n" + e.text(), last.line()));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean isPlainAction(Element e) {
        return e.type() == ElementType.ACTION && !e.centered();
    }

    /** The peer's file cut into records, one per element (a record's text may span lines). */
    private static List<String> records(String text) {
        return RECORD_START.splitAsStream(text.replace("\r\n", "\n").strip())
                .map(r -> r.endsWith("\n") ? r.substring(0, r.length() - 1) : r)
                .toList();
    }

    /** One element in the peer's format, e.g. {@code CHARACTER:"BOB" "(V.O.)" (Dual)}. */
    static String record(Element e) {
        String type = switch (e.type()) {
            case SCENE_HEADING -> "HEADING";
            case PAGE_BREAK -> "PAGEBREAK";
            default -> e.type().name();
        };
        StringBuilder r = new StringBuilder(type).append(":\"").append(e.text()).append('"');
        r.append(e.extensions().stream().map(x -> " \"(" + x + ")\"").collect(Collectors.joining()));
        if (e.sceneNumber() != null) {
            r.append(" (").append(e.sceneNumber()).append(')');
        }
        if (e.type() == ElementType.CHARACTER && e.dual()) {
            r.append(" (Dual)");
        }
        if (e.centered()) {
            r.append(" (centered)");
        }
        return r.toString();
    }
}
