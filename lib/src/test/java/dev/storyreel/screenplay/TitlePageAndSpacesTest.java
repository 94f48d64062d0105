package dev.storyreel.screenplay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Point 5: a title page after blank first lines; Unicode spaces in cues make no second character. */
class TitlePageAndSpacesTest {
    private static Screenplay parse(String text) throws ScreenplayException {
        return ScreenplayReader.read("t.fountain", text.getBytes(StandardCharsets.UTF_8), true);
    }

    @Test
    void titlePageAfterLeadingBlankLines() throws Exception {
        Screenplay s = parse("\n\n  \nTitle: Brine\nAuthor: Us\n\nEXT. DOCK - DAY\n\nRopes creak.\n");
        assertEquals("Brine", s.titleEntry("title", ""));
        assertEquals("Us", s.titleEntry("author", ""));
        assertEquals(ElementType.SCENE_HEADING, s.elements().get(0).type());
        assertEquals(7, s.elements().get(0).line(), "lines still count from the top of the file");
    }

    @Test
    void aBodyAfterBlankLinesStaysABody() throws Exception {
        Screenplay s = parse("\n\nEXT. DOCK - DAY\n\nRopes creak.\n");
        assertEquals(0, s.titlePage().size());
        assertEquals(ElementType.SCENE_HEADING, s.elements().get(0).type());
    }

    @Test
    void unicodeSpacesInCuesAreSpaces() throws Exception {
        String nbsp = "\u00a0";
        Screenplay s = parse("INT. SHED - NIGHT\n\nODILE" + nbsp + "\nHello.\n\nODILE\nAgain.\n\n"
                + "MR.\u2007HALE\u202f(V.O.)\u00a0\nFar away.\n\n\u3000LENA\u00a0 (CONT'D)\nNear.\n");
        List<Element> cues = s.elements().stream().filter(e -> e.type() == ElementType.CHARACTER).toList();
        assertEquals(List.of("ODILE", "ODILE", "MR. HALE", "LENA"), cues.stream().map(Element::text).toList());
        assertEquals(List.of("V.O."), cues.get(2).extensions());
        assertEquals(List.of("CONT'D"), cues.get(3).extensions());
    }
}
