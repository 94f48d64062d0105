package dev.storyreel.screenplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** NUL bytes and other control characters in a screenplay never reach captions or speaker names. */
class ControlCharactersTest {
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029&&[^\\n\\t]]");

    @Test
    void fountainTextAndNamesComeOutWithoutControlCharacters() throws Exception {
        String text = "INT. RO\u0000OM - DAY\n\nShe \u001b[2Jwaits\u0007 by the\u2028window.\n\nMAR\u0000TA\nHel\u0000lo\u0085.\n";
        Screenplay s = ScreenplayReader.read("nul.fountain", text.getBytes(StandardCharsets.UTF_8), true);
        s.elements().forEach(e -> assertFalse(CONTROL.matcher(e.text()).find(), e.toString()));
        List<String> texts = s.elements().stream().map(Element::text).toList();
        assertEquals(List.of("INT. ROOM - DAY", "She [2Jwaits by the window.", "MARTA", "Hello."), texts);
    }

    @Test
    void fdxTextAndNamesComeOutWithoutControlCharacters() throws Exception {
        String fdx = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FinalDraft DocumentType=\"Script\" Version=\"1\"><Content>"
                + "<Paragraph Type=\"Character\"><Text>ELI&#x85;</Text></Paragraph>"
                + "<Paragraph Type=\"Dialogue\"><Text>Quiet&#x9F; now&#x2029;please.</Text></Paragraph>"
                + "</Content></FinalDraft>\n";
        Screenplay s = ScreenplayReader.read("c.fdx", fdx.getBytes(StandardCharsets.UTF_8), true);
        assertEquals(List.of("ELI", "Quiet now please."), s.elements().stream().map(Element::text).toList());
    }
}
