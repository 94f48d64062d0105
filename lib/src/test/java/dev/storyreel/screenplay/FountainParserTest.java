package dev.storyreel.screenplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Our own cases for each Fountain construct and each error. */
class FountainParserTest {

    private static final FountainParser KEEP = new FountainParser(ParseOptions.KEEP_EMPHASIS);
    private static final FountainParser STRIP = new FountainParser(ParseOptions.STRIP_EMPHASIS);

    private static Screenplay parse(String text) throws ScreenplayException {
        return KEEP.parse("test.fountain", text);
    }

    /** Elements as "TYPE:text@line", for compact whole-sequence assertions. */
    private static List<String> summary(Screenplay s) {
        return s.elements().stream().map(e -> e.type() + ":" + e.text() + "@" + e.line()).toList();
    }

    private static Element only(Screenplay s, ElementType type) {
        List<Element> found = s.elements().stream().filter(e -> e.type() == type).toList();
        assertEquals(1, found.size(), () -> "one " + type + " in " + summary(s));
        return found.get(0);
    }

    @Nested
    class TitlePage {
        @Test
        void keysAreLowerCasedInSourceOrderWithIndentedValues() throws ScreenplayException {
            Screenplay s = parse("""
                    Title:
                        _**BRICK & STEEL**_
                        _**FULL RETIRED**_
                    Credit: Written by
                    Author: Stu Maschwitz
                    Draft date: 1/20/2012
                    Contact:
                    \tNext Level Productions
                    \t1588 Mission Dr.

                    EXT. BRICK'S PATIO - DAY
                    """);
            assertEquals(List.of("title", "credit", "author", "draft date", "contact"),
                    List.copyOf(s.titlePage().keySet()));
            assertEquals("_**BRICK & STEEL**_\n_**FULL RETIRED**_", s.titlePage().get("title"));
            assertEquals("Next Level Productions\n1588 Mission Dr.", s.titlePage().get("contact"));
            assertEquals("Stu Maschwitz", s.titleEntry("Author", "?"));
            assertEquals(List.of("SCENE_HEADING:EXT. BRICK'S PATIO - DAY@11"), summary(s));
        }

        @Test
        void strippingEmphasisAppliesToTitleValues() throws ScreenplayException {
            Screenplay s = STRIP.parse("t.fountain", "Title: _**BRICK & STEEL**_\n\nAction.");
            assertEquals(Map.of("title", "BRICK & STEEL"), s.titlePage());
        }

        @Test
        void aFirstLineThatIsNotKeyValueMeansNoTitlePage() throws ScreenplayException {
            Screenplay s = parse("INT. HOUSE - DAY\n\nJohn: says hello.");
            assertTrue(s.titlePage().isEmpty());
            assertEquals(List.of("SCENE_HEADING:INT. HOUSE - DAY@1", "ACTION:John: says hello.@3"), summary(s));
        }

        @Test
        void aLoneKeyWithoutValueIsBodyNotTitlePage() throws ScreenplayException {
            Screenplay s = parse("FADE IN:\n\nA dark room.");
            assertTrue(s.titlePage().isEmpty());
            assertEquals(List.of("ACTION:FADE IN:@1", "ACTION:A dark room.@3"), summary(s));
        }

        @Test
        void anUnindentedNonKeyLineMeansTheBlockIsBody() throws ScreenplayException {
            Screenplay s = parse("Note: the lights flicker.\nJohn enters.");
            assertTrue(s.titlePage().isEmpty());
            assertEquals(List.of("ACTION:Note: the lights flicker.\nJohn enters.@1"), summary(s));
        }
    }

    @Nested
    class SceneHeadings {
        @Test
        void everyPrefixInAnyCase() throws ScreenplayException {
            Screenplay s = parse("""
                    INT. HOUSE - DAY

                    EXT. GARDEN - NIGHT

                    est. CITY - DAWN

                    INT./EXT. CAR - DAY

                    INT/EXT CAR - DAY

                    I/E TRAIN - NIGHT

                    EXT HOUSE
                    """);
            assertTrue(s.elements().stream().allMatch(e -> e.type() == ElementType.SCENE_HEADING), summary(s)::toString);
            assertEquals(List.of("INT. HOUSE - DAY", "EXT. GARDEN - NIGHT", "est. CITY - DAWN", "INT./EXT. CAR - DAY",
                    "INT/EXT CAR - DAY", "I/E TRAIN - NIGHT", "EXT HOUSE"),
                    s.elements().stream().map(Element::text).toList());
        }

        @Test
        void forcedWithOnePeriodButNotTwoOrPeriodSpace() throws ScreenplayException {
            Screenplay s = parse(".SNIPER SCOPE POV\n\n...and then silence.\n\n. NOT A HEADING\n");
            assertEquals(List.of("SCENE_HEADING:SNIPER SCOPE POV@1", "ACTION:...and then silence.@3",
                    "ACTION:. NOT A HEADING@5"), summary(s));
        }

        @Test
        void sceneNumbersAreTakenOffTheText() throws ScreenplayException {
            Screenplay s = parse("INT. HOUSE - DAY #1A#\n\n.FLASHBACK #I-1-A#\n\nEXT. ROOF #110.#\n");
            assertEquals(List.of("1A", "I-1-A", "110."), s.elements().stream().map(Element::sceneNumber).toList());
            assertEquals(List.of("INT. HOUSE - DAY", "FLASHBACK", "EXT. ROOF"),
                    s.elements().stream().map(Element::text).toList());
        }

        @Test
        void needsABlankLineBeforeButTheRestOfItsBlockIsAction() throws ScreenplayException {
            Screenplay s = parse("She runs.\nINT. HOUSE - DAY\n\nINT. KITCHEN - DAY\nJohn cooks.\n");
            assertEquals(List.of("ACTION:She runs.\nINT. HOUSE - DAY@1", "SCENE_HEADING:INT. KITCHEN - DAY@4",
                    "ACTION:John cooks.@5"), summary(s));
            assertNull(s.elements().get(1).sceneNumber());
        }

        @Test
        void wordsMerelyStartingWithAPrefixAreNotHeadings() throws ScreenplayException {
            Screenplay s = parse("INTERIOR DESIGN IS HARD.\n\nEXTRA! EXTRA!\n");
            assertEquals(List.of(ElementType.ACTION, ElementType.ACTION),
                    s.elements().stream().map(Element::type).toList());
        }
    }

    @Nested
    class Action {
        @Test
        void forcedActionLosesItsExclamationMark() throws ScreenplayException {
            Screenplay s = parse("!EXT. NOT A HEADING\n\n!SCANNING THE AISLES\nWhere is that pit boss?\n");
            assertEquals(List.of("ACTION:EXT. NOT A HEADING@1",
                    "ACTION:SCANNING THE AISLES\nWhere is that pit boss?@3"), summary(s));
        }

        @Test
        void keepsIndentationTabsAsFourSpacesAndLineBreaks() throws ScreenplayException {
            Screenplay s = parse("INT. HALL\n\nHe counts:\n\tOne.\n        Two.\n");
            assertEquals("He counts:\n    One.\n        Two.", only(s, ElementType.ACTION).text());
        }

        @Test
        void twoSpacesKeepAnEmptyLineInsideTheParagraph() throws ScreenplayException {
            Screenplay s = parse("First line.\n  \nAfter the gap.\n");
            assertEquals(List.of("ACTION:First line.\n\nAfter the gap.@1"), summary(s));
        }

        @Test
        void eachParagraphIsItsOwnElement() throws ScreenplayException {
            Screenplay s = parse("One.\n\n\nTwo.\n");
            assertEquals(List.of("ACTION:One.@1", "ACTION:Two.@4"), summary(s));
        }

        @Test
        void centeredTextIsTrimmedAndFlagged() throws ScreenplayException {
            Screenplay s = parse("> THE END <\n>Fin<\n\n>FADE OUT.\n");
            Element centered = s.elements().get(0);
            assertEquals("THE END\nFin", centered.text());
            assertTrue(centered.centered());
            assertEquals(ElementType.ACTION, centered.type());
            assertEquals("TRANSITION:FADE OUT.@4", summary(s).get(1));
        }
    }

    @Nested
    class Dialogue {
        @Test
        void cueDialogueAndParentheticals() throws ScreenplayException {
            Screenplay s = parse("""
                    STEEL
                    (starting the engine)
                    So much for retirement!
                    Off we go.
                        (beat)
                    Or not.
                    """);
            assertEquals(List.of("CHARACTER:STEEL@1", "PARENTHETICAL:(starting the engine)@2",
                    "DIALOGUE:So much for retirement!\nOff we go.@3", "PARENTHETICAL:(beat)@5", "DIALOGUE:Or not.@6"),
                    summary(s));
        }

        @Test
        void extensionsAreSeparatedFromTheName() throws ScreenplayException {
            Element cue = only(parse("MOM (O. S.) (CONT'D)\nLuke! Supper!\n"), ElementType.CHARACTER);
            assertEquals("MOM", cue.text());
            assertEquals(List.of("O. S.", "CONT'D"), cue.extensions());
        }

        @Test
        void forcedCueMayBeLowerCase() throws ScreenplayException {
            Element cue = only(parse("@McCLANE (V.O.)\nYippee ki-yay.\n"), ElementType.CHARACTER);
            assertEquals("McCLANE", cue.text());
            assertEquals(List.of("V.O."), cue.extensions());
        }

        @Test
        void aCueNeedsALetterAndNoLowerCaseAndALineAfterIt() throws ScreenplayException {
            assertEquals("R2D2", only(parse("R2D2\nBeep.\n"), ElementType.CHARACTER).text());
            assertEquals("3CPO", only(parse("3CPO\nOh my.\n"), ElementType.CHARACTER).text());
            assertEquals(List.of("ACTION:23\nSkidoo.@1"), summary(parse("23\nSkidoo.\n")));
            assertEquals(List.of("ACTION:Han (O.S.)\nHello.@1"), summary(parse("Han (O.S.)\nHello.\n")));
            assertEquals(List.of("ACTION:BOB@1", "ACTION:Blank line after the name.@3"),
                    summary(parse("BOB\n\nBlank line after the name.\n")));
        }

        @Test
        void twoSpacesKeepAnEmptyLineInsideDialogue() throws ScreenplayException {
            Screenplay s = parse("FISH\nI am\n  \na little fish.\n");
            assertEquals("I am\n\na little fish.", only(s, ElementType.DIALOGUE).text());
        }

        @Test
        void caretMarksBothCuesOfThePairAndWhatTheySay() throws ScreenplayException {
            Screenplay s = parse("""
                    NARRATOR
                    Before.

                    BRICK
                    (shouting)
                    Screw retirement.

                    STEEL ^
                    Screw retirement.

                    NARRATOR
                    After.
                    """);
            assertEquals(List.of(false, false, true, true, true, true, true, false, false),
                    s.elements().stream().map(Element::dual).toList());
            assertEquals("STEEL", s.elements().get(5).text());
        }

        @Test
        void caretNotAtTheEndIsNotACue() throws ScreenplayException {
            assertEquals(List.of("ACTION:AND ^ (Dual)\nNot a cue.@1"), summary(parse("AND ^ (Dual)\nNot a cue.\n")));
        }

        @Test
        void lyricsInsideAndOutsideDialogue() throws ScreenplayException {
            Screenplay s = parse("WILLY\n~Come with me\n~and you'll be\n\n~Willy Wonka! The amazing chocolatier!\n");
            assertEquals(List.of("CHARACTER:WILLY@1", "LYRICS:Come with me\nand you'll be@2",
                    "LYRICS:Willy Wonka! The amazing chocolatier!@5"), summary(s));
        }
    }

    @Nested
    class TransitionsAndStructure {
        @Test
        void upperCaseToColonAloneInItsParagraph() throws ScreenplayException {
            Screenplay s = parse("CUT TO:\n\n    SMASH CUT TO:\n\nboop boop TO:\n\n> Burn to White.\n");
            assertEquals(List.of("TRANSITION:CUT TO:@1", "TRANSITION:SMASH CUT TO:@3", "ACTION:boop boop TO:@5",
                    "TRANSITION:Burn to White.@7"), summary(s));
        }

        @Test
        void pageBreaksSectionsAndSynopses() throws ScreenplayException {
            Screenplay s = parse("""
                    # ACT I
                    ## The setup
                    = Meet the heroes.

                    ===

                    ### Deep
                    """);
            assertEquals(List.of("SECTION:ACT I@1", "SECTION:The setup@2", "SYNOPSIS:Meet the heroes.@3",
                    "PAGE_BREAK:@5", "SECTION:Deep@7"), summary(s));
            assertEquals(List.of(1, 2, 0, 0, 3), s.elements().stream().map(Element::depth).toList());
        }
    }

    @Nested
    class NotesAndBoneyard {
        @Test
        void notesAreRemovedInlineAndAcrossLines() throws ScreenplayException {
            Screenplay s = parse("""
                    His hand[[a note]] is an inch away.[[This needs work.
                    Or coffee.]] He waits.

                    STEEL
                    [[cut this?]]
                    Hello.
                    """);
            assertEquals(List.of("ACTION:His hand is an inch away. He waits.@1", "CHARACTER:STEEL@4",
                    "DIALOGUE:Hello.@6"), summary(s));
        }

        @Test
        void boneyardIsRemovedAndLineNumbersStayTrue() throws ScreenplayException {
            Screenplay s = parse("""
                    Before.

                    CUT TO:
                    /*
                    INT. GARAGE - DAY

                    Gone.
                    */
                    EXT. MANSION - DAY

                    After /* hidden */ the boneyard.
                    """);
            assertEquals(List.of("ACTION:Before.@1", "TRANSITION:CUT TO:@3", "SCENE_HEADING:EXT. MANSION - DAY@9",
                    "ACTION:After  the boneyard.@11"), summary(s));
        }
    }

    @Nested
    class EmphasisOption {
        private static final String TEXT = "From *INCHES* away. _Steel's face FILLS the **Leupold \\*4\\***_.\n";

        @Test
        void keptAsWritten() throws ScreenplayException {
            assertEquals(TEXT.strip(), only(parse(TEXT), ElementType.ACTION).text());
        }

        @Test
        void strippedOnDemand() throws ScreenplayException {
            assertEquals("From INCHES away. Steel's face FILLS the Leupold *4*.",
                    only(STRIP.parse("t.fountain", TEXT), ElementType.ACTION).text());
        }
    }

    @Nested
    class LineEndingsAndEncoding {
        private static final String SCRIPT = """
                Title: Test
                Author: Me

                INT. HOUSE - DAY #1#

                \tJohn enters.

                JOHN ^
                (quietly)
                Hello[[note]].
                  \s
                Still me.

                /* gone */CUT TO:
                """;

        @Test
        void crlfAndLfGiveIdenticalElements() throws ScreenplayException {
            Screenplay lf = parse(SCRIPT);
            Screenplay crlf = parse(SCRIPT.replace("\n", "\r\n"));
            Screenplay cr = parse(SCRIPT.replace("\n", "\r"));
            assertEquals(lf.elements(), crlf.elements());
            assertEquals(lf.elements(), cr.elements());
            assertEquals(lf.titlePage(), crlf.titlePage());
            assertEquals(List.of("SCENE_HEADING:INT. HOUSE - DAY@4", "ACTION:    John enters.@6", "CHARACTER:JOHN@8",
                    "PARENTHETICAL:(quietly)@9", "DIALOGUE:Hello.\n\nStill me.@10", "TRANSITION:CUT TO:@14"), summary(lf));
            assertEquals(Map.of("title", "Test", "author", "Me"), lf.titlePage());
        }

        @Test
        void bytesAreStrictUtf8AndALeadingBomIsDropped() throws ScreenplayException {
            byte[] body = "Title: Café\n\nÉCLAIR\nBonjour.\n".getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            Screenplay s = KEEP.parse("bom.fountain", withBom);
            assertEquals(Map.of("title", "Café"), s.titlePage());
            assertEquals(List.of("CHARACTER:ÉCLAIR@3", "DIALOGUE:Bonjour.@4"), summary(s));
        }
    }

    @Nested
    class Errors {
        private ScreenplayException fails(String text) {
            return assertThrows(ScreenplayException.class, () -> KEEP.parse("bad.fountain", text));
        }

        @Test
        void invalidUtf8NamesTheLineOfTheBadByte() {
            byte[] bytes = "INT. HOUSE\n\nCaf\u00e9 ok.\nBad \u0000 here.\n".getBytes(StandardCharsets.UTF_8);
            int zero = new String(bytes, StandardCharsets.UTF_8).indexOf('\u0000') + 1; // 'é' is two bytes
            bytes[zero] = (byte) 0xC3; // a lead byte followed by ' ' is malformed
            ScreenplayException e = assertThrows(ScreenplayException.class, () -> KEEP.parse("bad.fountain", bytes));
            assertEquals(4, e.line());
            assertEquals("bad.fountain", e.file());
            assertTrue(e.getMessage().startsWith("bad.fountain:4: not valid UTF-8: byte 0xC3"), e.getMessage());
        }

        @Test
        void latin1IsNotUtf8() {
            byte[] bytes = "ok\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
            ScreenplayException e = assertThrows(ScreenplayException.class, () -> KEEP.parse("l1.fountain", bytes));
            assertEquals("l1.fountain:2: not valid UTF-8: byte 0xE9 at offset 6 cannot start or continue a character",
                    e.getMessage());
        }

        @Test
        void emptyAndBlankFilesFailOnLineOne() {
            ScreenplayException empty = fails("");
            assertEquals("bad.fountain:1: file is empty", empty.getMessage());
            ScreenplayException blank = fails(" \n\t\n\n");
            assertEquals(1, blank.line());
            assertEquals("file contains only whitespace", blank.reason());
        }

        @Test
        void unterminatedBoneyardNamesTheLineItOpened() {
            ScreenplayException e = fails("Action.\n\n[[a note]] then /* never\nclosed\n");
            assertEquals(3, e.line());
            assertTrue(e.reason().contains("unterminated boneyard"), e.getMessage());
        }

        @Test
        void unterminatedNoteNamesTheLineItOpened() {
            ScreenplayException e = fails("Action.\n/* a\nboneyard */\n\nMore [[never closed\n\nEnd.\n");
            assertEquals(5, e.line());
            assertTrue(e.getMessage().startsWith("bad.fountain:5: unterminated note"), e.getMessage());
        }

        @Test
        void noBodyElementsAtAll() {
            assertEquals("bad.fountain:1: no screenplay elements: the file holds only notes, boneyard or blank lines",
                    fails("[[just a note]]\n\n/* and\nboneyard */\n").getMessage());
            assertEquals("bad.fountain:1: no screenplay elements after the title page",
                    fails("Title: Only a title\nAuthor: Me\n\n").getMessage());
        }

        @Test
        void anythingElseParses() throws ScreenplayException {
            Screenplay s = parse("(((\n]]\n*/ ^ @ ~\n");
            assertFalse(s.elements().isEmpty());
        }
    }
}
