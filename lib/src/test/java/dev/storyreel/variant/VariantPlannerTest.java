package dev.storyreel.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlanSettings;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.plan.StylePreset;
import dev.storyreel.shot.RendererInfo;
import dev.storyreel.screenplay.Screenplay;
import dev.storyreel.screenplay.ScreenplayReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Variant matrix ids and sizes, cut-downs that keep the beats, and shots shared across variants. */
class VariantPlannerTest {
    static final Path SAMPLES = Path.of(System.getProperty("storyreel.root", "..")).resolve("samples");
    static final PlanSettings SETTINGS = new PlanSettings(640, 360, 24, new RendererInfo("procedural", "1"));

    static CatalogueEntry entry(Map<String, String> options) {
        return new CatalogueEntry("ferry", "", "night-ferry.fountain", "", 11, 2, options);
    }

    static Screenplay ferry() throws Exception {
        Path p = SAMPLES.resolve("night-ferry.fountain");
        return ScreenplayReader.read(p.toString(), Files.readAllBytes(p), true);
    }

    @Test
    void matrixIdsAreStableReadableAndUnique() {
        List<VariantSpec> v = VariantMatrix.of(entry(Map.of("aspects", "16:9;9:16", "resolution", "720",
                "styles", "noir", "max_seconds", "full;30", "languages", "fr")));
        assertEquals(List.of("16x9-720p-noir", "16x9-720p-noir-fr", "16x9-720p-noir-30s", "16x9-720p-noir-30s-fr",
                "9x16-720p-noir", "9x16-720p-noir-fr", "9x16-720p-noir-30s", "9x16-720p-noir-30s-fr"),
                v.stream().map(VariantSpec::id).toList());
        assertEquals(List.of("main"), VariantMatrix.of(entry(Map.of("trailer", "30"))).stream().map(VariantSpec::id).toList());
        assertThrows(IllegalArgumentException.class, () -> VariantMatrix.of(entry(Map.of("aspects", "wide"))));
        assertThrows(IllegalArgumentException.class, () -> VariantMatrix.of(entry(Map.of("max_seconds", "-5"))));
        assertThrows(IllegalArgumentException.class, () -> VariantMatrix.of(entry(Map.of("languages", "../x"))));
    }

    @Test
    void frameSizesFollowTheAspectAtTheShortSideAndAreEven() {
        assertEquals(new FrameSize(1280, 720), FrameSize.of("16:9", 720, 640, 360));
        assertEquals(new FrameSize(720, 1280), FrameSize.of("9:16", 720, 640, 360));
        assertEquals(new FrameSize(360, 360), FrameSize.of("1:1", 0, 640, 360));
        assertEquals(new FrameSize(360, 450), FrameSize.of("4:5", 0, 640, 360));
        assertEquals(new FrameSize(36, 64), FrameSize.of("9:16", 0, 64, 36));
        assertEquals(new FrameSize(1920, 1080), FrameSize.of("", 1080, 640, 360));
        FrameSize odd = FrameSize.of("4:5", 101, 640, 360);
        assertEquals(0, odd.width() % 2);
        assertEquals(0, odd.height() % 2);
    }

    @Test
    void cutDownsKeepTitleBeatsAndEstablishingShotsWithinTheLimit() throws Exception {
        List<VariantPlan> plans = new VariantPlanner(SETTINGS, Map.of()).plan(
                entry(Map.of("max_seconds", "full;15;30")), ferry());
        FilmPlan full = plans.get(0).plan();
        for (VariantPlan v : plans.subList(1, 3)) {
            FilmPlan cut = v.plan();
            assertTrue(cut.frames() <= v.spec().maxSeconds() * 24, cut.variant() + ": " + cut.frames());
            assertTrue(cut.frames() >= v.spec().maxSeconds() * 24 * 0.6, cut.variant() + " uses its time: " + cut.frames());
            assertEquals(ShotKind.TITLE, cut.shots().get(0).spec().kind());
            Set<Integer> scenes = cut.shots().stream().map(PlannedShot::scene).filter(s -> s > 0).collect(Collectors.toSet());
            for (int scene : scenes) {
                assertTrue(cut.shots().stream().anyMatch(s -> s.scene() == scene && s.spec().kind() == ShotKind.ESTABLISHING),
                        "scene " + scene + " keeps its establishing shot");
            }
            // Screen order, contiguous frames, every shot one of the full film's (same key: nothing new to render).
            int frame = 0;
            Set<String> keys = full.shots().stream().map(PlannedShot::shotKey).collect(Collectors.toSet());
            for (PlannedShot s : cut.shots()) {
                assertEquals(frame, s.startFrame());
                assertEquals(v.spec().id(), s.variant());
                assertTrue(keys.contains(s.shotKey()));
                frame += s.frames();
            }
        }
        assertEquals(plans, new VariantPlanner(SETTINGS, Map.of()).plan(entry(Map.of("max_seconds", "full;15;30")), ferry()));
    }

    @Test
    void sizesAndStylesMakeNewShotsLanguagesDoNot() throws Exception {
        Map<String, StylePreset> presets = Map.of("noir", new StylePreset("noir", "noir", "stark noir still"));
        List<VariantPlan> plans = new VariantPlanner(SETTINGS, presets).plan(
                entry(Map.of("aspects", "16:9;1:1", "styles", "noir;bright", "languages", "fr")), ferry());
        assertEquals(8, plans.size());
        Set<String> keys = new HashSet<>();
        plans.forEach(p -> p.plan().shots().forEach(s -> keys.add(s.shotKey())));
        int perFilm = plans.get(0).plan().shots().size();
        assertEquals(4 * perFilm, keys.size(), "two sizes x two styles; the fr variants share every shot");
        PlannedShot noir = plans.get(0).plan().shots().get(1);
        assertEquals("noir", noir.spec().style());
        assertTrue(noir.spec().prompt().startsWith("stark noir still"), noir.spec().prompt());
        assertEquals(640, noir.spec().width());
        assertEquals(360, plans.get(4).plan().shots().get(0).spec().width());
    }

    @Test
    void languageVariantsLoseTheirSourceLinesWhenLinesAreBurnedIn() throws Exception {
        List<VariantPlan> plans = new VariantPlanner(SETTINGS, Map.of()).plan(entry(Map.of("languages", "fr")), ferry());
        RendererInfo burning = new RendererInfo("procedural", "2+overlay=none+captions=burn");
        VariantPlan main = plans.get(0);
        VariantPlan fr = plans.get(1);
        assertEquals("fr", fr.spec().language());
        assertEquals(main, VariantPlanner.withoutSourceLines(main, burning), "the screenplay's own language keeps its lines");
        VariantPlan clean = VariantPlanner.withoutSourceLines(fr, burning);
        assertEquals(fr.plan().shots().size(), clean.plan().shots().size());
        int cleared = 0;
        for (int i = 0; i < clean.plan().shots().size(); i++) {
            PlannedShot before = fr.plan().shots().get(i);
            PlannedShot after = clean.plan().shots().get(i);
            assertEquals(before.startFrame(), after.startFrame());
            if (before.spec().kind() == dev.storyreel.shot.ShotKind.TITLE) {
                assertEquals(before, after, "title cards stay");
            } else {
                assertEquals("", after.spec().caption());
                assertEquals("", after.spec().subcaption());
                if (!before.spec().caption().isEmpty()) {
                    cleared++;
                    assertTrue(!after.shotKey().equals(before.shotKey()), "a shot without its line has its own key");
                }
            }
        }
        assertTrue(cleared > 0, "the ferry has lines");
    }
}
