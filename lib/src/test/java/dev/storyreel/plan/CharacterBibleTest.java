package dev.storyreel.plan;

import static dev.storyreel.plan.Scripts.at;
import static dev.storyreel.plan.Scripts.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.shot.CastMember;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Points 6 and 7: whole-word, case-aware names; a stable descriptor per character and per location. */
class CharacterBibleTest {
    static final String SCRIPT = String.join("\n",
            "INT. BOATYARD - WORKSHOP - DAY",                                                           // 1
            "",
            "Hulls on trestles. Sawdust in the light from a high window.",                              // 3
            "",
            "CAPTAIN IRMA VOLK (60s), a broad woman with a shaved head and a sailmaker's palm, planes a mast.", // 5
            "",
            "A MAN (30s) in a courier's jacket waits at the door with a parcel.",                       // 7
            "",
            "MAN",                                                                                       // 9
            "Parcel for Volk.",
            "",
            "VOLK",                                                                                      // 12
            "Put it with the man-made rope. Over there.",
            "",
            "The man-made fibres shine. Nobody mans the phone.",                                         // 15
            "",
            "TOMAS (8) runs in, soaked. He hides behind Volk.",                                          // 17
            "",
            "TOMAS",                                                                                     // 19
            "Is the boat finished?",
            "",
            "Volk ruffles Tomas's hair. The Man leaves.",                                                // 22
            "");

    @Test
    void introductionsGiveDescriptorsAliasesAndLines() {
        FilmPlan plan = Scripts.plan(SCRIPT);
        CharacterBible bible = plan.bible();
        CharacterEntry volk = bible.find("VOLK");
        assertEquals(List.of("CAPTAIN IRMA VOLK"), volk.aliases());
        assertEquals("a broad woman with a shaved head and a sailmaker's palm, in her 60s", volk.descriptor());
        assertEquals("Put it with the man-made rope. Over there.", volk.firstLine());
        assertEquals(1, volk.lines());
        assertEquals(5, volk.firstSeen());
        assertEquals("man in his 30s, in a courier's jacket", bible.find("MAN").descriptor());
        assertEquals("boy aged 8", bible.find("TOMAS").descriptor());
        assertEquals(List.of("VOLK", "MAN", "TOMAS"), bible.characters().stream().map(CharacterEntry::name).toList(),
                "in order of first appearance");
        LocationEntry yard = bible.location("BOATYARD");
        assertEquals(List.of("WORKSHOP"), yard.subLocations());
        assertEquals("Hulls on trestles", yard.descriptor());
    }

    @Test
    void namesAreWholeWordsAndCaseAware() {
        CharacterBible bible = Scripts.plan(SCRIPT).bible();
        assertEquals(List.of(), bible.mentioned("The man-made fibres shine. Nobody mans the phone."));
        assertEquals(List.of("MAN"), bible.mentioned("The MAN nods."), "capitals always name");
        assertEquals(List.of("VOLK", "TOMAS"), bible.mentioned("Volk ruffles Tomas's hair."));
        assertEquals(List.of(), bible.mentioned("Volkswagen parts. Tomasz waves."));
        List<PlannedShot> s = Scripts.shots(SCRIPT);
        assertEquals(List.of(), d(at(s, 15).get(0)).inFrame(), "man-made and mans name nobody");
    }

    @Test
    void everyShotCarriesTheSameDescriptorsInCastAndPrompts() {
        List<PlannedShot> s = Scripts.shots(SCRIPT);
        CharacterBible bible = Scripts.plan(SCRIPT).bible();
        int seen = 0;
        for (PlannedShot shot : s) {
            for (CastMember c : d(shot).cast()) {
                assertEquals(bible.find(c.name()).descriptor(), c.descriptor());
                assertTrue(d(shot).promptLong().contains(c.descriptor()), d(shot).promptLong());
                seen++;
            }
            assertEquals(d(shot).inFrame(), d(shot).cast().stream().map(CastMember::name).toList());
        }
        assertTrue(seen >= 6, "cast members seen: " + seen);
        assertFalse(d(at(s, 5).get(0)).cast().isEmpty());
    }
}
