package dev.storyreel.screenplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The Final Draft reader: hostile XML, the mapping, and our own FDX/Fountain twins (peer twins: {@link FdxFixturesTest}). */
class FdxParserTest {

    private static final FdxParser KEEP = new FdxParser(ParseOptions.KEEP_EMPHASIS);
    private static final FdxParser STRIP = new FdxParser(ParseOptions.STRIP_EMPHASIS);

    // --- hostile input -------------------------------------------------------------------------

    @Test
    void aDtdTheJdkCannotEvenReportIsMalformedXmlWithItsLine() {
        // Found by the FDX fuzzer: the JDK's StAX reader throws MissingResourceException for this DTD.
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY\u0001\u0000 \"&a;\">]>\n"
                + "<FinalDraft><Content></Content></FinalDraft>\n";
        ScreenplayException e = assertThrows(ScreenplayException.class, () -> parse("odd.fdx", xml));
        assertTrue(e.getMessage().startsWith("odd.fdx:2: malformed XML"), e.getMessage());
    }

    @Test
    void doctypeWithExternalEntityIsRejectedUnread(@TempDir Path tmp) throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-MARKER");
        for (String target : List.of("file:///etc/passwd", secret.toUri().toString())) {
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<!DOCTYPE FinalDraft [<!ENTITY x SYSTEM \"" + target + "\">]>\n"
                    + "<FinalDraft><Content><Paragraph Type=\"Action\"><Text>&x;</Text></Paragraph></Content></FinalDraft>\n";
            ScreenplayException e = assertThrows(ScreenplayException.class, () -> parse("evil.fdx", xml));
            assertEquals("evil.fdx", e.file());
            assertEquals(2, e.line(), e.getMessage());
            assertTrue(e.getMessage().startsWith("evil.fdx:2: DOCTYPE declarations are not allowed"), e.getMessage());
            assertFalse(e.getMessage().contains("root:"), e.getMessage());
            assertFalse(e.getMessage().contains("TOP-SECRET-MARKER"), e.getMessage());
        }
    }

    @Test
    void externalDtdIsRejected() {
        String xml = "<!DOCTYPE FinalDraft SYSTEM \"http://127.0.0.1:9/finaldraft.dtd\">\n<FinalDraft/>";
        ScreenplayException e = assertThrows(ScreenplayException.class, () -> parse("dtd.fdx", xml));
        assertEquals(1, e.line());
        assertTrue(e.reason().startsWith("DOCTYPE declarations are not allowed"), e.getMessage());
    }

    @Test
    void billionLaughsIsRejectedQuickly() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE FinalDraft [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        String xml = dtd + "]>\n<FinalDraft><Content><Paragraph Type=\"Action\"><Text>&lol9;</Text>"
                + "</Paragraph></Content></FinalDraft>\n";
        ScreenplayException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(ScreenplayException.class, () -> parse("lol.fdx", xml)));
        assertTrue(e.reason().startsWith("DOCTYPE declarations are not allowed"), e.getMessage());
        assertFalse(e.getMessage().contains("lollol"), e.getMessage());
    }

    @Test
    void malformedXmlNamesTheLine() {
        String xml = "<?xml version=\"1.0\"?>\n<FinalDraft>\n<Content>\n<Paragraph Type=\"Action\">\n"
                + "<Text>Broken</Txt>\n</Paragraph></Content></FinalDraft>\n";
        ScreenplayException e = assertThrows(ScreenplayException.class, () -> parse("broken.fdx", xml));
        assertEquals(5, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("broken.fdx:5: malformed XML: "), e.getMessage());
        assertFalse(e.reason().contains("ParseError"), e.getMessage());
    }

    @Test
    void otherDocumentsAndEmptyScriptsAreRejected() {
        ScreenplayException html = assertThrows(ScreenplayException.class, () -> parse("page.fdx", "<html><body/></html>"));
        assertEquals("page.fdx:1: not a Final Draft document: the root element is <html>, not <FinalDraft>",
                html.getMessage());
        ScreenplayException empty = assertThrows(ScreenplayException.class, () -> parse("empty.fdx",
                "<FinalDraft><Content><Paragraph Type=\"Action\"><Text> </Text></Paragraph></Content></FinalDraft>"));
        assertEquals(1, empty.line());
        assertTrue(empty.reason().startsWith("no screenplay elements"), empty.getMessage());
        ScreenplayException notXml = assertThrows(ScreenplayException.class, () -> parse("text.fdx", "INT. HOUSE - DAY"));
        assertTrue(notXml.reason().startsWith("malformed XML"), notXml.getMessage());
    }

    // --- mapping -------------------------------------------------------------------------------

    private static final String SCRIPT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <FinalDraft DocumentType="Script" Version="5">
              <Content>
                <Paragraph Type="Scene Heading" Number="12A">
                  <SceneProperties><SceneArcBeats><CharacterArcBeat Name="X">
                    <Paragraph Type="Action"><Text>ignored nested paragraph</Text></Paragraph>
                  </CharacterArcBeat></SceneArcBeats></SceneProperties>
                  <Text>INT. LAB - NIGHT</Text>
                </Paragraph>
                <Paragraph Type="Action"><Text>A </Text><Text Style="Bold">BANG</Text><Text Style="Bold"> BANG</Text><Text>, then </Text><Text Style="Italic+Underline">silence</Text><Text>: 2 * 3.</Text><ScriptNote><Paragraph><Text>a note</Text></Paragraph></ScriptNote></Paragraph>
                <Paragraph Type="Action"/>
                <Paragraph Type="General" Alignment="Center"><Text>THE END</Text></Paragraph>
                <Paragraph Type="Shot" StartsNewPage="Yes"><Text>CLOSE ON THE VIAL</Text></Paragraph>
                <Paragraph>
                  <DualDialogue>
                    <Paragraph Type="Character"><Text>BRICK (V.O.)</Text></Paragraph>
                    <Paragraph Type="Parenthetical"><Text>(shouting)</Text></Paragraph>
                    <Paragraph Type="Dialogue"><Text>Now!</Text></Paragraph>
                    <Paragraph Type="Character"><Text>STEEL</Text></Paragraph>
                    <Paragraph Type="Dialogue"><Text>Never!</Text></Paragraph>
                  </DualDialogue>
                </Paragraph>
                <Paragraph Type="Lyrics"><Text>La la la</Text></Paragraph>
                <Paragraph Type="Transition"><Text>CUT TO:</Text></Paragraph>
              </Content>
              <TitlePage><Content>
                <Paragraph Alignment="Center"><Text>THE LAB</Text></Paragraph>
                <Paragraph Alignment="Center"><Text>by</Text></Paragraph>
                <Paragraph Alignment="Center"><Text>A. Writer</Text></Paragraph>
                <Paragraph Alignment="Center"><Text>Based on the novel</Text></Paragraph>
                <Paragraph Alignment="Left"><Text>© 2026 A. Writer</Text></Paragraph>
                <Paragraph Alignment="Left"><Text>agent@example.com</Text></Paragraph>
                <Paragraph Alignment="Right"><Text>Draft 3</Text></Paragraph>
              </Content></TitlePage>
            </FinalDraft>
            """;

    @Test
    void mapsParagraphTypesNumbersDualAndCentered() throws ScreenplayException {
        Screenplay s = parse("lab.fdx", SCRIPT);
        List<String> summary = s.elements().stream()
                .map(e -> e.type() + ":" + e.text() + (e.dual() ? " (dual)" : "") + (e.centered() ? " (centered)" : "")
                        + "@" + e.line())
                .toList();
        assertEquals(List.of(
                "SCENE_HEADING:INT. LAB - NIGHT@4",
                "ACTION:A **BANG BANG**, then _*silence*_: 2 \\* 3.@10",
                "ACTION:THE END (centered)@12",
                "PAGE_BREAK:@13",
                "SCENE_HEADING:CLOSE ON THE VIAL@13",
                "CHARACTER:BRICK (dual)@16",
                "PARENTHETICAL:(shouting) (dual)@17",
                "DIALOGUE:Now! (dual)@18",
                "CHARACTER:STEEL (dual)@19",
                "DIALOGUE:Never! (dual)@20",
                "LYRICS:La la la@23",
                "TRANSITION:CUT TO:@24"), summary);
        assertEquals("12A", s.elements().get(0).sceneNumber());
        assertNull(s.elements().get(4).sceneNumber());
        assertEquals(List.of("V.O."), s.elements().get(5).extensions());
    }

    @Test
    void strippingEmphasisGivesPlainText() throws ScreenplayException {
        Screenplay s = STRIP.parse("lab.fdx", SCRIPT.getBytes(StandardCharsets.UTF_8));
        assertEquals("A BANG BANG, then silence: 2 * 3.", s.elements().get(1).text());
        assertEquals(Emphasis.strip(parse("lab.fdx", SCRIPT).elements().get(1).text()), s.elements().get(1).text());
    }

    @Test
    void titlePageIsReadBestEffort() throws ScreenplayException {
        assertEquals(Map.of("title", "THE LAB", "credit", "by", "author", "A. Writer", "source", "Based on the novel",
                "copyright", "© 2026 A. Writer", "contact", "agent@example.com", "draft date", "Draft 3"),
                parse("lab.fdx", SCRIPT).titlePage());
    }

    // --- our own twins: one short script as Final Draft and Fade In write it, and in Fountain ---

    private static final String TWIN_FOUNTAIN = """
            Title: The Night Shift
            Author: storyreel tests
            Copyright: (c) 2026 storyreel

            INT. SIGNAL BOX #1#

            A bank of levers. Rain streams down the _long_ window.

            ADA
            (into the phone)
            The 23:40 is running late again.

            Ben wipes the glass with his sleeve.

            BEN (O.S.)
            Tell them we're closed.

            DISSOLVE TO:

            EXT. PLATFORM #2#

            Empty. One lamp flickers.

            > FADE OUT.
            """;

    /** Final Draft's way: attributes on every Text run, Underline style, a title page of its own. */
    private static final String TWIN_FINAL_DRAFT = """
            <?xml version="1.0" encoding="UTF-8" standalone="no" ?>
            <FinalDraft DocumentType="Script" Template="No" Version="5">
              <Content>
                <Paragraph Number="1" Type="Scene Heading"><Text Font="Courier Final Draft" Size="12" Style="">INT. SIGNAL BOX</Text></Paragraph>
                <Paragraph Type="Action"><Text Style="">A bank of levers. Rain streams down the </Text><Text Style="Underline">long</Text><Text Style=""> window.</Text></Paragraph>
                <Paragraph Type="Character"><Text>ADA</Text></Paragraph>
                <Paragraph Type="Parenthetical"><Text>(into the phone)</Text></Paragraph>
                <Paragraph Type="Dialogue"><Text>The 23:40 is running late again.</Text></Paragraph>
                <Paragraph Type="Action"><Text>Ben wipes the glass with his sleeve.</Text></Paragraph>
                <Paragraph Type="Character"><Text>BEN (O.S.)</Text></Paragraph>
                <Paragraph Type="Dialogue"><Text>Tell them we're closed.</Text></Paragraph>
                <Paragraph Type="Transition"><Text>DISSOLVE TO:</Text></Paragraph>
                <Paragraph Number="2" Type="Scene Heading"><Text>EXT. PLATFORM</Text></Paragraph>
                <Paragraph Type="Action"><Text>Empty. One lamp flickers.</Text></Paragraph>
                <Paragraph Type="Transition"><Text>FADE OUT.</Text></Paragraph>
              </Content>
              <TitlePage>
                <Content>
                  <Paragraph Alignment="Center" StartsNewPage="No"><Text>The Night Shift</Text></Paragraph>
                  <Paragraph Alignment="Center"><Text>by</Text></Paragraph>
                  <Paragraph Alignment="Center"><Text>storyreel tests</Text></Paragraph>
                  <Paragraph Alignment="Left"><Text>(c) 2026 storyreel</Text></Paragraph>
                </Content>
              </TitlePage>
            </FinalDraft>
            """;

    /** Fade In's way: attributes in another order, empty General paragraphs between entries. */
    private static final String TWIN_FADE_IN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <FinalDraft DocumentType="Script" Version="1">
            <Content>
            <Paragraph Type="Scene Heading" Number="1"><Text>INT. SIGNAL BOX</Text></Paragraph>
            <Paragraph Type="Action"><Text>A bank of levers. Rain streams down the </Text><Text Style="Underline">long</Text><Text> window.</Text></Paragraph>
            <Paragraph Type="Character"><Text>ADA</Text></Paragraph>
            <Paragraph Type="Parenthetical"><Text>(into the phone)</Text></Paragraph>
            <Paragraph Type="Dialogue"><Text>The 23:40 is running late again.</Text></Paragraph>
            <Paragraph Type="Action"><Text>Ben wipes the glass with his sleeve.</Text></Paragraph>
            <Paragraph Type="Character"><Text>BEN (O.S.)</Text></Paragraph>
            <Paragraph Type="Dialogue"><Text>Tell them we're closed.</Text></Paragraph>
            <Paragraph Type="Transition"><Text>DISSOLVE TO:</Text></Paragraph>
            <Paragraph Type="Scene Heading" Number="2"><Text>EXT. PLATFORM</Text></Paragraph>
            <Paragraph Type="Action"><Text>Empty. One lamp flickers.</Text></Paragraph>
            <Paragraph Type="Transition"><Text>FADE OUT.</Text></Paragraph>
            </Content>
            <TitlePage>
            <Content>
            <Paragraph Type="General" Alignment="Center"><Text>The Night Shift</Text></Paragraph>
            <Paragraph Type="General" Alignment="Center"/>
            <Paragraph Type="General" Alignment="Center"><Text>by</Text></Paragraph>
            <Paragraph Type="General" Alignment="Center"><Text>storyreel tests</Text></Paragraph>
            <Paragraph Type="General" Alignment="Left"/>
            <Paragraph Type="General" Alignment="Left"><Text>(c) 2026 storyreel</Text></Paragraph>
            </Content>
            </TitlePage>
            </FinalDraft>
            """;

    /** What must agree between an element read from FDX and one read from Fountain. */
    private record Essence(ElementType type, String text, String sceneNumber, List<String> extensions,
                           boolean dual, boolean centered) {
        static List<Essence> of(Screenplay s) {
            return s.elements().stream().map(e -> new Essence(e.type(), e.text(), e.sceneNumber(), e.extensions(),
                    e.dual(), e.centered())).toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> ourTwinsReadAsTheSameElements() {
        return Stream.of(Map.entry("final-draft.fdx", TWIN_FINAL_DRAFT), Map.entry("fade-in.fdx", TWIN_FADE_IN))
                .flatMap(twin -> Stream.of(ParseOptions.KEEP_EMPHASIS, ParseOptions.STRIP_EMPHASIS).map(options ->
                        DynamicTest.dynamicTest(twin.getKey() + " = twin.fountain, stripEmphasis=" + options.stripEmphasis(), () -> {
                            Screenplay fdx = new FdxParser(options).parse(twin.getKey(), twin.getValue().getBytes(StandardCharsets.UTF_8));
                            Screenplay fountain = new FountainParser(options).parse("twin.fountain", TWIN_FOUNTAIN);
                            assertEquals(Essence.of(fountain), Essence.of(fdx));
                            assertEquals(12, fdx.elements().size());
                            for (String key : List.of("title", "author", "copyright")) {
                                assertEquals(fountain.titlePage().get(key), fdx.titlePage().get(key), key);
                            }
                        })));
    }

    private static Screenplay parse(String name, String xml) throws ScreenplayException {
        return KEEP.parse(name, xml.getBytes(StandardCharsets.UTF_8));
    }
}
