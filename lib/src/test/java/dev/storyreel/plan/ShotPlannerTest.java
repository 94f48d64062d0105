package dev.storyreel.plan;

import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.Setting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.shot.RendererInfo;
import dev.storyreel.screenplay.Element;
import dev.storyreel.screenplay.ElementType;
import dev.storyreel.screenplay.Screenplay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShotPlannerTest {
    private static final RendererInfo R = new RendererInfo("procedural", "1");
    private static final PlanSettings SETTINGS = new PlanSettings(320, 180, 24, R);
    private static final CatalogueEntry FILM = new CatalogueEntry("harbour", "", "h.fountain", "noir", 42, 2);

    private static Element el(ElementType t, String text, int line) {
        return Element.of(t, text, line);
    }

    private static Element cue(String name, int line, String... ext) {
        return new Element(ElementType.CHARACTER, name, line, null, List.of(ext), false, false, 0);
    }

    static Screenplay screenplay() {
        List<Element> e = new ArrayList<>();
        e.add(new Element(ElementType.SCENE_HEADING, "EXT. HARBOUR WALL - NIGHT", 5, "1", List.of(), false, false, 0));
        e.add(el(ElementType.ACTION, "Waves slam the wall. MARA runs along the edge, lantern swinging.", 7));
        e.add(cue("MARA", 9));
        e.add(el(ElementType.PARENTHETICAL, "(shouting)", 10));
        e.add(el(ElementType.DIALOGUE, "Tobias! The boat is loose!", 11));
        e.add(cue("TOBIAS", 13, "O.S."));
        e.add(el(ElementType.DIALOGUE, "I see it.", 14));
        e.add(el(ElementType.TRANSITION, "CUT TO:", 16));
        e.add(new Element(ElementType.SCENE_HEADING, "INT. BOATHOUSE - CONTINUOUS", 18, null, List.of(), false, false, 0));
        e.add(cue("TOBIAS", 20));
        e.add(el(ElementType.DIALOGUE, "We wait for the tide. Then we pull her in. Nobody sails tonight, not you, "
                + "not me, not the harbourmaster with his lovely new engine. We wait, and we watch, and we keep "
                + "the lamps lit until the morning comes.", 21));
        e.add(new Element(ElementType.CHARACTER, "MARA", 23, null, List.of(), true, false, 0));
        e.add(new Element(ElementType.DIALOGUE, "Fine.", 24, null, List.of(), true, false, 0));
        e.add(new Element(ElementType.CHARACTER, "TOBIAS", 25, null, List.of(), true, false, 0));
        e.add(new Element(ElementType.DIALOGUE, "Good.", 26, null, List.of(), true, false, 0));
        return new Screenplay("h.fountain", Map.of("title", "The Harbour", "author", "Ann Writer"), e);
    }

    @Test
    void plansTitleEstablishingActionAndCoverage() {
        FilmPlan plan = new ShotPlanner(SETTINGS).plan(FILM, screenplay());
        List<String> kinds = plan.shots().stream().map(s -> s.scene() + "." + s.shot() + ":" + s.spec().kind().label()).toList();
        // Tobias's long speech is covered speaker, listener, two-shot; the dual dialogue is a two-shot.
        assertEquals(List.of("0.1:title", "1.1:establishing", "1.2:action", "1.3:dialogue", "1.4:reverse",
                "2.1:establishing", "2.2:dialogue", "2.3:reverse", "2.4:two_shot", "2.5:two_shot"), kinds);
        PlannedShot title = plan.shots().get(0);
        assertEquals("The Harbour", title.spec().caption());
        assertEquals("Ann Writer", title.spec().subcaption());
        assertEquals("The Harbour", plan.title());
        assertEquals(2, plan.scenes());
    }

    @Test
    void settingCameraAndCharactersComeFromContent() {
        List<PlannedShot> s = new ShotPlanner(SETTINGS).plan(FILM, screenplay()).shots();
        assertEquals(new Setting(Setting.Exposure.EXT, "HARBOUR WALL", "NIGHT"), s.get(1).spec().setting());
        assertEquals(CameraMove.PAN, s.get(1).spec().camera());
        assertEquals(CameraMove.TRACK, s.get(2).spec().camera(), "runs -> track");
        assertEquals(List.of("MARA"), s.get(2).spec().characters());
        assertEquals(CameraMove.PUSH_IN, s.get(3).spec().camera(), "shouting -> push in");
        assertEquals("(shouting)", s.get(3).spec().subcaption());
        // An off-screen voice plays over the listener.
        assertEquals(List.of("MARA"), s.get(4).spec().characters());
        assertEquals("TOBIAS", s.get(4).spec().speaker());
        // CONTINUOUS inherits the time of day; interiors push in.
        assertEquals(new Setting(Setting.Exposure.INT, "BOATHOUSE", "NIGHT"), s.get(5).spec().setting());
        assertEquals(CameraMove.PUSH_IN, s.get(5).spec().camera());
        assertEquals(List.of("MARA", "TOBIAS"), s.get(9).spec().characters());
        assertEquals("MARA: Fine.\nTOBIAS: Good.", s.get(9).spec().caption());
        assertTrue(s.get(2).spec().prompt().startsWith("noir style film still, medium shot of Mara"), s.get(2).spec().prompt());
        assertTrue(s.get(2).spec().prompt().contains("exterior harbour wall, night"), s.get(2).spec().prompt());
    }

    @Test
    void timingFollowsTheTextAndFramesAreContiguous() {
        FilmPlan plan = new ShotPlanner(SETTINGS).plan(FILM, screenplay());
        int next = 0;
        for (PlannedShot s : plan.shots()) {
            assertEquals(next, s.startFrame());
            assertTrue(s.frames() >= 24, "at least a second: " + s);
            assertTrue(s.frames() <= 8 * 24, "at most eight seconds: " + s);
            next += s.frames();
        }
        assertEquals(next, plan.frames());
        assertEquals(96, plan.shots().get(0).frames(), "title card: 4 s");
        assertEquals(60, plan.shots().get(1).frames(), "establishing: 2.5 s");
        // "Tobias! The boat is loose!": 0.2 s breath + 5 words at 2.8 words/s + one pause between its two
        // sentences (0.25 s) + 0.3 s hold = 2.54 s
        assertEquals(61, plan.shots().get(3).frames());
    }

    @Test
    void sameInputSamePlanAndKeysChangeWithWhatChangesPixels() {
        FilmPlan a = new ShotPlanner(SETTINGS).plan(FILM, screenplay());
        FilmPlan b = new ShotPlanner(SETTINGS).plan(FILM, screenplay());
        assertEquals(a, b);
        FilmPlan wider = new ShotPlanner(new PlanSettings(640, 360, 24, R)).plan(FILM, screenplay());
        FilmPlan newRenderer = new ShotPlanner(new PlanSettings(320, 180, 24, new RendererInfo("procedural", "2"))).plan(FILM, screenplay());
        for (int i = 0; i < a.shots().size(); i++) {
            assertNotEquals(a.shots().get(i).shotKey(), wider.shots().get(i).shotKey());
            assertNotEquals(a.shots().get(i).shotKey(), newRenderer.shots().get(i).shotKey());
            // Seeds depend on content, not on size: a resized variant keeps its composition.
            assertEquals(a.shots().get(i).spec().seed(), wider.shots().get(i).spec().seed());
        }
        assertEquals(40, a.shots().get(0).shotKey().length());
    }

    @Test
    void seedsDoNotMoveWhenOtherShotsOrFilmsAreAdded() {
        Screenplay original = screenplay();
        List<Element> more = new ArrayList<>(List.of(
                new Element(ElementType.SCENE_HEADING, "EXT. CLIFF - DAY", 1, null, List.of(), false, false, 0),
                Element.of(ElementType.ACTION, "Gulls wheel over the cliff.", 2)));
        more.addAll(original.elements());
        FilmPlan a = new ShotPlanner(SETTINGS).plan(FILM, original);
        FilmPlan b = new ShotPlanner(SETTINGS).plan(FILM, new Screenplay("h.fountain", original.titlePage(), more));
        // Every shot of the original keeps its seed and key after a scene is inserted before it.
        List<String> keysB = b.shots().stream().map(PlannedShot::shotKey).toList();
        for (PlannedShot s : a.shots()) {
            assertTrue(keysB.contains(s.shotKey()), "key kept: " + s);
        }
        CatalogueEntry otherFilmSameSeed = new CatalogueEntry("other", "", "o.fountain", "noir", 42, 3);
        assertEquals(a.shots().get(2).shotKey(), new ShotPlanner(SETTINGS).plan(otherFilmSameSeed, original).shots().get(2).shotKey());
    }

    @Test
    void longActionIsSplitAtSentences() {
        List<String> chunks = ShotPlanner.chunks("One two three four five. Six seven eight nine ten. Eleven twelve.", 3.0, 3.5);
        assertEquals(List.of("One two three four five. Six seven eight nine ten.", "Eleven twelve."), chunks);
    }
}
