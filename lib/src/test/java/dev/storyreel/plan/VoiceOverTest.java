package dev.storyreel.plan;

import static dev.storyreel.plan.Scripts.at;
import static dev.storyreel.plan.Scripts.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.SpeakerMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Point 1: V.O. and O.S. voices never cut to their speaker unless the speaker is there. */
class VoiceOverTest {
    static final String SCRIPT = String.join("\n",
            "EXT. BEET FIELD - DAWN",                                  // 1
            "",
            "GRANDAD (V.O.)",                                          // 3
            "Every spring the field gave us back one thing it had taken.",
            "",
            "A tractor crawls along the furrows. Crows lift and settle.", // 6
            "",
            "GRANDAD (V.O.)",                                          // 8
            "That year it was a bell.",
            "",
            "INT. FARM KITCHEN - MORNING",                             // 11
            "",
            "ROSA (10), muddy to the knees, sets a green bell on the table.", // 13
            "",
            "MOTHER (O.S.)",                                           // 15
            "Boots off before you come in here!",
            "",
            "ROSA (CONT'D)",                                           // 18
            "Look what the field gave me.",
            "",
            "MOTHER (O.C.)",                                           // 21
            "(from upstairs)",
            "I said boots!",
            "");

    @Test
    void narrationOverANewSceneEstablishesItThenPlaysOverTheAction() {
        List<PlannedShot> s = Scripts.shots(SCRIPT);
        PlannedShot open = at(s, 3).get(0);
        assertEquals(ShotKind.ESTABLISHING, open.spec().kind(), "narration opening a scene establishes it");
        assertEquals(SpeakerMode.VO, d(open).speakerMode());
        assertEquals(List.of(), d(open).inFrame());
        PlannedShot over = at(s, 8).get(0);
        assertEquals(ShotKind.ACTION, over.spec().kind(), "narration after action plays over it");
        assertEquals("A tractor crawls along the furrows. Crows lift and settle.", d(over).action());
        for (PlannedShot shot : s) {
            assertFalse(d(shot).inFrame().contains("GRANDAD"), "the narrator never appears: " + shot);
            assertFalse(d(shot).inFrame().contains("MOTHER"), "the off-screen mother is never framed: " + shot);
        }
    }

    @Test
    void offScreenVoicesPlayOverAPresentListenerAndContdStaysOnScreen() {
        List<PlannedShot> s = Scripts.shots(SCRIPT);
        PlannedShot mother = at(s, 15).get(0);
        assertEquals(ShotKind.REVERSE, mother.spec().kind());
        assertEquals(SpeakerMode.OS, d(mother).speakerMode());
        assertEquals(List.of("ROSA"), d(mother).inFrame());
        PlannedShot rosa = at(s, 18).get(0);
        assertEquals(SpeakerMode.ON, d(rosa).speakerMode(), "CONT'D alone is on screen");
        assertEquals("ROSA", rosa.spec().speaker());
        assertEquals(SpeakerMode.OS, d(at(s, 21).get(0)).speakerMode(), "O.C. is off screen");
        assertNull(d(at(s, 13).get(0)).speakerMode(), "no speaker, no mode");
    }

    @Test
    void aVoiceOverSpeakerWhoIsInTheSceneMayBeSeen() {
        String script = String.join("\n", "INT. ATTIC - NIGHT", "", "IVO (50s), a tired man in pyjamas, reads a diary by torchlight.",
                "", "IVO (V.O.)", "March the fourth. The bell rang again.", "", "IVO", "It can't have.", "");
        List<PlannedShot> s = Scripts.shots(script);
        assertEquals(List.of("IVO"), d(at(s, 5).get(0)).inFrame(), "he is on screen in the scene, reading");
    }
}
