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

/** The Final Draft reader: peer twins against our Fountain parser, hostile XML, and the mapping. */
class FdxParserTest {

    /** Where an FDX file and its Fountain twin cannot agree, with the reason. */
    enum Normalisation {
        /**
         * An FDX title page is free-form centered and left-aligned text with no keys, read
         * best-effort, so only the entries that can be recognised (title, author, copyright) are
         * compared with the Fountain twin's title page; and only where the twin has a title page
         * ({@code TestFDX-FD.fountain} has none although its {@code .fdx} has one).
         */
        TITLE_PAGE_BEST_EFFORT
    }

    private static final FdxParser KEEP = new FdxParser(ParseOptions.KEEP_EMPHASIS);
    private static final FdxParser STRIP = new FdxParser(ParseOptions.STRIP_EMPHASIS);

    /** What must agree between an element read from FDX and one read from Fountain. */
    private record Essence(ElementType type, String text, String sceneNumber, List<String> extensions,
                           boolean dual, boolean centered) {
        static Essence of(Element e) {
            return new Essence(e.type(), e.text(), e.sceneNumber(), e.extensions(), e.dual(), e.centered());
        }
    }

    private static List<Essence> essence(Screenplay s) {
        return s.elements().stream().map(Essence::of).toList();
    }

    @TestFactory
    Stream<DynamicTest> peerTwinsMatchOurFountainParser() {
        Path dir = PeerFixtures.dir("fdx/fountain-tools");
        return PeerFixtures.files(dir, ".fdx").stream().flatMap(fdx -> {
            String base = fdx.getFileName().toString().replaceFirst("\\.fdx$", "");
            Path twin = dir.resolve(base + ".fountain");
            return Stream.of(ParseOptions.KEEP_EMPHASIS, ParseOptions.STRIP_EMPHASIS).map(options ->
                    DynamicTest.dynamicTest(base + ".fdx = " + base + ".fountain, stripEmphasis=" + options.stripEmphasis(),
                            () -> {
                                Screenplay fromFdx = new FdxParser(options).parse(fdx.getFileName().toString(),
                                        PeerFixtures.bytes(fdx));
                                Screenplay fromFountain = new FountainParser(options).parse(twin.getFileName().toString(),
                                        PeerFixtures.bytes(twin));
                                assertEquals(essence(fromFountain), essence(fromFdx));
                                assertEquals(16, fromFdx.elements().size());
                                if (!fromFountain.titlePage().isEmpty() && options.stripEmphasis()) {
                                    // Normalisation.TITLE_PAGE_BEST_EFFORT
                                    for (String key : List.of("title", "author", "copyright")) {
                                        assertEquals(fromFountain.titlePage().get(key), fromFdx.titlePage().get(key), key);
                                    }
                                }
                            }));
        });
    }

    @Test
    void finalDraftFixtureDetails() throws ScreenplayException {
        Path fdx = PeerFixtures.dir("fdx/fountain-tools").resolve("TestFDX-FD.fdx");
        Screenplay s = KEEP.parse("TestFDX-FD.fdx", PeerFixtures.bytes(fdx));
        Element heading = s.elements().get(0);
        assertEquals(new Element(ElementType.SCENE_HEADING, "INT. RADIO STUDIO", 5, "1", List.of(), false, false, 0), heading);
        Element jim = s.elements().stream().filter(e -> e.text().equals("JIM")).findFirst().orElseThrow();
        assertEquals(List.of("O.S."), jim.extensions());
        assertEquals("_FDX Test Script_", s.titlePage().get("title"));
        assertEquals(Map.of("title", "FDX Test Script", "credit", "Written by", "author", "Ian",
                        "copyright", "Copyright (c) 2026", "contact", "Draft\ninformation\nContact\ninformation"),
                STRIP.parse("TestFDX-FD.fdx", PeerFixtures.bytes(fdx)).titlePage());
    }

    // --- hostile input -------------------------------------------------------------------------

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

    private static Screenplay parse(String name, String xml) throws ScreenplayException {
        return KEEP.parse(name, xml.getBytes(StandardCharsets.UTF_8));
    }
}
