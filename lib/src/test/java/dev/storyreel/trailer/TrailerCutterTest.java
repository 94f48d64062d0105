package dev.storyreel.trailer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlanSettings;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.plan.ShotPlanner;
import dev.storyreel.shot.RendererInfo;
import dev.storyreel.screenplay.ScreenplayReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trailers: exact length, title cards at both ends, no last scene, story order, accelerating cuts. */
class TrailerCutterTest {
    static final Path SAMPLES = Path.of(System.getProperty("storyreel.root", "..")).resolve("samples");

    static FilmPlan plan(String file, int fps) throws Exception {
        Path p = SAMPLES.resolve(file);
        return new ShotPlanner(new PlanSettings(64, 36, fps, new RendererInfo("procedural", "1")))
                .plan(new CatalogueEntry("f", "", file, "", 3, 1), ScreenplayReader.read(p.toString(), Files.readAllBytes(p), true));
    }

    @Test
    void cutsAreExactlyTheTargetFromTheRenderedShots() throws Exception {
        for (int seconds : new int[] {30, 60, 90}) {
            FilmPlan plan = plan("lighthouse.fountain", 24);
            List<TrailerCut> cuts = TrailerCutter.cut(plan, seconds);
            assertEquals(seconds * 24, cuts.stream().mapToInt(TrailerCut::frames).sum(), seconds + " s");
            assertEquals(ShotKind.TITLE, cuts.get(0).shot().spec().kind());
            assertEquals(ShotKind.TITLE, cuts.get(cuts.size() - 1).shot().spec().kind());
            int lastScene = plan.shots().stream().mapToInt(PlannedShot::scene).max().orElseThrow();
            List<TrailerCut> body = cuts.subList(1, cuts.size() - 1);
            assertTrue(body.size() >= 8, "cuts: " + body.size());
            assertTrue(body.stream().noneMatch(c -> c.shot().scene() == lastScene), "no spoiler of the last scene");
            for (int i = 1; i < body.size(); i++) {
                assertTrue(body.get(i).shot().startFrame() > body.get(i - 1).shot().startFrame(), "story order");
            }
            double firstHalf = body.subList(0, body.size() / 2).stream().mapToInt(TrailerCut::frames).average().orElseThrow();
            double secondHalf = body.subList(body.size() / 2, body.size()).stream().mapToInt(TrailerCut::frames).average().orElseThrow();
            assertTrue(firstHalf > secondHalf, "the rhythm accelerates: " + firstHalf + " then " + secondHalf);
            assertTrue(body.stream().map(c -> c.shot().scene()).distinct().count() >= 3, "variety of scenes");
            assertEquals(cuts, TrailerCutter.cut(plan("lighthouse.fountain", 24), seconds), "deterministic");
        }
    }

    @Test
    void aFilmTooShortSaysSo() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrailerCutter.cut(plan("night-ferry.fountain", 6), 90));
        assertTrue(e.getMessage().contains("too little"), e.getMessage());
    }
}
