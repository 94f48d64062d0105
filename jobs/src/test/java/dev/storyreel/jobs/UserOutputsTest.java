package dev.storyreel.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyreel.assemble.FfmpegCli;
import dev.storyreel.assemble.FfmpegTools;
import dev.storyreel.dataset.Splits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the users ship, from one run (local[2], 64x36 at 6 fps): a variant matrix with shared shots,
 * subtitles muxed and beside the films, a trailer, the dataset, EDL/OTIO timelines, a Final Draft
 * film next to a hostile one. Checked with ffprobe/ffmpeg, DuckDB and tar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserOutputsTest {
    static final Path ROOT = FilmJobTest.ROOT;
    static final int FPS = 6;
    static final Pattern EDL_EVENT = Pattern.compile(
            "^(\\d{3,6}) +([A-Za-z0-9_]{1,8}) +V +(?:C|D +\\d{3}) +(\\d\\d):(\\d\\d):(\\d\\d):(\\d\\d) (\\S+) (\\d\\d):(\\d\\d):(\\d\\d):(\\d\\d) (\\S+)$");

    @TempDir
    static Path tmp;
    Path out;
    JsonNode run;
    Map<String, JsonNode> variants = new HashMap<>();

    @BeforeAll
    void runOnce() throws Exception {
        Path cat = tmp.resolve("catalogue");
        Files.createDirectories(cat);
        for (String f : List.of("night-ferry.fountain", "night-ferry.fr.txt")) {
            Files.copy(ROOT.resolve("samples").resolve(f), cat.resolve(f));
        }
        Files.writeString(cat.resolve("lab.fdx"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <FinalDraft DocumentType="Script" Version="5"><Content>
                <Paragraph Type="Scene Heading"><Text>INT. LAB - NIGHT</Text></Paragraph>
                <Paragraph Type="Action"><Text>A vial glows green on the bench.</Text></Paragraph>
                <Paragraph Type="Character"><Text>IDA</Text></Paragraph>
                <Paragraph Type="Dialogue"><Text>It worked!</Text></Paragraph>
                </Content></FinalDraft>
                """);
        Files.writeString(cat.resolve("evil.fdx"), "<?xml version=\"1.0\"?>\n<!DOCTYPE FinalDraft [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<FinalDraft><Content><Paragraph Type=\"Action\"><Text>&x;</Text></Paragraph></Content></FinalDraft>\n");
        Files.writeString(cat.resolve("catalogue.csv"), """
                film_id,title,source,style,seed,aspects,max_seconds,languages,trailer
                night-ferry,The Night Ferry,night-ferry.fountain,neon,11,16:9;9:16;1:1,full;15,fr,30
                lab,The Lab,lab.fdx,,5,,,,
                evil,Evil,evil.fdx,,6,,,,
                """);
        out = tmp.resolve("out");
        assertEquals(1, FilmJobTest.job("--catalogue", cat.resolve("catalogue.csv").toString(), "--out", out.toString(),
                "--dataset", "--shard-mb", "1", "--subtitle-names"), "the hostile film fails the run's exit status");
        run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        for (JsonNode f : run.get("films")) {
            variants.put(f.get("film_id").asText() + "/" + f.get("variant").asText(), f);
        }
    }

    @Test
    void everyVariantIsAnMp4OfItsAspectAndShotsAreShared() throws Exception {
        Map<String, String> sizes = Map.of("16x9", "64x36", "9x16", "36x64", "1x1", "36x36");
        int n = 0;
        for (String aspect : sizes.keySet()) {
            for (String rest : List.of("", "-fr", "-15s", "-15s-fr")) {
                JsonNode f = variants.get("night-ferry/" + aspect + rest);
                assertEquals("ok", f.get("status").asText(), f.toString());
                assertEquals("films/night-ferry/" + aspect + rest + ".mp4", f.get("file").asText());
                Map<String, String> probe = FfmpegCli.probe(out.resolve(f.get("file").asText()));
                assertEquals(sizes.get(aspect), probe.get("width") + "x" + probe.get("height"), aspect + rest);
                assertEquals(f.get("frames").asText(), probe.get("nb_read_frames"), aspect + rest);
                long planned = Duck.single("select sum(frames) from " + Duck.table(out, "plan")
                        + " where film_id = 'night-ferry' and variant = '" + aspect + rest + "'");
                assertEquals(planned, f.get("frames").asLong());
                if (rest.contains("15s")) {
                    assertTrue(planned <= 15 * FPS, aspect + rest + ": " + planned);
                }
                n++;
            }
        }
        assertEquals(12, n);
        // Three sizes of one film are rendered; languages and cut-downs reuse them.
        long distinct = Duck.single("select count(distinct shot_key) from " + Duck.table(out, "plan"));
        assertEquals(distinct, run.at("/totals/shots_rendered").asLong());
        assertEquals(3 * variants.get("night-ferry/16x9").get("shots").asLong() + variants.get("lab/main").get("shots").asLong(),
                run.at("/totals/shots_rendered").asLong(), run.get("totals").toString());
        assertTrue(run.at("/totals/shots_rendered").asLong() < run.at("/totals/shots_planned").asLong(), run.get("totals").toString());
        String frames = Duck.table(out, "frames");
        assertEquals(Duck.single("select sum(frames) from " + Duck.table(out, "plan")), Duck.single("select count(*) from " + frames));
        assertEquals(13, Duck.single("select count(distinct variant) from " + frames));
    }

    @Test
    void subtitlesAreMuxedAndBesideTheFilmTimedFromThePlan() throws Exception {
        for (String v : List.of("16x9", "9x16-15s-fr")) {
            Path mp4 = out.resolve("films/night-ferry/" + v + ".mp4");
            String streams = FfmpegCli.run(List.of(FfmpegTools.ffprobe().toString(), "-v", "error", "-select_streams", "s",
                    "-show_entries", "stream=codec_name:stream_tags=language", "-of", "csv=p=0", mp4.toString()));
            assertTrue(streams.startsWith("mov_text"), v + ": " + streams);
            assertEquals(v.endsWith("fr"), streams.contains("fra"), v + ": " + streams);
        }
        // The English cues: one per dialogue shot, at its planned start and end.
        List<String> shots = Duck.query("select start_frame, frames, speaker from " + Duck.table(out, "plan")
                + " where film_id = 'night-ferry' and variant = '16x9' and (kind = 'two_shot' or (speaker <> ''"
                + " and kind <> 'title')) order by start_frame");
        String srt = Files.readString(out.resolve("films/night-ferry/16x9.srt"));
        Matcher m = Pattern.compile("(\\d\\d):(\\d\\d):(\\d\\d),(\\d{3}) --> (\\d\\d):(\\d\\d):(\\d\\d),(\\d{3})\\n([A-Z]+): ").matcher(srt);
        int i = 0;
        while (m.find()) {
            String[] s = shots.get(i++).split("\t");
            long start = Long.parseLong(s[0]);
            assertEquals(Math.round(start * 1000.0 / FPS), ms(m, 1), "cue " + i);
            assertEquals(Math.round((start + Long.parseLong(s[1])) * 1000.0 / FPS), ms(m, 5), "cue " + i);
            assertEquals(s[2], m.group(9), "speaker name of cue " + i);
        }
        assertEquals(shots.size(), i);
        String vtt = Files.readString(out.resolve("films/night-ferry/16x9.vtt"));
        assertTrue(vtt.startsWith("WEBVTT\n"), vtt);
        assertEquals(shots.size(), vtt.lines().filter(l -> l.contains(" --> ")).count());
        String muxed = FfmpegCli.run(List.of(FfmpegTools.ffmpeg().toString(), "-v", "error", "-i",
                out.resolve("films/night-ferry/16x9-fr.mp4").toString(), "-map", "0:s:0", "-f", "srt", "-"));
        assertTrue(muxed.contains("JUNO: Retenez la barrière !"), muxed);
    }

    @Test
    void theTrailerLastsItsTargetAndReusesRenderedFrames() throws Exception {
        JsonNode t = run.get("trailers").get(0);
        assertEquals("ok", t.get("status").asText(), t.toString());
        Path mp4 = out.resolve(t.get("file").asText());
        assertEquals("trailers/night-ferry.mp4", t.get("file").asText());
        Map<String, String> probe = FfmpegCli.probe(mp4);
        double seconds = Double.parseDouble(probe.get("duration"));
        assertTrue(Math.abs(seconds - 30) <= 1.5, "trailer lasts " + seconds + " s");
        assertEquals(String.valueOf(30 * FPS), probe.get("nb_read_frames"));
        assertTrue(t.get("cuts").asInt() >= 6, t.toString());
    }

    @Test
    void finalDraftFilmsRenderAndAHostileOneFailsAlone() throws Exception {
        JsonNode lab = variants.get("lab/main");
        assertEquals("ok", lab.get("status").asText(), lab.toString());
        assertEquals("films/lab.mp4", lab.get("file").asText());
        assertEquals(lab.get("frames").asText(), FfmpegCli.probe(out.resolve("films/lab.mp4")).get("nb_read_frames"));
        JsonNode evil = variants.get("evil/main");
        assertEquals("failed", evil.get("status").asText());
        assertTrue(evil.at("/error/message").asText().contains("DOCTYPE"), evil.toString());
        assertTrue(evil.get("file").isNull());
        assertEquals(1, run.at("/totals/films_failed").asInt());
    }

    @Test
    void datasetHasOneCaptionRowPerClipAndShardsOfPairs() throws Exception {
        List<Path> clips;
        try (Stream<Path> files = Files.walk(out.resolve("dataset"))) {
            clips = files.filter(p -> p.getFileName().toString().endsWith(".mp4")).toList();
        }
        String captions = "read_parquet('" + out.resolve("dataset") + "/**/*.parquet')";
        assertEquals(clips.size(), Duck.single("select count(*) from " + captions));
        assertEquals(Duck.single("select count(distinct shot_key) from " + Duck.table(out, "plan")), clips.size());
        assertEquals(0, Duck.single("select count(*) from " + captions + " where len(frame_sha256) <> frames"
                + " or caption = '' or renderer <> 'procedural' or fps <> " + FPS + " or width * height = 0"));
        List<String> columns = Duck.query("select column_name from (describe select * from " + captions + ")");
        assertTrue(columns.containsAll(List.of("clip", "film_id", "variant", "scene", "shot", "caption", "negative_prompt",
                "characters", "location", "camera", "seed", "renderer", "renderer_version", "model_id", "fps", "width",
                "height", "frames", "frame_sha256", "split")), columns.toString());
        assertEquals(List.of(Splits.of("night-ferry")), Duck.query("select distinct split from " + captions
                + " where film_id = 'night-ferry'"));
        // A clip is its shot's segment, frame for frame.
        String clip = Duck.query("select clip || '\t' || frames from " + captions + " order by shot_key limit 1").get(0);
        assertEquals(clip.split("\t")[1], FfmpegCli.probe(out.resolve("dataset").resolve(clip.split("\t")[0])).get("nb_read_frames"));
        List<String> names = new ArrayList<>();
        try (Stream<Path> shards = Files.list(out.resolve("dataset/shards"))) {
            for (Path shard : shards.sorted().toList()) {
                Process p = new ProcessBuilder("tar", "-tf", shard.toString()).redirectErrorStream(true).start();
                names.addAll(new String(p.getInputStream().readAllBytes()).lines().toList());
                assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, shard.toString());
            }
        }
        assertEquals(2L * clips.size(), names.size());
        for (int i = 0; i < names.size(); i += 2) {
            assertTrue(names.get(i).endsWith(".mp4") && names.get(i + 1).equals(names.get(i).replace(".mp4", ".json")),
                    names.get(i) + ", " + names.get(i + 1));
        }
    }

    @Test
    void edlAndOtioReferenceEveryShotClip() throws Exception {
        List<String> edl = Files.readAllLines(out.resolve("films/night-ferry/9x16.edl"));
        assertEquals("FCM: NON-DROP FRAME", edl.get(1));
        List<String> plan = Duck.query("select start_frame, frames from " + Duck.table(out, "plan")
                + " where film_id = 'night-ferry' and variant = '9x16' order by start_frame");
        // One event per shot; a dissolve or fade is the shot's D event after a zero-length line of the reel it
        // comes from (the previous shot's, or black), which is no shot of its own.
        List<Matcher> events = edl.stream().map(EDL_EVENT::matcher).filter(Matcher::matches)
                .filter(m -> !(m.group(3) + ":" + m.group(4) + ":" + m.group(5) + ":" + m.group(6)).equals(m.group(7)))
                .toList();
        assertEquals(plan.size(), events.size());
        for (int i = 0; i < events.size(); i++) {
            String[] p = plan.get(i).split("\t");
            Matcher e = events.get(i);
            assertEquals(i + 1, Integer.parseInt(e.group(1)));
            long recordIn = ((Long.parseLong(e.group(8)) * 60 + Long.parseLong(e.group(9))) * 60
                    + Long.parseLong(e.group(10))) * FPS + Long.parseLong(e.group(11));
            assertEquals(3600L * FPS + Long.parseLong(p[0]), recordIn, "record in of event " + (i + 1));
        }
        for (String line : edl) {
            if (line.startsWith("* SOURCE FILE: ")) {
                Path media = out.resolve("films/night-ferry").resolve(line.substring(15)).normalize();
                assertTrue(Files.isRegularFile(media), line);
            }
        }
        JsonNode otio = new ObjectMapper().readTree(out.resolve("films/night-ferry/9x16.otio").toFile());
        assertEquals("Timeline.1", otio.get("OTIO_SCHEMA").asText());
        JsonNode track = otio.at("/tracks/children/0");
        assertEquals("Track.1", track.get("OTIO_SCHEMA").asText());
        List<JsonNode> clips = new java.util.ArrayList<>();
        for (JsonNode item : track.get("children")) {
            // Clips, and the director's dissolves and fades between them.
            assertTrue(List.of("Clip.2", "Transition.1").contains(item.get("OTIO_SCHEMA").asText()), item.toString());
            if (item.get("OTIO_SCHEMA").asText().equals("Clip.2")) {
                clips.add(item);
            }
        }
        assertEquals(plan.size(), clips.size());
        for (JsonNode clip : clips) {
            assertTrue(clip.get("name").asText().matches("SC\\d\\dSH\\d\\d"), clip.get("name").asText());
            String url = clip.at("/media_references/DEFAULT_MEDIA/target_url").asText();
            assertTrue(Files.isRegularFile(out.resolve("films/night-ferry").resolve(url).normalize()), url);
        }
    }

    private static long ms(Matcher m, int g) {
        return ((Long.parseLong(m.group(g)) * 60 + Long.parseLong(m.group(g + 1))) * 60 + Long.parseLong(m.group(g + 2))) * 1000
                + Long.parseLong(m.group(g + 3));
    }
}
