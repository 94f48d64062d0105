package dev.storyreel.screenplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Our own text for every Fountain rule the peer suites ({@link JouvenceFixturesTest},
 * {@link FountainToolsFixturesTest}) exercise, so that a clone without {@code ../shared} still
 * checks each of them. The texts are written for this project; each case names its rule. Where the
 * peers have house rules, these cases state ours (see the peer tests' {@code Normalisation}s).
 */
class ScreenplayRulesTest {

    private static final FountainParser PARSER = new FountainParser(ParseOptions.KEEP_EMPHASIS);

    /** One rule: a Fountain text and our elements for it, in {@link #describe} form. */
    private record Rule(String name, String fountain, List<String> elements) {
    }

    private static Rule rule(String name, String fountain, String... elements) {
        return new Rule(name, fountain, List.of(elements));
    }

    private static final List<Rule> ACTION = List.of(
            rule("a one-line action", "The kettle boils over.\n", "ACTION:The kettle boils over."),
            rule("action lines stay one element and keep their breaks", "Moths circle the porch light.\nOne lands.\nIt stays.\n",
                    "ACTION:Moths circle the porch light.\nOne lands.\nIt stays."),
            rule("each action paragraph is an element; blank lines between them are dropped",
                    "Wind.\n\nMore wind.\n\n\nThen none.\n", "ACTION:Wind.", "ACTION:More wind.", "ACTION:Then none."),
            rule("! forces action on a line that reads like a heading", "!INT. ERIOR DESIGN IS MY PASSION.\n",
                    "ACTION:INT. ERIOR DESIGN IS MY PASSION."),
            rule("! forces action on an upper-case line with a line under it", "!THE RADIO HISSES\nThen a voice.\n",
                    "ACTION:THE RADIO HISSES\nThen a voice."),
            rule("double spaces and emphasis stay in action text", "Closer.  _The gull's eye FILLS the *whole* frame_.\n",
                    "ACTION:Closer.  _The gull's eye FILLS the *whole* frame_."),
            rule("centered text with emphasis, a page break, centered again",
                    ">**Part One Ends**<\n\n===\n\n>**Part Two**<\n\nThe boat is still there.\n",
                    "ACTION:**Part One Ends** [centered]", "PAGE_BREAK:", "ACTION:**Part Two** [centered]",
                    "ACTION:The boat is still there."),
            rule("sections and synopses", "# PART ONE\n\n= Two sisters meet again.\n\nINT. BAKERY - DAWN\n\n= Flour everywhere.\n\nTwo ovens roar.\n",
                    "SECTION:PART ONE [depth 1]", "SYNOPSIS:Two sisters meet again.", "SCENE_HEADING:INT. BAKERY - DAWN",
                    "SYNOPSIS:Flour everywhere.", "ACTION:Two ovens roar."),
            rule("page breaks between blocks", "First half.\n\n===\n\nSecond half.\n",
                    "ACTION:First half.", "PAGE_BREAK:", "ACTION:Second half."));

    private static final List<Rule> DIALOGUE = List.of(
            rule("speeches separated by one or more blank lines", "PIP\nYou first.\n\n\n\nNELL\nNo, you.\n",
                    "CHARACTER:PIP", "DIALOGUE:You first.", "CHARACTER:NELL", "DIALOGUE:No, you."),
            rule("parentheticals between the lines of one speech",
                    "ROOK\nThey found the boat!\n(listens)\nNo, the other boat.\n(listens)\nThe blue one?\n",
                    "CHARACTER:ROOK", "DIALOGUE:They found the boat!", "PARENTHETICAL:(listens)",
                    "DIALOGUE:No, the other boat.", "PARENTHETICAL:(listens)", "DIALOGUE:The blue one?"),
            rule("a speech's lines are one element, emphasis kept", "MAE\nGo home.\n*Now*.\n",
                    "CHARACTER:MAE", "DIALOGUE:Go home.\n*Now*."),
            rule("a two-space line keeps an empty line inside a speech; a blank line ends it",
                    "MAE\nOne.\n  \nTwo.\n\nThen action.\n", "CHARACTER:MAE", "DIALOGUE:One.\n\nTwo.", "ACTION:Then action."),
            rule("a parenthetical alone at the start of a block is action", "(whispering)\nThe end.\n",
                    "ACTION:(whispering)\nThe end."),
            rule("an upper-case line with nothing under it is action", "Rain.\n\nGORDY\n", "ACTION:Rain.", "ACTION:GORDY"),
            rule("an upper-case line with a line under it is a cue, even mid-scene", "THE RADIO HISSES\nCome in, Kestrel.\n",
                    "CHARACTER:THE RADIO HISSES", "DIALOGUE:Come in, Kestrel."),
            rule("a cue followed by a blank line is action", "OTTO\n\nNobody answers.\n", "ACTION:OTTO", "ACTION:Nobody answers."),
            rule("an indented cue and speech", "    OTTO\n    I'm over here.\n", "CHARACTER:OTTO", "DIALOGUE:I'm over here."),
            rule("a space after the cue", "ZED \nStill a cue.\n", "CHARACTER:ZED", "DIALOGUE:Still a cue."),
            rule("(CONT'D) is kept as an extension, straight or curly, after another one",
                    "OTTO (CONT'D)\nStill me.\n\nOTTO (V.O.) (CONT\u2019D)\nStill me, later.\n",
                    "CHARACTER:OTTO (CONT'D)", "DIALOGUE:Still me.", "CHARACTER:OTTO (V.O.) (CONT\u2019D)", "DIALOGUE:Still me, later."),
            rule("free text in an extension, spaces inside it", "OTTO (half asleep)\nFive more.\n\nNAN (O. S.)\nUp!\n",
                    "CHARACTER:OTTO (half asleep)", "DIALOGUE:Five more.", "CHARACTER:NAN (O. S.)", "DIALOGUE:Up!"),
            rule("a mixed-case name is not a cue unless forced with @", "Otto (O.S.)\nHello?\n\n@Otto (O.S.)\nHello!\n",
                    "ACTION:Otto (O.S.)\nHello?", "CHARACTER:Otto (O.S.)", "DIALOGUE:Hello!"),
            rule("a cue may start with a digit when it has a letter; @ forces a name of digits",
                    "9LIVES\nMeow.\n\n@42\nThe answer.\n", "CHARACTER:9LIVES", "DIALOGUE:Meow.", "CHARACTER:42", "DIALOGUE:The answer."),
            rule("^ after the extension makes a dual pair with the speech before; both cues are flagged",
                    "KIT\nLeft!\n\nJO (O.S.) ^\nRight!\n",
                    "CHARACTER:KIT [dual]", "DIALOGUE:Left! [dual]", "CHARACTER:JO (O.S.) [dual]", "DIALOGUE:Right! [dual]"),
            rule("^ anywhere but at the end is not a cue", "KIT ^ (shouting)\nNot a cue.\n", "ACTION:KIT ^ (shouting)\nNot a cue."));

    private static final List<Rule> HEADINGS_AND_TRANSITIONS = List.of(
            rule("a lower-case prefix is a heading, its text as written", "ext. fairground - night\n\nLights.\n",
                    "SCENE_HEADING:ext. fairground - night", "ACTION:Lights."),
            rule("a period forces a heading", "Dark.\n\n.BINOCULAR VIEW\n\nA speck.\n",
                    "ACTION:Dark.", "SCENE_HEADING:BINOCULAR VIEW", "ACTION:A speck."),
            rule("a period and a space is not a heading", ". NOT A PLACE\n", "ACTION:. NOT A PLACE"),
            rule("INT./EXT., I/E and EST with scene numbers of letters and dashes",
                    "INT./EXT. CAR - MOVING #12#\n\nI/E. TUNNEL #12A#\n\nEST HARBOUR TOWN #B7-2#\n",
                    "SCENE_HEADING:INT./EXT. CAR - MOVING #12", "SCENE_HEADING:I/E. TUNNEL #12A", "SCENE_HEADING:EST HARBOUR TOWN #B7-2"),
            rule("an indented speech and transition inside a scene",
                    "INT. SORTING OFFICE - NIGHT\n\n        BEA\n    Second class.\n\n        SMASH CUT TO:\n",
                    "SCENE_HEADING:INT. SORTING OFFICE - NIGHT", "CHARACTER:BEA", "DIALOGUE:Second class.",
                    "TRANSITION:SMASH CUT TO:"),
            rule("upper case ending in TO:, alone in its block, is a transition; two in a row",
                    "EXT. YARD\n\nCUT TO:\n\n    JUMP TO:\n", "SCENE_HEADING:EXT. YARD", "TRANSITION:CUT TO:", "TRANSITION:JUMP TO:"),
            rule("lower case before TO: is action", "later that week TO:\n", "ACTION:later that week TO:"),
            rule("TO: with a line under it is not a transition", "CUT TO:\nThe same room.\n",
                    "CHARACTER:CUT TO:", "DIALOGUE:The same room."),
            rule("> forces a transition, with or without a space, indented or not",
                    "> Back to the present\n\n        >Forward again\n",
                    "TRANSITION:Back to the present", "TRANSITION:Forward again"),
            rule("> text < is centered action, not a transition", "    > The end, for now <\n",
                    "ACTION:The end, for now [centered]"),
            rule("a boneyard is removed first: the transition above it stays one",
                    "Lights down.\n\nDISSOLVE TO:\n/*\nINT. CUT SCENE - DAY\n\nHARLAN\nLose this.\n*/\nEXT. PIER - DUSK\n\nGulls.\n",
                    "ACTION:Lights down.", "TRANSITION:DISSOLVE TO:", "SCENE_HEADING:EXT. PIER - DUSK", "ACTION:Gulls."));

    @TestFactory
    Stream<DynamicTest> action() {
        return tests(ACTION);
    }

    @TestFactory
    Stream<DynamicTest> dialogue() {
        return tests(DIALOGUE);
    }

    @TestFactory
    Stream<DynamicTest> headingsAndTransitions() {
        return tests(HEADINGS_AND_TRANSITIONS);
    }

    private static Stream<DynamicTest> tests(List<Rule> rules) {
        return rules.stream().map(r -> DynamicTest.dynamicTest(r.name(),
                () -> assertEquals(r.elements(), describe(PARSER.parse("rule.fountain", r.fountain())), r.fountain())));
    }

    @Test
    void titlePageKeysValuesAndTheBodyAfterIt() throws ScreenplayException {
        Screenplay s = PARSER.parse("t.fountain", "Title: Low Tide\n\nThe mudflats shine.\n");
        assertEquals(Map.of("title", "Low Tide"), s.titlePage());
        assertEquals(List.of("ACTION:The mudflats shine."), describe(s));

        s = PARSER.parse("t.fountain", "Title: Ferryman\nAuthor: J. Oduya\n\nEXT. LANDING STAGE\n\nMist on the water.\n");
        assertEquals(Map.of("title", "Ferryman", "author", "J. Oduya"), s.titlePage());
        assertEquals(List.of("SCENE_HEADING:EXT. LANDING STAGE", "ACTION:Mist on the water."), describe(s));

        s = PARSER.parse("t.fountain", "Title:\n    _**SALT**_\n    _**AND IRON**_\nCredit: A film by\nAuthors: Ada Vell and Tom Ruske\n\nEXT. QUAY - DAWN\n");
        assertEquals(List.of("title", "credit", "authors"), List.copyOf(s.titlePage().keySet()));
        assertEquals("_**SALT**_\n_**AND IRON**_", s.titlePage().get("title"));
        assertEquals("Ada Vell and Tom Ruske", s.titlePage().get("authors"));
    }

    @Test
    void aTextWithoutBodyIsRejectedOnLineOne() {
        for (String text : List.of("", "\n", "\n\n\n", "Title: Only a cover\nAuthor: Nobody\n")) {
            ScreenplayException e = assertThrows(ScreenplayException.class, () -> PARSER.parse("empty.fountain", text));
            assertEquals(1, e.line(), e.getMessage());
        }
    }

    /** Elements as {@code TYPE:text}, with extensions, scene number, and flags in brackets. */
    static List<String> describe(Screenplay s) {
        List<String> out = new ArrayList<>();
        for (Element e : s.elements()) {
            StringBuilder b = new StringBuilder(e.type().name()).append(':').append(e.text());
            e.extensions().forEach(x -> b.append(" (").append(x).append(')'));
            if (e.sceneNumber() != null) {
                b.append(" #").append(e.sceneNumber());
            }
            if (e.depth() > 0) {
                b.append(" [depth ").append(e.depth()).append(']');
            }
            if (e.dual()) {
                b.append(" [dual]");
            }
            if (e.centered()) {
                b.append(" [centered]");
            }
            out.add(b.toString());
        }
        return out;
    }
}
