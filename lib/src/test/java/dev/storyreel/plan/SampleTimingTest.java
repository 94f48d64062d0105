package dev.storyreel.plan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.shot.RendererInfo;
import dev.storyreel.screenplay.Screenplay;
import dev.storyreel.screenplay.ScreenplayReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The planner's timing on the bundled samples: about a minute per screenplay page. */
class SampleTimingTest {
    static final Path SAMPLES = Path.of(System.getProperty("storyreel.root", "..")).resolve("samples");

    @Test
    void samplesRunAboutAMinuteAPage() throws Exception {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            // The feature samples of catalogue.csv (variants.csv's spot is an under-a-page ad).
            String catalogue = Files.readString(SAMPLES.resolve("catalogue.csv"));
            scripts = files.filter(p -> p.toString().endsWith(".fountain") && catalogue.contains("," + p.getFileName() + ","))
                    .sorted().toList();
        }
        assertTrue(scripts.size() >= 3, "samples: " + scripts);
        ShotPlanner planner = new ShotPlanner(new PlanSettings(64, 36, 24, new RendererInfo("procedural", "1")));
        double totalPages = 0;
        double totalMinutes = 0;
        for (Path p : scripts) {
            Screenplay s = ScreenplayReader.read(p.toString(), Files.readAllBytes(p), true);
            FilmPlan plan = planner.plan(new CatalogueEntry("x", "", p.toString(), "", 1, 1), s);
            double pages = PageCount.pages(s);
            double minutes = plan.frames() / 24.0 / 60.0;
            System.out.printf("%s: %.2f pages, %.2f minutes, %.2f min/page%n", p.getFileName(), pages, minutes, minutes / pages);
            assertTrue(pages >= 1.5 && pages <= 4.5, p + ": " + pages + " pages");
            assertTrue(minutes / pages > 0.6 && minutes / pages < 1.5, p + ": " + minutes / pages + " min/page");
            totalPages += pages;
            totalMinutes += minutes;
        }
        double overall = totalMinutes / totalPages;
        assertTrue(overall > 0.8 && overall < 1.2, "overall " + overall + " min/page");
    }
}
