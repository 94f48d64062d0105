package dev.storyreel.plan;

import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.screenplay.Screenplay;
import dev.storyreel.screenplay.ScreenplayReader;
import dev.storyreel.shot.Direction;
import dev.storyreel.shot.RendererInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Plans short screenplay excerpts written for these tests. */
final class Scripts {
    static final PlanSettings SETTINGS = new PlanSettings(64, 36, 24, new RendererInfo("procedural", "1"));
    static final Map<String, StylePreset> STYLES = Map.of("noir", new StylePreset("noir", "noir",
            "black-and-white film noir still", "colour, text, watermark"));

    private Scripts() {
    }

    static Screenplay parse(String fountain) {
        try {
            return ScreenplayReader.read("t.fountain", fountain.getBytes(StandardCharsets.UTF_8), true);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static FilmPlan plan(String fountain) {
        return new ShotPlanner(SETTINGS, STYLES).plan(new CatalogueEntry("t", "", "t.fountain", "noir", 5, 2), parse(fountain));
    }

    /** The shots after the title card. */
    static List<PlannedShot> shots(String fountain) {
        List<PlannedShot> all = plan(fountain).shots();
        return all.subList(1, all.size());
    }

    static Direction d(PlannedShot s) {
        return s.spec().direction();
    }

    /** The shots planned from a screenplay line. */
    static List<PlannedShot> at(List<PlannedShot> shots, int line) {
        return shots.stream().filter(s -> s.sourceLine() == line).toList();
    }
}
