package dev.storyreel.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyreel.assemble.FfmpegCli;
import dev.storyreel.sound.AudioProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job with sound: every film variant and the trailer carry one AAC stream at broadcast loudness with
 * stems beside them, the French variant is dubbed, voices are in run.json, speech sits in the dialogue
 * shots; a rerun into the same output on another executor count synthesises nothing and decodes to the
 * same audio.
 */
class SoundJobTest {
    static final int FPS = 6;
    @TempDir
    Path tmp;

    private static int job(String master, Path cat, Path out) {
        // Delivery QC is tested with sound in QcJobTest; at 64x36 its cut detector reads a swinging lamp as a cut.
        return FilmJob.commandLine().execute("--catalogue", cat.toString(), "--out", out.toString(), "--width", "64",
                "--height", "36", "--fps", Integer.toString(FPS), "--master", master, "--voice-engine", "espeak-ng",
                "--loudness", "ebu", "--no-qc");
    }

    @Test
    void filmsVariantsAndTrailerCarryAMixedSoundtrackAndARerunSynthesisesNothing() throws Exception {
        FfmpegCli.requireRunnable();
        Path cat = tmp.resolve("cat");
        Files.createDirectories(cat);
        Files.writeString(cat.resolve("quay.fountain"), """
                Title: The Quay

                EXT. HARBOUR QUAY - NIGHT

                Rain drums on the bollards. A lamp swings.

                ODA
                (shouting)
                Cast off the line!

                PIM
                Not in this wind.

                INT. NET LOFT - NIGHT

                Nets hang from the beams. Oda shakes the rain off her coat.

                ODA
                (whispering)
                Then we wait for the tide.

                VEGA
                The tide waits for nobody.
                """);
        Files.writeString(cat.resolve("quay.fr.txt"), """
                7: Larguez l'amarre !
                11: Pas avec ce vent.
                18: Alors on attend la marée.
                22: La marée n'attend personne.
                """);
        Path csv = Files.writeString(cat.resolve("catalogue.csv"), """
                film_id,title,source,style,seed,languages,trailer
                quay,The Quay,quay.fountain,noir,11,fr,8
                """);
        Path out = tmp.resolve("out");
        assertEquals(0, job("local[2]", csv, out));
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertTrue(run.get("totals").get("lines_synthesised").asLong() > 5, run.get("totals").toString());

        Map<String, JsonNode> films = new LinkedHashMap<>();
        run.get("films").forEach(f -> films.put(f.get("variant").asText(), f));
        assertEquals(Set.of("main", "fr"), films.keySet());
        JsonNode main = films.get("main");
        JsonNode fr = films.get("fr");
        assertTrue(main.get("dub").isNull(), "the screenplay's own language is not a dub");
        assertEquals("fr", fr.get("dub").asText(), "espeak-ng speaks French: the variant is dubbed");
        Set<String> voices = new HashSet<>();
        main.get("voices").forEach(v -> voices.add(v.get("voice").asText() + "/" + v.get("pitch").asInt()));
        assertEquals(3, main.get("voices").size(), main.get("voices").toString());
        assertEquals(3, voices.size(), "three characters, three voices");
        assertEquals(main.get("voices"), fr.get("voices"), "the same cast in every variant");

        List<Path> deliverables = new ArrayList<>();
        for (JsonNode f : films.values()) {
            deliverables.add(out.resolve(f.get("file").asText()));
            for (String stem : List.of("dialogue", "music", "ambience")) {
                Path p = out.resolve(f.get("outputs").get("stems").get(stem).asText());
                assertTrue(Files.isRegularFile(p), p.toString());
            }
        }
        JsonNode otio = new ObjectMapper().readTree(out.resolve(main.get("outputs").get("otio").asText()).toFile());
        JsonNode tracks = otio.at("/tracks/children");
        assertEquals(4, tracks.size(), "a video track and three audio tracks");
        for (int i = 1; i < 4; i++) {
            assertEquals("Audio", tracks.get(i).get("kind").asText());
            Path media = out.resolve("films").resolve(tracks.get(i).at("/children/0/media_references/DEFAULT_MEDIA/target_url")
                    .asText()).normalize();
            assertTrue(Files.isRegularFile(media), "the timeline's audio track names a stem: " + media);
        }
        JsonNode trailer = run.get("trailers").get(0);
        assertEquals("ok", trailer.get("status").asText(), trailer.toString());
        deliverables.add(out.resolve(trailer.get("file").asText()));
        for (Path mp4 : deliverables) {
            String[] a = AudioProbe.audioStream(mp4);
            assertEquals(List.of("aac", "LC", "48000", "2"), List.of(a).subList(0, 4), mp4.toString());
            double vd = AudioProbe.videoDuration(mp4);
            assertTrue(Math.abs(Double.parseDouble(a[4]) - vd) < 1.0 / FPS, mp4 + ": audio " + a[4] + " video " + vd);
            double[] ebu = AudioProbe.ebur128(mp4);
            assertEquals(-23.0, ebu[0], 0.5, mp4 + " integrated loudness");
            assertTrue(ebu[1] <= -1.0, mp4 + " true peak " + ebu[1]);
        }

        // Speech inside the dialogue shots, silence in the opening establishing shot (plan rows from DuckDB).
        Path dlg = out.resolve(main.get("outputs").get("stems").get("dialogue").asText());
        short[] pcm = AudioProbe.mono(dlg, 16000);
        List<String> rows = Duck.query("select start_frame, frames, coalesce(speaker, ''), kind from "
                + Duck.table(out, "plan") + " where variant = 'main' order by start_frame");
        int dialogueShots = 0;
        for (String row : rows) {
            String[] c = row.split("\t", -1);
            double t0 = Integer.parseInt(c[0]) / (double) FPS;
            double t1 = t0 + Integer.parseInt(c[1]) / (double) FPS;
            double level = AudioProbe.levelDb(pcm, 16000, t0, t1);
            if (!c[2].isEmpty()) {
                dialogueShots++;
                assertTrue(level > -45, "speech in the dialogue shot at " + t0 + " s: " + level);
                assertTrue(AudioProbe.levelDb(pcm, 16000, t1 - 0.04, t1) < level - 6, "the line is over before the cut at " + t1);
            } else if (c[3].equals("establishing") || c[3].equals("title")) {
                assertEquals(Double.NEGATIVE_INFINITY, level, "no speech in the " + c[3] + " shot at " + t0 + " s");
            }
        }
        assertTrue(dialogueShots >= 4, "dialogue shots: " + dialogueShots);
        assertNotEquals(AudioProbe.md5(dlg), AudioProbe.md5(out.resolve(fr.get("outputs").get("stems").get("dialogue")
                .asText())), "the French variant speaks other words");

        Map<Path, String> before = new LinkedHashMap<>();
        for (Path mp4 : deliverables) {
            before.put(mp4, AudioProbe.md5(mp4));
        }
        assertEquals(0, job("local[1]", csv, out), "rerun on one executor thread");
        JsonNode again = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(0, again.get("totals").get("lines_synthesised").asLong(), "a rerun synthesises nothing");
        assertEquals(run.get("totals").get("lines_synthesised").asLong(), again.get("totals").get("lines_reused").asLong());
        for (Path mp4 : deliverables) {
            assertEquals(before.get(mp4), AudioProbe.md5(mp4), mp4 + ": the same audio whatever the executor count");
        }
        assertNull(again.get("films").get(0).get("error").textValue());
    }
}
