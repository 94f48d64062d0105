package dev.storyreel.plan;

import static dev.storyreel.plan.Scripts.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.shot.ShotSize;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Point 8: short prompts within CLIP's 77 tokens, long prompts, a negative per style, one subject per close-up. */
class PromptWriterTest {
    static final String SCRIPT = String.join("\n",
            "EXT. RAILWAY BRIDGE - NIGHT",
            "",
            "Girders black against a sky full of sparks from the foundry across the river, the kind of sky that makes "
                    + "a town look like it is being forged rather than lived in, every rivet lit orange.",
            "",
            "PETRA (40s), a welder in a scorched leather apron, goggles pushed up into grey curls, and JUNE (20s), "
                    + "her apprentice, thin as a rake in overalls, lean on the rail.",
            "",
            "PETRA",
            "It's hotter up here than at the furnace.",
            "",
            "JUNE",
            "Everything's hotter with you.",
            "",
            "CLOSE ON Petra and June, faces lit by sparks.",
            "");
    private static final Pattern CLOSE_OF_MANY = Pattern.compile("close-up of [^,]* and ");

    @Test
    void shortPromptsFitClipAndNameEveryoneWithTheirDescriptor() {
        List<PlannedShot> s = Scripts.shots(SCRIPT);
        for (PlannedShot shot : s) {
            String p = shot.spec().prompt();
            assertTrue(PromptWriter.tokens(p) <= PromptWriter.CLIP_BUDGET, p);
            assertTrue(p.startsWith("black-and-white film noir still"), p);
            assertTrue(p.contains("exterior railway bridge") && p.contains("night"), p);
            assertFalse(CLOSE_OF_MANY.matcher(p).find(), "a close-up holds one subject: " + p);
            assertTrue(d(shot).promptLong().length() >= p.length() / 2, d(shot).promptLong());
            assertEquals("colour, text, watermark", d(shot).negativePrompt(), "the style's negative prompt");
        }
        PlannedShot both = s.stream().filter(x -> x.sourceLine() == 13).findFirst().orElseThrow();
        assertEquals(ShotSize.TWO_SHOT, d(both).size(), "CLOSE ON two people is a two-shot");
        assertTrue(both.spec().prompt().contains("two-shot of Petra ("), both.spec().prompt());
        PlannedShot petra = s.stream().filter(x -> x.sourceLine() == 7).findFirst().orElseThrow();
        assertTrue(petra.spec().prompt().contains("of Petra (woman in her 40s, a welder in a scorched leather apron)"),
                petra.spec().prompt());
        assertTrue(d(petra).promptLong().contains("goggles pushed up into grey curls"), d(petra).promptLong());
    }

    @Test
    void tokenCountIsConservative() {
        // Every word of up to five letters is at least one CLIP token; longer words count one per four letters.
        assertEquals(5, PromptWriter.tokens("a cat on the mat"));
        assertEquals(3 + 1 + 1, PromptWriter.tokens("lighthouse, sea"), "ten letters count three");
        assertEquals(3, PromptWriter.tokens("close-up"));
        String fitted = PromptWriter.fit(List.of(new PromptWriter.Part("lead phrase", 1),
                new PromptWriter.Part("word ".repeat(200).strip(), 0)));
        assertTrue(PromptWriter.tokens(fitted) <= PromptWriter.CLIP_BUDGET);
        assertTrue(fitted.startsWith("lead phrase, word"), fitted);
    }

    @Test
    void stylesYamlCarriesANegativePerStyle() throws Exception {
        Map<String, StylePreset> presets = StylePreset.parseYaml(
                "noir:\n  palette: noir\n  prompt: p\n  negative: colour, pastel\nplain:\n  prompt: q\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals("colour, pastel", presets.get("noir").negative());
        assertEquals(StylePreset.DEFAULT_NEGATIVE, presets.get("plain").negative());
        Map<String, StylePreset> shipped = StylePreset.parseYaml(java.nio.file.Files.readAllBytes(
                SampleTimingTest.SAMPLES.resolveSibling("conf").resolve("styles.yaml")));
        for (StylePreset p : shipped.values()) {
            assertFalse(p.negative().equals(StylePreset.DEFAULT_NEGATIVE), p.name() + " has its own negative");
        }
    }
}
