package dev.storyreel.plan;

import static dev.storyreel.plan.Scripts.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.shot.ShotKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Point 9: long speeches split at sentence ends into coverage; no shot over 7 s; speech timed by words and pauses. */
class TimingTest {
    static final String SPEECH = "I was nine when the river froze. Nobody believed me, not my mother, not the priest, "
            + "not the man who sold eels at the bridge. I walked across it anyway, all the way to the mill, and back. "
            + "The ice sang under my boots. It sounded like a choir warming up in another room. When I got home "
            + "I was grounded for a month. It was worth it. I would do it again tomorrow, if the river ever froze again.";

    @Test
    void spokenDurationCountsWordsAndPauses() {
        SpokenDuration d = SpokenDuration.of(3.0, 0.5, 0.2, 0.1);
        assertEquals(0.1 + 6 / 3.0, d.seconds("One two three four five six"), 1e-9);
        assertEquals(0.1 + 6 / 3.0 + 0.5 + 0.2, d.seconds("One two, three. Four five six."), 1e-9);
        assertEquals(0, d.seconds("  "), 1e-9);
    }

    @Test
    void longSpeechesBecomeCoverageCutAtSentences() {
        String script = String.join("\n", "INT. MILL - NIGHT", "", "OLGA (80s) and her grandson KIT (12) sit by the stove.",
                "", "OLGA", SPEECH, "", "KIT", "Did it really sing?", "");
        List<PlannedShot> s = Scripts.shots(script);
        List<PlannedShot> olga = s.stream().filter(x -> x.spec().speaker().equals("OLGA")).toList();
        assertTrue(olga.size() >= 4, "shots: " + olga.size());
        assertEquals(List.of(ShotKind.DIALOGUE, ShotKind.REVERSE, ShotKind.TWO_SHOT, ShotKind.DIALOGUE),
                olga.subList(0, 4).stream().map(x -> x.spec().kind()).toList());
        assertEquals(List.of("KIT", "OLGA"), d(olga.get(1)).inFrame(), "the reverse frames the listener");
        StringBuilder joined = new StringBuilder();
        for (PlannedShot x : olga) {
            assertTrue(x.frames() <= 7 * 24, "capped at 7 s: " + x.frames());
            String c = x.spec().caption();
            assertTrue(c.endsWith(".") || c.endsWith(","), "cut at a sentence or clause: " + c);
            joined.append(joined.length() == 0 ? "" : " ").append(c);
        }
        assertEquals(SPEECH, joined.toString(), "nothing lost, nothing repeated");
        for (PlannedShot x : s) {
            assertTrue(x.frames() <= 7 * 24, x.toString());
        }
    }

    @Test
    void aSentenceLongerThanAShotIsCutAtClausesThenWords() {
        ShotPlanner planner = new ShotPlanner(Scripts.SETTINGS);
        String longOne = "and then the boats came in and the men came up the beach and the women came down the hill "
                + "and the children ran between them and the dogs ran after the children and nobody knew who was "
                + "crying and who was laughing and the bells rang and rang";
        List<String> parts = planner.speechChunks(longOne);
        assertTrue(parts.size() >= 3, parts.toString());
        assertEquals(longOne, String.join(" ", parts));
        for (String p : parts) {
            assertTrue(SpokenDuration.DEFAULT.seconds(p) <= ShotPlanner.MAX_SHOT_SECONDS, p);
        }
    }
}
