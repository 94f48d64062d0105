package dev.storyreel.screenplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Picking the parser by extension. */
class ScreenplayReaderTest {

    private static final byte[] FOUNTAIN = "INT. HOUSE - DAY\n\nJohn *waits*.\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FDX = ("<FinalDraft><Content><Paragraph Type=\"Action\"><Text Style=\"Italic\">Waits"
            + "</Text></Paragraph></Content></FinalDraft>").getBytes(StandardCharsets.UTF_8);

    @Test
    void fountainExtensions() throws ScreenplayException {
        for (String name : List.of("a.fountain", "b.spmd", "c.txt", "D.FOUNTAIN")) {
            Screenplay s = ScreenplayReader.read(name, FOUNTAIN, false);
            assertEquals(name, s.source());
            assertEquals("John *waits*.", s.elements().get(1).text());
        }
        assertEquals("John waits.", ScreenplayReader.read("a.fountain", FOUNTAIN, true).elements().get(1).text());
    }

    @Test
    void fdxExtension() throws ScreenplayException {
        assertEquals("*Waits*", ScreenplayReader.read("x.FDX", FDX, false).elements().get(0).text());
        assertEquals("Waits", ScreenplayReader.read("x.fdx", FDX, true).elements().get(0).text());
    }

    @Test
    void unsupportedExtension() {
        assertTrue(ScreenplayReader.supports("dir/script.fdx"));
        assertFalse(ScreenplayReader.supports("script.pdf"));
        ScreenplayException e = assertThrows(ScreenplayException.class, () -> ScreenplayReader.read("script.pdf", FOUNTAIN, false));
        assertEquals("script.pdf:1: unsupported screenplay format: expected a .fountain, .spmd, .txt or .fdx file",
                e.getMessage());
    }
}
