package dev.storyreel.plan;

import static dev.storyreel.plan.Scripts.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.Transition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Point 4: transitions and endings are the next shot's transitionIn, never text shots. */
class TransitionCueTest {
    @Test
    void transitionsShapeTheNextBoundary() {
        String script = String.join("\n",
                "FADE IN:", "",
                "EXT. QUARRY - DAY", "", "Dust hangs over the pit.", "",
                "DISSOLVE TO:", "",
                "EXT. QUARRY - NIGHT", "", "The same pit, full of water.", "",
                "SMASH CUT TO:", "",
                "INT. SIREN TOWER - NIGHT", "", "A siren wails.", "",
                "MATCH CUT TO:", "",
                "INT. KETTLE - NIGHT", "", "A kettle whistles.", "",
                "FADE TO BLACK.", "",
                "EXT. QUARRY - DAWN", "", "Birds.", "",
                "CUT TO BLACK.", "",
                "> THE END <", "");
        List<PlannedShot> s = Scripts.plan(script).shots();
        List<Transition> starts = s.stream().filter(x -> x.spec().kind() == ShotKind.ESTABLISHING)
                .map(x -> d(x).transitionIn()).toList();
        assertEquals(List.of(Transition.FADE_IN, Transition.DISSOLVE, Transition.SMASH_CUT, Transition.MATCH_CUT,
                Transition.FADE_FROM_BLACK), starts);
        for (PlannedShot x : s) {
            String c = x.spec().caption();
            assertFalse(c.contains("FADE") || c.contains("CUT TO") || c.contains("DISSOLVE") || c.contains("THE END"), c);
            if (x.spec().kind() == ShotKind.ACTION) {
                assertEquals(Transition.CUT, d(x).transitionIn(), "inside a scene shots cut: " + x);
            }
        }
    }

    @Test
    void recognisesEndingsAndCuts() {
        assertEquals(Transition.FADE_FROM_BLACK, TransitionCue.of("FADE OUT."));
        assertEquals(Transition.FADE_FROM_BLACK, TransitionCue.of("THE END"));
        assertEquals(Transition.CUT, TransitionCue.of("CUT TO:"));
        assertEquals(Transition.DISSOLVE, TransitionCue.of("SLOW DISSOLVE TO:"));
        assertFalse(TransitionCue.is("The end of the pier is rotten."));
    }
}
