package dev.storyreel.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyreel.assemble.EncoderSettings;
import dev.storyreel.assemble.FfmpegCli;
import dev.storyreel.assemble.FfmpegTools;
import dev.storyreel.assemble.ShotEncoder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery QC in the job: every deliverable (film variants, trailer) is checked and reported; a film
 * whose shot was replaced by a flashing one fails PSE QC while the other film is unaffected; a film
 * without sound fails loudness QC unless the run is silent by request.
 */
class QcJobTest {
    static final Path DELIVERY = Path.of("..", "conf", "delivery.yaml");
    static final int FPS = 8;
    /** Three short scenes, two speakers (original text for this test). */
    static final String SCREENPLAY = """
            Title: Harbour Lights

            EXT. HARBOUR WALL - NIGHT

            Waves slap the stones. PIA (30s) climbs the steps with a lantern.

            PIA
            Is anyone still out there?

            INT. NET LOFT - NIGHT

            OSKAR (60s) mends a net by the stove.

            OSKAR
            Only the gulls, and they never answer.

            PIA
            Then I will wait for the boat.

            EXT. HARBOUR WALL - DAWN

            The first boat rounds the point, engine coughing.
            """;

    @TempDir
    Path tmp;

    int job(Path out, Path catalogue, String... more) {
        List<String> args = new ArrayList<>(List.of("--catalogue", catalogue.toString(), "--out", out.toString(),
                "--width", "64", "--height", "36", "--fps", String.valueOf(FPS), "--master", "local[2]",
                "--delivery", DELIVERY.toString(), "--trailer", "6"));
        args.addAll(List.of(more));
        return FilmJob.commandLine().execute(args.toArray(String[]::new));
    }

    @Test
    void everyDeliverableIsCheckedAPlantedFlashingShotFailsItsFilmOnlyAndSilenceFailsLoudness() throws Exception {
        Path cat = tmp.resolve("cat");
        Files.createDirectories(cat);
        Files.writeString(cat.resolve("harbour.fountain"), SCREENPLAY);
        Files.writeString(cat.resolve("catalogue.csv"), "film_id,title,source,style,seed\n"
                + "ferry-a,Harbour A,harbour.fountain,neon,11\nferry-b,Harbour B,harbour.fountain,sepia,12\n");
        Path out = tmp.resolve("out");

        // 1. A silent run by request: every deliverable is checked, loudness skipped, everything passes.
        int first = job(out, cat.resolve("catalogue.csv"), "--no-sound");
        JsonNode run = FilmJobTest.JSON.readTree(out.resolve("run.json").toFile());
        assertEquals(0, first, run.toString());
        assertEquals("ebu", run.at("/settings/qc").asText());
        List<JsonNode> deliverables = deliverables(run);
        assertEquals(4, deliverables.size(), "two films and two trailers: " + run);
        for (JsonNode d : deliverables) {
            JsonNode qc = d.get("qc");
            assertNotNull(qc, d.toString());
            assertEquals("pass", qc.get("status").asText(), d.toString());
            assertEquals("ok", d.get("status").asText());
            assertEquals("skipped", qc.get("loudness").asText());
            assertTrue(qc.get("integrated_lufs").isNull());
            assertTrue(qc.get("flashes_max_per_s").asDouble() <= 3.0, qc.toString());
            assertTrue(qc.get("subtitle_max_line_chars").asInt() <= 42, qc.toString());
            assertTrue(qc.at("/cuts/matched").asInt() >= 0.8 * qc.at("/cuts/planned").asInt(), qc.toString());
            assertEquals(d.get("frames").asInt(), qc.get("video_frames").asInt());
        }
        assertTrue(Files.readString(out.resolve("report/index.html")).contains("Delivery QC"));

        // 2. Plant a flashing shot: replace a segment only ferry-b uses by black and white frames swapping
        // every frame (8 transitions, 4 flashes a second); the rerun renders nothing, joins the films again
        // from their segments and checks them.
        Map<String, Integer> a = segments(out.resolve("films/ferry-a.edl"));
        Map<String, Integer> b = segments(out.resolve("films/ferry-b.edl"));
        String planted = b.entrySet().stream().filter(e -> !a.containsKey(e.getKey()) && e.getValue() >= 2 * FPS)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Path segment = out.resolve("films").resolve(planted).normalize();
        Files.delete(segment);
        try (ShotEncoder enc = new ShotEncoder(segment, new EncoderSettings(64, 36, FPS, "veryfast", 20))) {
            for (int i = 0; i < b.get(planted); i++) {
                enc.write(flat(i % 2 == 0 ? Color.WHITE : Color.BLACK));
            }
        }
        // The rerun asks for sound (no --no-sound): a film without an audio stream fails loudness QC too.
        int rc = job(out, cat.resolve("catalogue.csv"));
        run = FilmJobTest.JSON.readTree(out.resolve("run.json").toFile());
        assertEquals(1, rc, "a deliverable failed QC: exit 1");
        JsonNode fa = film(run, "ferry-a");
        JsonNode fb = film(run, "ferry-b");
        assertEquals("qc_failed", fb.get("status").asText(), fb.toString());
        assertTrue(fb.at("/qc/flashes_max_per_s").asDouble() > 3.0, fb.toString());
        assertTrue(reasons(fb).stream().anyMatch(r -> r.startsWith("photosensitive flash risk")), fb.toString());
        assertNotNull(fb.get("file").asText(null), "a film that failed QC is still delivered");
        assertTrue(fa.at("/qc/flashes_max_per_s").asDouble() <= 3.0, fa.toString());
        assertEquals(run.at("/totals/deliverables_qc_failed").asInt(),
                deliverables(run).stream().filter(d -> d.get("status").asText().equals("qc_failed")).count());
        assertEquals(0, run.at("/totals/films_failed").asInt(), "QC failures fail no film");
        // The independent decoder reads every planned frame of the delivered film.
        FfmpegCli.requireRunnable();
        assertEquals(fb.get("frames").asInt(), FfmpegCli.frameMd5(out.resolve(fb.get("file").asText())).size());

        // 3. Sound asked for: a film without an audio stream fails loudness QC (and nothing else fails the other
        // film); once the soundtrack is muxed in, its loudness is measured instead.
        boolean hasAudio = !FfmpegCli.run(List.of(FfmpegTools.ffprobe().toString(), "-v", "error", "-select_streams", "a",
                "-show_entries", "stream=index", "-of", "csv=p=0", out.resolve(fa.get("file").asText()).toString())).isBlank();
        if (hasAudio) {
            assertEquals("measured", fa.at("/qc/loudness").asText(), fa.toString());
            assertFalse(fa.at("/qc/integrated_lufs").isNull(), fa.toString());
            assertTrue(reasons(fa).stream().noneMatch(r -> r.startsWith("photosensitive")), fa.toString());
        } else {
            assertEquals("qc_failed", fa.get("status").asText(), fa.toString());
            assertEquals("no_audio", fa.at("/qc/loudness").asText());
            assertEquals(List.of("no audio stream: a silent deliverable fails loudness QC (run with --no-sound for a "
                    + "silent run)"), reasons(fa), "only loudness fails: " + fa);
            assertTrue(reasons(fb).get(0).startsWith("no audio stream"), fb.toString());
        }
    }

    private static List<String> reasons(JsonNode deliverable) {
        List<String> out = new ArrayList<>();
        deliverable.at("/qc/reasons").forEach(r -> out.add(r.asText()));
        return out;
    }

    private static List<JsonNode> deliverables(JsonNode run) {
        List<JsonNode> out = new ArrayList<>();
        run.get("films").forEach(out::add);
        run.get("trailers").forEach(t -> {
            if (!t.get("file").isNull()) {
                out.add(t);
            }
        });
        return out;
    }

    private static JsonNode film(JsonNode run, String id) {
        for (JsonNode f : run.get("films")) {
            if (f.get("film_id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no film " + id + " in " + run);
    }

    /** The segments of a film's EDL (paths relative to the EDL's folder) and their frame counts. */
    private static Map<String, Integer> segments(Path edl) throws Exception {
        Map<String, Integer> out = new LinkedHashMap<>();
        int frames = 0;
        for (String line : Files.readAllLines(edl)) {
            String[] c = line.trim().split("\\s+");
            if (c.length == 8 && c[0].matches("\\d{3}")) {
                frames = frames(c[5]) - frames(c[4]);
            } else if (line.startsWith("* SOURCE FILE: ")) {
                out.put(line.substring("* SOURCE FILE: ".length()).trim(), frames);
            }
        }
        return out;
    }

    private static int frames(String timecode) {
        String[] t = timecode.split(":");
        return ((Integer.parseInt(t[0]) * 60 + Integer.parseInt(t[1])) * 60 + Integer.parseInt(t[2])) * FPS
                + Integer.parseInt(t[3]);
    }

    private static BufferedImage flat(Color c) {
        BufferedImage img = new BufferedImage(64, 36, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 64, 36);
        g.dispose();
        return img;
    }
}
