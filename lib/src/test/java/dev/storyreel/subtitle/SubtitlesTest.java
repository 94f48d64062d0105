package dev.storyreel.subtitle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlanSettings;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.plan.ShotPlanner;
import dev.storyreel.shot.RendererInfo;
import dev.storyreel.screenplay.ScreenplayReader;
import dev.storyreel.variant.BeatScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Subtitles: cues timed from the plan, translations by cue line, SRT and WebVTT syntax. */
class SubtitlesTest {
    static final Path SAMPLES = Path.of(System.getProperty("storyreel.root", "..")).resolve("samples");
    static final Pattern SRT_TIME = Pattern.compile("(\\d\\d):(\\d\\d):(\\d\\d),(\\d\\d\\d) --> (\\d\\d):(\\d\\d):(\\d\\d),(\\d\\d\\d)");

    static FilmPlan ferry() throws Exception {
        Path p = SAMPLES.resolve("night-ferry.fountain");
        return new ShotPlanner(new PlanSettings(64, 36, 24, new RendererInfo("procedural", "1")))
                .plan(new CatalogueEntry("f", "", "night-ferry.fountain", "", 3, 1),
                        ScreenplayReader.read(p.toString(), Files.readAllBytes(p), true));
    }

    @Test
    void srtCuesAreTheDialogueShotsAtTheirPlannedTimes() throws Exception {
        FilmPlan plan = ferry();
        List<PlannedShot> dialogue = plan.shots().stream().filter(s -> BeatScore.isDialogue(s.spec())).toList();
        String srt = Subtitles.srt(Subtitles.of(plan, true, Translation.none()));
        Matcher m = SRT_TIME.matcher(srt);
        int i = 0;
        while (m.find()) {
            PlannedShot s = dialogue.get(i++);
            assertEquals(Math.round(s.startFrame() * 1000.0 / 24), ms(m, 1), "start of cue " + i);
            assertEquals(Math.round((s.startFrame() + s.frames()) * 1000.0 / 24), ms(m, 5), "end of cue " + i);
        }
        assertEquals(dialogue.size(), i);
        assertTrue(srt.startsWith("1\n00:00:"), srt);
        assertTrue(srt.contains("\nJUNO: Hold the gate!\n"), srt);
        String vtt = Subtitles.vtt(Subtitles.of(plan, false, Translation.none()));
        assertTrue(vtt.startsWith("WEBVTT\n\n1\n"), vtt);
        assertTrue(vtt.contains(".") && vtt.contains("\nHold the gate!\n"), vtt);
    }

    @Test
    void translationsReplaceWholeSpeechesByCueLine() throws Exception {
        Translation fr = Translation.parse("night-ferry.fr.txt",
                Files.readString(SAMPLES.resolve("night-ferry.fr.txt")));
        List<Cue> cues = Subtitles.of(ferry(), false, fr);
        assertEquals("Retenez la barrière !", cues.get(0).text());
        assertTrue(cues.stream().allMatch(c -> !c.text().contains("gate")));
        assertThrows(IllegalArgumentException.class, () -> Translation.parse("x.fr.txt", "twelve: Bonjour"));
        assertThrows(IllegalArgumentException.class, () -> Translation.parse("x.fr.txt", "12: a\n12: b"));
    }

    @Test
    void everySampleIsLaidOutWithinTheDeliveryLimits() throws Exception {
        // Before SubtitleLayout the samples had lines of up to 101 characters and cues reading at 21.6 cps.
        double fastest = 0;
        int widest = 0;
        for (String name : List.of("lighthouse", "getaway-cake", "quiet-frequency", "night-ferry")) {
            Path p = SAMPLES.resolve(name + ".fountain");
            FilmPlan plan = new ShotPlanner(new PlanSettings(64, 36, 24, new RendererInfo("procedural", "1")))
                    .plan(new CatalogueEntry(name, "", name + ".fountain", "", 7, 1),
                            ScreenplayReader.read(p.toString(), Files.readAllBytes(p), true));
            List<Cue> cues = Subtitles.of(plan, true, Translation.none());
            long dialogueShots = plan.shots().stream().filter(s -> BeatScore.isDialogue(s.spec())).count();
            assertTrue(cues.size() >= dialogueShots, name);
            for (int i = 0; i < cues.size(); i++) {
                Cue c = cues.get(i);
                String[] lines = c.text().split("\n");
                assertTrue(lines.length <= 2, name + ": " + c);
                for (String l : lines) {
                    assertTrue(l.length() <= 42, name + ": " + l);
                    widest = Math.max(widest, l.length());
                }
                if (i > 0) {
                    assertTrue(c.startMs() >= cues.get(i - 1).endMs(), name + ": cues overlap at " + c);
                }
                fastest = Math.max(fastest, c.text().replace("\n", "").length() * 1000.0 / (c.endMs() - c.startMs()));
            }
        }
        assertTrue(widest > 30, "some line is long enough to need wrapping: " + widest);
        assertTrue(fastest <= 20.0, "fastest cue reads at " + fastest + " characters/s");
    }

    private static long ms(Matcher m, int g) {
        return ((Long.parseLong(m.group(g)) * 60 + Long.parseLong(m.group(g + 1))) * 60 + Long.parseLong(m.group(g + 2))) * 1000
                + Long.parseLong(m.group(g + 3));
    }
}
