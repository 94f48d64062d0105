package dev.storyreel.plan;

import static dev.storyreel.plan.Scripts.at;
import static dev.storyreel.plan.Scripts.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSize;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Point 2: camera directions shape the shot they describe, inside the current scene, never as a caption. */
class CameraDirectionTest {
    static final String SCRIPT = String.join("\n",
            "EXT. ORCHARD - DUSK",                                  // 1
            "",
            "Rows of pear trees. A ladder leans on the oldest one.", // 3
            "",
            "GRETA (30s), in a green boiler suit, climbs the ladder with a basket.", // 5
            "",
            "CLOSE ON the basket. Three pears, one bruised.",       // 7
            "",
            "The CAMERA PANS across the empty rows.",                // 9
            "",
            ".GRETA'S POV",                                          // 11
            "",
            "A van parked at the gate, lights off.",                 // 13
            "",
            "CLOSE SHOT -- GRETA",                                   // 15
            "",
            "GRETA",                                                 // 17
            "Who's there?",
            "",
            "INSERT - THE VAN'S NUMBER PLATE",                       // 20
            "",
            "We PULL BACK to reveal the whole orchard, dark now.",   // 22
            "",
            "TRACKING with Greta as she runs down the row.",          // 24
            "",
            "PUSH IN.",                                               // 26
            "",
            "Greta stops. Listens.",                                  // 28
            "",
            "ANGLE ON the gate.",                                     // 30
            "");
    static final Pattern DIRECTION = Pattern.compile("(?i)^\\s*((WE|THE CAMERA|CAMERA) +)?(CLOSE (SHOT|ON|UP)|ANGLE ON"
            + "|INSERT|POV|WIDE (SHOT|ON)|TRACKING|PUSH(ES)? IN|PULLS? BACK|PANS?\\b)");

    @Test
    void directionsBecomeSizeSubjectAndMoveOfTheirShot() {
        List<PlannedShot> s = Scripts.shots(SCRIPT);
        assertEquals(1, s.stream().mapToInt(PlannedShot::scene).distinct().count(), "shot headings are not scenes");
        PlannedShot close = at(s, 7).get(0);
        assertEquals(ShotSize.CLOSE, d(close).size());
        assertEquals("The basket. Three pears, one bruised.", close.spec().caption());
        assertEquals(CameraMove.PAN, at(s, 9).get(0).spec().camera());
        assertEquals("Across the empty rows.", at(s, 9).get(0).spec().caption());
        PlannedShot pov = at(s, 13).get(0);
        assertEquals(ShotSize.POV, d(pov).size(), "the shot heading frames the action under it");
        assertFalse(d(pov).inFrame().contains("GRETA"), "a POV does not show its own eyes");
        PlannedShot greta = at(s, 17).get(0);
        assertEquals(ShotSize.CLOSE, d(greta).size(), "CLOSE SHOT -- GRETA frames her line");
        assertEquals(List.of("GRETA"), d(greta).inFrame());
        PlannedShot insert = at(s, 20).get(0);
        assertEquals(ShotSize.INSERT, d(insert).size());
        assertEquals("The van's number plate.", insert.spec().caption());
        assertEquals(CameraMove.PULL_OUT, at(s, 22).get(0).spec().camera());
        assertEquals(CameraMove.TRACK, at(s, 24).get(0).spec().camera());
        assertEquals(List.of("GRETA"), d(at(s, 24).get(0)).inFrame());
        assertTrue(at(s, 26).isEmpty(), "a bare PUSH IN is no shot of its own");
        assertEquals(CameraMove.PUSH_IN, at(s, 28).get(0).spec().camera(), "it moves the next shot");
        assertEquals(ShotSize.MEDIUM, d(at(s, 30).get(0)).size());
        for (PlannedShot shot : s) {
            assertFalse(DIRECTION.matcher(shot.spec().caption()).find(), "caption is a direction: " + shot);
            assertFalse(shot.spec().caption().contains("POV"), shot.spec().caption());
        }
    }

    @Test
    void plainProseIsNoDirection() {
        assertNull(CameraDirection.inAction("Greta closes the gate and walks back up the row."));
        assertNull(CameraDirection.inAction("A wide river, brown with rain."));
        assertNull(CameraDirection.asShotHeading("THE ORCHARD OFFICE"));
        assertEquals(ShotKind.ESTABLISHING, Scripts.shots("EXT. ORCHARD - DUSK\n\n.THE PACKING SHED\n\nCrates.\n")
                .stream().filter(x -> x.scene() == 2).findFirst().orElseThrow().spec().kind(),
                "a forced heading without a direction is a scene");
    }
}
