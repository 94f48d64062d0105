package dev.storyreel.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.screenplay.Element;
import dev.storyreel.screenplay.ElementType;
import dev.storyreel.screenplay.Screenplay;
import dev.storyreel.screenplay.ScreenplayReader;
import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.Direction;
import dev.storyreel.shot.RendererInfo;
import dev.storyreel.shot.SpeakerMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The planner on the two feature-length screenplays and the samples: pages, minutes, min/page, static share,
 * headings with a parsed time of day, V.O. shots framing an absent speaker (0), captions that are camera
 * directions (0). Writes {@code docs/planning.md} when run with {@code -Dplanning.write=true}:
 * {@code mvn -o -q -pl lib test -Dtest=PlanningReportTest -Dplanning.write=true}.
 */
class PlanningReportTest {
    static final Path ROOT = Path.of(System.getProperty("storyreel.root", ".."));
    static final Pattern DIRECTION = Pattern.compile("^\\s*((WE|THE CAMERA|CAMERA) +)?(CLOSE (SHOT|ON|UP)|EXTREME CLOSE"
            + "|ANGLE ON|ANOTHER ANGLE|REVERSE ANGLE|INSERT|POV|WIDE (SHOT|ON)|TRACKING|PUSH(ES)? IN|PULLS? BACK|PANS?\\b"
            + "|FADE (IN|OUT|TO)|(SMASH |MATCH )?CUT TO|DISSOLVE TO)", Pattern.CASE_INSENSITIVE);

    static final Pattern TIME_WORD = Pattern.compile("\\b(DAY|NIGHT|DUSK|DAWN|MORNING|EVENING|AFTERNOON|SUNSET|SUNRISE"
            + "|CONTINUOUS|LATER|SAME)\\b", Pattern.CASE_INSENSITIVE);

    record Row(String script, double pages, double minutes, int shots, double staticShare, int headings, int timed, int missed,
               int voShots, int voFramingAbsent, int directionCaptions, double longestShot, int characters) {
        double minPerPage() {
            return minutes / pages;
        }
    }

    @Test
    void featuresRunAboutAMinuteAPageAndNoVoiceOrDirectionGoesWrong() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String catalogue : List.of("samples/features/catalogue.csv", "samples/catalogue.csv")) {
            rows.addAll(measure(ROOT.resolve(catalogue)));
        }
        for (Row r : rows) {
            assertEquals(0, r.voFramingAbsent(), r.script() + ": V.O./O.S. shots framing an absent speaker");
            assertEquals(0, r.directionCaptions(), r.script() + ": captions that are camera directions");
            assertEquals(0, r.missed(), r.script() + ": headings naming a time without a parsed time of day");
            assertTrue(r.longestShot() <= ShotPlanner.MAX_SHOT_SECONDS + 1e-9, r.script() + ": " + r.longestShot());
        }
        List<Row> features = rows.stream().filter(r -> r.pages() >= 90).toList();
        assertEquals(2, features.size(), "two feature-length screenplays");
        for (Row r : features) {
            assertTrue(r.minPerPage() >= 0.8 && r.minPerPage() <= 1.2, r.script() + ": " + r.minPerPage() + " min/page");
        }
        String md = markdown(rows);
        if (Boolean.getBoolean("planning.write")) {
            Files.writeString(ROOT.resolve("docs/planning.md"), md);
        }
        System.out.print(md);
    }

    static List<Row> measure(Path catalogue) throws Exception {
        List<Row> out = new ArrayList<>();
        Map<String, StylePreset> styles = StylePreset.parseYaml(Files.readAllBytes(ROOT.resolve("conf/styles.yaml")));
        ShotPlanner planner = new ShotPlanner(new PlanSettings(64, 36, 24, new RendererInfo("procedural", "1")), styles);
        List<String> lines = Files.readAllLines(catalogue, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            Path source = catalogue.resolveSibling(f[2]);
            Screenplay s = ScreenplayReader.read(source.toString(), Files.readAllBytes(source), true);
            FilmPlan plan = planner.plan(new CatalogueEntry(f[0], f[1], f[2], f[3], Long.parseLong(f[4].strip()), 2), s);
            out.add(row(ROOT.relativize(source).toString(), s, plan));
        }
        return out;
    }

    static Row row(String name, Screenplay s, FilmPlan plan) {
        int headings = 0;
        int timed = 0;
        int missed = 0;
        String previous = "";
        for (Element e : s.elements()) {
            if (e.type() == ElementType.SCENE_HEADING && CameraDirection.asShotHeading(e.text()) == null) {
                SceneHeading.Parsed p = SceneHeading.read(e.text(), previous);
                headings++;
                boolean parsed = p.explicitTime() || p.continuity() && !p.setting().timeOfDay().isEmpty();
                timed += parsed ? 1 : 0;
                missed += TIME_WORD.matcher(e.text()).find() && !parsed ? 1 : 0;
                previous = p.setting().timeOfDay();
            }
        }
        // Who speaks on screen in each scene.
        Map<Integer, Set<String>> onScreen = new TreeMap<>();
        for (PlannedShot p : plan.shots()) {
            Direction d = p.spec().direction();
            if (d.speakerMode() == SpeakerMode.ON) {
                onScreen.computeIfAbsent(p.scene(), k -> new HashSet<>()).add(p.spec().speaker());
            }
        }
        int stat = 0;
        int vo = 0;
        int absent = 0;
        int directions = 0;
        double longest = 0;
        for (PlannedShot p : plan.shots()) {
            Direction d = p.spec().direction();
            stat += p.spec().camera() == CameraMove.STATIC ? 1 : 0;
            if (d.speakerMode() == SpeakerMode.VO || d.speakerMode() == SpeakerMode.OS) {
                vo++;
                if (d.inFrame().contains(p.spec().speaker())
                        && !onScreen.getOrDefault(p.scene(), Set.of()).contains(p.spec().speaker())) {
                    absent++;
                }
            }
            if (DIRECTION.matcher(p.spec().caption()).find()) {
                directions++;
            }
            longest = Math.max(longest, p.frames() / (double) p.spec().fps());
        }
        return new Row(name, plan.pages(), plan.minutes(), plan.shots().size(), stat / (double) plan.shots().size(),
                headings, timed, missed, vo, absent, directions, longest, plan.bible().characters().size());
    }

    static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("# Planning: how the shot plan follows the screenplays\n\n")
                .append("Produced by `PlanningReportTest` (lib), which also asserts the zero columns, a parsed time of day\n")
                .append("on every heading that names one (missed times = 0; a heading such as `.AIRLOCK TWO` names none and\n")
                .append("inherits), no shot over 7 s and 0.8–1.2 min/page on the features:\n\n")
                .append("    mvn -o -q -B -pl lib test -Dtest=PlanningReportTest -Dplanning.write=true\n\n")
                .append("Pages by `PageCount` (55 lines a page, Courier widths); minutes from the planned frames. The\n")
                .append("features are ours, generated by `samples/features/generate.py` (catalogue `samples/features/catalogue.csv`).\n")
                .append("V.O./O.S. shots framing an absent speaker: the speaker of a voice-over or off-screen line is in frame\n")
                .append("without speaking on screen anywhere in the scene. Direction captions: the caption starts with a camera\n")
                .append("direction or transition (CLOSE ON, ANGLE ON, INSERT, POV, PULL BACK, PANS, FADE, CUT TO, ...).\n\n")
                .append("| script | pages | minutes | min/page | shots | static shots | headings with a parsed time | missed times | V.O./O.S. shots | "
                        + "V.O. framing absent speaker | direction captions | longest shot (s) | characters |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %d | %.0f%% | %d/%d (%.0f%%) | %d | %d | %d | %d | %.1f | %d |%n",
                    r.script(), r.pages(), r.minutes(), r.minPerPage(), r.shots(), 100 * r.staticShare(), r.timed(),
                    r.headings(), r.headings() == 0 ? 100.0 : 100.0 * r.timed() / r.headings(), r.missed(), r.voShots(),
                    r.voFramingAbsent(), r.directionCaptions(), r.longestShot(), r.characters()));
        }
        return b.toString();
    }
}
