package dev.storyreel.screenplay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Final Draft reader against wildwinter/fountain-tools' FDX twins ({@code fdx/fountain-tools}):
 * each {@code .fdx} (exported by Final Draft and by Fade In) must read as the same elements as its
 * Fountain twin read by our Fountain parser. Skipped when the peer fixtures are absent.
 */
class FdxFixturesTest {

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
        if (!PeerFixtures.present()) {
            return PeerFixtures.absent();
        }
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
}
