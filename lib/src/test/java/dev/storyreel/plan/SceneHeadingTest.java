package dev.storyreel.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storyreel.shot.Setting;
import dev.storyreel.shot.Setting.Exposure;
import org.junit.jupiter.api.Test;

/** Point 3: location, sub-location and time of day from every separator real headings use. */
class SceneHeadingTest {
    private static Setting p(String heading) {
        return SceneHeading.parse(heading, "DUSK");
    }

    @Test
    void everySeparatorGivesLocationSubLocationAndTime() {
        assertEquals(new Setting(Exposure.INT, "LIGHTHOUSE", "NIGHT", "LANTERN ROOM"), p("INT. LIGHTHOUSE - LANTERN ROOM - NIGHT"));
        assertEquals(new Setting(Exposure.EXT, "SALT MARSH CAUSEWAY", "DAWN"), p("EXT. SALT MARSH CAUSEWAY -- DAWN"));
        assertEquals(new Setting(Exposure.EXT, "HARBOUR WALL", "NIGHT"), p("EXT. HARBOUR WALL--NIGHT"));
        assertEquals(new Setting(Exposure.INT, "ALL-NIGHT CAFE", "MORNING"), p("INT. ALL-NIGHT CAFE, MORNING"));
        assertEquals(new Setting(Exposure.INT, "GREENHOUSE", "AFTERNOON"), p("INT. GREENHOUSE/AFTERNOON"));
        assertEquals(new Setting(Exposure.INT, "SIGNAL BOX", "EVENING"), p("INT. SIGNAL BOX — EVENING"));
        assertEquals(new Setting(Exposure.INT, "FARMHOUSE", "NIGHT", "CELLAR"), p("int. farmhouse - cellar - night"));
    }

    @Test
    void yearsAndQualifiersStayOutOfTheLocation() {
        assertEquals(new Setting(Exposure.INT, "HOUSE", "NIGHT", "KITCHEN"), p("INT. HOUSE - KITCHEN - NIGHT (1973)"));
        assertEquals(new Setting(Exposure.EXT, "PIER", "DAY"), p("EXT. PIER - DAY - 1988"));
        assertEquals(new Setting(Exposure.EXT, "ORCHARD", "NIGHT"), p("EXT. ORCHARD - LATE NIGHT"));
        assertEquals(new Setting(Exposure.EXT, "ORCHARD", "MORNING"), p("EXT. ORCHARD - EARLY MORNING (FLASHBACK)"));
        assertEquals(new Setting(Exposure.EXT, "BEACH", "NIGHT"), p("EXT. BEACH NIGHT"));
        assertEquals(new Setting(Exposure.EXT, "HIGH STREET", "NIGHT", "RAIN"), p("EXT. HIGH STREET - NIGHT - RAIN"));
    }

    @Test
    void continuityWordsInheritThePreviousTime() {
        for (String word : new String[] {"CONTINUOUS", "LATER", "SAME TIME", "MOMENTS LATER", "A FEW MINUTES LATER"}) {
            assertEquals(new Setting(Exposure.INT, "LIGHTHOUSE", "DUSK", "KITCHEN"), p("INT. LIGHTHOUSE - KITCHEN - " + word), word);
        }
        assertEquals("NIGHT", p("INT. LIGHTHOUSE - LATER THAT NIGHT").timeOfDay(), "a named time wins over LATER");
        assertEquals(new Setting(Exposure.INT, "VAN", "DUSK"), p("INT. VAN"), "no time: the previous one");
        assertEquals("", SceneHeading.parse("INT. VAN", "").timeOfDay(), "nothing to inherit");
    }

    @Test
    void interiorExteriorPrefixes() {
        assertEquals(Exposure.INT_EXT, p("INT./EXT. FERRY - CAR DECK - DAY").exposure());
        assertEquals("FERRY", p("INT./EXT. FERRY - CAR DECK - DAY").location());
        assertEquals(Exposure.INT_EXT, p("I/E ESTATE CAR - NIGHT").exposure());
        assertEquals("ESTATE CAR", p("I/E ESTATE CAR - NIGHT").location());
        assertEquals(Exposure.EXT, p("EST. CITY SKYLINE - DUSK").exposure());
    }
}
