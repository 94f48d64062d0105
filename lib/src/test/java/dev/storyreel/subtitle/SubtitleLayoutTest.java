package dev.storyreel.subtitle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Subtitle layout: wrapping at 42, two lines a cue, long speeches split over their time, reading speed. */
class SubtitleLayoutTest {
    static final SubtitleLayout LAYOUT = SubtitleLayout.standard();
    // 101 characters, as the longest sample line was before layout.
    static final String LONG = "The ferry leaves at midnight whether or not the harbour master signs the papers for the cargo hold.";

    @Test
    void shortTextStaysOneLine() {
        assertEquals(List.of(new Cue(0, 2000, "Hold the gate!")), LAYOUT.layout(0, 2000, 2000, "Hold the gate!"));
    }

    @Test
    void twoLinesAreBalancedAndWithinTheLimit() {
        String text = "We have never once been late, not in twenty years of crossings.";
        List<Cue> cues = LAYOUT.layout(0, 5000, 5000, text);
        assertEquals(1, cues.size());
        String[] lines = cues.get(0).text().split("\n");
        assertEquals(2, lines.length);
        assertEquals(text, lines[0] + " " + lines[1]);
        assertTrue(lines[0].length() <= 42 && lines[1].length() <= 42);
        assertTrue(Math.abs(lines[0].length() - lines[1].length()) <= 8, cues.toString());
    }

    @Test
    void aLongSpeechIsSplitIntoCuesOfAtMostTwoLinesAcrossItsTime() {
        String text = LONG + " " + LONG;
        List<Cue> cues = LAYOUT.layout(1000, 12000, 12000, text);
        assertTrue(cues.size() >= 3, cues.toString());
        assertEquals(1000, cues.get(0).startMs());
        assertEquals(12000, cues.get(cues.size() - 1).endMs());
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < cues.size(); i++) {
            Cue c = cues.get(i);
            if (i > 0) {
                assertEquals(cues.get(i - 1).endMs(), c.startMs(), "cues follow each other");
            }
            String[] lines = c.text().split("\n");
            assertTrue(lines.length <= 2, c.text());
            for (String l : lines) {
                assertTrue(l.length() <= 42, l);
                words.append(words.length() > 0 ? " " : "").append(l);
            }
            double cps = c.text().replace("\n", "").length() * 1000.0 / (c.endMs() - c.startMs());
            assertTrue(cps <= 20.0, c + " reads at " + cps);
        }
        assertEquals(text, words.toString());
    }

    @Test
    void aSpeechThatReadsTooFastRunsOnIntoTheSilenceButNeverOverTheNextSpeech() {
        // 49 characters shown (the line break replaces a space) in 2 s is 24.5 cps: it needs 2.45 s.
        String text = "Get below, all of you, and keep the lanterns dark.";
        List<Cue> roomy = LAYOUT.layout(List.of(new Cue(0, 2000, text), new Cue(6000, 7000, "Go.")), 10_000);
        assertEquals(2450, roomy.get(roomy.size() - 2).endMs(), roomy.toString());
        List<Cue> tight = LAYOUT.layout(List.of(new Cue(0, 2000, text), new Cue(2200, 3000, "Go.")), 10_000);
        assertEquals(2200, tight.get(0).endMs(), tight.toString());
        assertEquals(2200, tight.get(1).startMs());
    }

    @Test
    void aWordLongerThanALineIsBroken() {
        List<String> lines = LAYOUT.wrap("a " + "x".repeat(50) + " b");
        assertEquals(List.of("a", "x".repeat(42), "x".repeat(8) + " b"), lines);
    }
}
