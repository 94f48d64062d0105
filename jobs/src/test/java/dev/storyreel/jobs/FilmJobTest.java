package dev.storyreel.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyreel.assemble.FfmpegCli;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The film job end to end on Spark local[2]: the sample catalogue plus broken films, checked with
 * ffprobe/ffmpeg and DuckDB; determinism across runs; resume after a real kill.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilmJobTest {
    static final Path ROOT = Path.of(System.getProperty("storyreel.root", "..")).toAbsolutePath().normalize();
    static final Path SAMPLES = ROOT.resolve("samples");
    static final String[] SIZE = {"--width", "64", "--height", "36", "--fps", "6"};
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    Path withBroken;
    Path clean;
    int withBrokenExit;
    JsonNode withBrokenRun;
    List<String> sampleFilms;

    @BeforeAll
    void runTwice() throws Exception {
        Path cat = tmp.resolve("catalogue");
        copyTree(SAMPLES, cat);
        Files.write(cat.resolve("latin1.fountain"), bytes("Title: Latin\n\nINT. CAFE - DAY\n\nCaf", 0xE9, " au lait.\n"));
        Files.writeString(cat.resolve("open-boneyard.fountain"), "INT. ROOM - DAY\n\nA chair.\n\n/* cut from here\n\nMore.\n");
        Files.writeString(cat.resolve("catalogue.csv"), Files.readString(SAMPLES.resolve("catalogue.csv")).strip() + "\n"
                + "missing,Missing,no-such-file.fountain,,1\n"
                + "latin1,Latin,latin1.fountain,,2\n"
                + "open-boneyard,Open,open-boneyard.fountain,,3\n");
        sampleFilms = Files.readAllLines(SAMPLES.resolve("catalogue.csv")).stream().skip(1)
                .filter(l -> !l.isBlank()).map(l -> l.substring(0, l.indexOf(','))).toList();

        withBroken = tmp.resolve("a");
        withBrokenExit = job("--catalogue", cat.resolve("catalogue.csv").toString(), "--out", withBroken.toString());
        withBrokenRun = JSON.readTree(withBroken.resolve("run.json").toFile());
        // The second run has another topology: one core instead of two, smaller commits.
        clean = tmp.resolve("b");
        assertEquals(0, job("--catalogue", SAMPLES.resolve("catalogue.csv").toString(), "--out", clean.toString(),
                "--master", "local[1]", "--wave-shots", "5"));
    }

    @Test
    void everyGoodFilmIsAnH264Mp4WithThePlannedFrames() throws Exception {
        assertEquals(sampleFilms.size(), count(withBrokenRun, "ok"));
        for (JsonNode film : withBrokenRun.get("films")) {
            if (!"ok".equals(film.get("status").asText())) {
                continue;
            }
            String id = film.get("film_id").asText();
            Path mp4 = withBroken.resolve(film.get("file").asText());
            assertEquals("films/" + id + ".mp4", film.get("file").asText());
            Map<String, String> probe = FfmpegCli.probe(mp4);
            assertEquals(List.of("h264", "yuv420p", "64", "36", "6/1"), List.of(probe.get("codec_name"), probe.get("pix_fmt"),
                    probe.get("width"), probe.get("height"), probe.get("r_frame_rate")), id);
            long planned = Duck.single("select sum(frames) from " + Duck.table(withBroken, "plan") + " where film_id='" + id + "'");
            assertEquals(planned, film.get("frames").asLong(), id);
            assertEquals(planned, Long.parseLong(probe.get("nb_read_frames")), id);
            assertTrue(planned > 6 * 60, id + " runs over a minute: " + planned + " frames");
        }
    }

    @Test
    void framesTableHoldsOnePlannedFrameEach() throws Exception {
        String frames = Duck.table(withBroken, "frames");
        String plan = Duck.table(withBroken, "plan");
        assertEquals(Duck.single("select sum(frames) from " + plan), Duck.single("select count(*) from " + frames));
        assertEquals(0, Duck.single("select count(*) from (select film_id, variant, scene, shot, frame, count(*) c from "
                + frames + " group by all having c > 1)"));
        // Rows line up with the plan: each shot's frames 0..n-1 at film frames start..start+n-1, same key.
        assertEquals(0, Duck.single("select count(*) from " + frames + " f join " + plan + " p using (film_id, variant, scene, shot)"
                + " where f.shot_key <> p.shot_key or f.frame >= p.frames or f.film_frame <> p.start_frame + f.frame"));
        assertEquals(List.of("bgr24-zstd\t64\t36"), Duck.query("select distinct codec, width, height from " + frames));
        assertEquals(List.of("main"), Duck.query("select distinct variant from " + frames));
        // frames/_SUCCESS names the commit protocol and lists exactly the table's files.
        JsonNode success = JSON.readTree(withBroken.resolve("frames/_SUCCESS").toFile());
        assertEquals("storyreel-frames-commit", success.path("committer").asText());
        List<String> listed = new java.util.ArrayList<>();
        success.path("filenames").forEach(f -> listed.add(f.asText()));
        try (Stream<Path> files = Files.walk(withBroken.resolve("frames"))) {
            assertEquals(files.filter(f -> f.toString().endsWith(".parquet"))
                    .map(f -> withBroken.relativize(f).toString()).sorted().toList(), listed);
        }
    }

    @Test
    void brokenFilmsFailAloneNamingFileAndLine() {
        assertEquals(1, withBrokenExit);
        Map<String, JsonNode> byId = new HashMap<>();
        withBrokenRun.get("films").forEach(f -> byId.put(f.get("film_id").asText(), f));
        assertError(byId.get("missing"), "no-such-file.fountain", 0, "screenplay not found");
        assertError(byId.get("latin1"), "latin1.fountain", 5, "UTF-8");
        assertError(byId.get("open-boneyard"), "open-boneyard.fountain", 5, "boneyard");
        assertEquals(3, withBrokenRun.at("/totals/films_failed").asInt());
        assertFalse(Files.exists(withBroken.resolve("films/missing.mp4")));
    }

    @Test
    void twoRunsGiveIdenticalFramesAndFilms() throws Exception {
        assertEquals(frameHashes(clean), frameHashes(withBroken));
        for (String id : sampleFilms) {
            Path a = withBroken.resolve("films/" + id + ".mp4");
            Path b = clean.resolve("films/" + id + ".mp4");
            assertEquals(FfmpegCli.frameMd5(a), FfmpegCli.frameMd5(b), id);
        }
    }

    @Test
    void aKilledRunResumesWithOnlyTheMissingShots() throws Exception {
        Path out = tmp.resolve("resumed");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + ROOT.resolve("conf/log4j2.properties")));
        cmd.addAll(List.of(System.getProperty("storyreel.jvm.opens").trim().split("\\s+")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), FilmJob.class.getName(),
                "--catalogue", SAMPLES.resolve("catalogue.csv").toString(), "--out", out.toString(), "--wave-shots", "1"));
        cmd.addAll(List.of(SIZE));
        cmd.addAll(List.of("--master", "local[2]"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int waves = 0;
            while ((line = r.readLine()) != null) {
                // Kill (SIGKILL) right after the third committed wave: a real crash, mid-stage.
                if (line.startsWith("[render] committed") && ++waves == 3) {
                    p.destroyForcibly();
                    break;
                }
            }
        }
        p.waitFor();
        assertFalse(Files.exists(out.resolve("run.json")), "the killed run got to the end");
        List<String> committed = Duck.query("select distinct shot_key from " + Duck.table(out, "frames") + " order by 1");
        assertTrue(committed.size() >= 3, "shots committed before the kill: " + committed.size());
        // Even right after the kill the table holds whole shots, each frame once: tasks in flight
        // left only staging files outside frames/, which no reader's glob sees.
        assertEquals(0, Duck.single("select count(*) from (select film_id, variant, scene, shot, frame, count(*) c from "
                + Duck.table(out, "frames") + " group by all having c > 1)"));
        assertEquals(0, Duck.single("select count(*) from (select film_id, variant, scene, shot, count(*) n, max(frame) m from "
                + Duck.table(out, "frames") + " group by all having n <> m + 1)"));

        assertEquals(0, job("--catalogue", SAMPLES.resolve("catalogue.csv").toString(), "--out", out.toString()));
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        List<String> planned = Duck.query("select distinct shot_key from " + Duck.table(out, "plan") + " order by 1");
        assertTrue(planned.containsAll(committed));
        // Shots are counted by key: a key used twice in a film is rendered once.
        assertEquals(planned.size() - committed.size(), run.at("/totals/shots_rendered").asLong());
        assertEquals(frameHashes(clean), frameHashes(out));
        for (String id : sampleFilms) {
            assertEquals(FfmpegCli.frameMd5(clean.resolve("films/" + id + ".mp4")), FfmpegCli.frameMd5(out.resolve("films/" + id + ".mp4")));
        }
        // The rerun cleaned up after the killed one and compacted: at most 3 files per film.
        assertFalse(Files.exists(out.resolve("_frames-work")), "staging left behind");
        assertEquals(0, Duck.single("select count(*) from (select film_id, count(distinct filename) n from read_parquet('"
                + out.resolve("frames") + "/**/*.parquet', hive_partitioning=true, filename=true) group by 1 having n > 3)"));
        // A second rerun has nothing left to render and leaves the films as they were.
        assertEquals(0, job("--catalogue", SAMPLES.resolve("catalogue.csv").toString(), "--out", out.toString()));
        assertEquals(0, JSON.readTree(out.resolve("run.json").toFile()).at("/totals/shots_rendered").asLong());
        try (Stream<Path> films = Files.list(out.resolve("films"))) {
            // Beside each film: its subtitles and editorial timelines; no other (partial) file.
            assertEquals(sampleFilms.stream().flatMap(f -> Stream.of(".mp4", ".srt", ".vtt", ".edl", ".otio").map(x -> f + x))
                            .sorted().toList(),
                    films.map(f -> f.getFileName().toString()).sorted().toList(), "only whole MP4s in films/");
        }
    }

    @Test
    void editingAScreenplayRerendersOnlyWhatChanged() throws Exception {
        Path cat = tmp.resolve("edited-catalogue");
        copyTree(SAMPLES, cat);
        Path script = cat.resolve("lighthouse.fountain");
        List<String> lines = new ArrayList<>(Files.readAllLines(script));
        int cue = lines.indexOf("MARTA");
        assertTrue(cue > 0, "the sample has a MARTA cue");
        int line = cue + 1;
        while (lines.get(line).startsWith("(")) {
            line++;
        }
        lines.set(line, "The lamp is lit. Go home.");
        Files.write(script, lines);
        Path out = tmp.resolve("edited");
        copyTree(clean, out);

        assertEquals(0, job("--catalogue", cat.resolve("catalogue.csv").toString(), "--out", out.toString()));
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        List<String> before = Duck.query("select distinct shot_key from " + Duck.table(clean, "plan"));
        long changed = Duck.query("select distinct shot_key from " + Duck.table(out, "plan")).stream()
                .filter(k -> !before.contains(k)).count();
        assertTrue(changed >= 1 && changed <= 3, "changed shots: " + changed);
        assertEquals(changed, run.at("/totals/shots_rendered").asLong());
        // The old take of the edited shot is gone: one row per planned frame, all with current keys.
        String frames = Duck.table(out, "frames");
        String plan = Duck.table(out, "plan");
        assertEquals(Duck.single("select sum(frames) from " + plan), Duck.single("select count(*) from " + frames));
        assertEquals(0, Duck.single("select count(*) from " + frames + " f left join " + plan
                + " p using (film_id, variant, scene, shot, shot_key) where p.frames is null"));
        Path mp4 = out.resolve("films/lighthouse.mp4");
        long planned = Duck.single("select sum(frames) from " + plan + " where film_id = 'lighthouse'");
        assertEquals(planned, Long.parseLong(FfmpegCli.probe(mp4).get("nb_read_frames")));
        assertTrue(!FfmpegCli.frameMd5(mp4).equals(FfmpegCli.frameMd5(clean.resolve("films/lighthouse.mp4"))));
    }

    @Test
    void planOnlyWritesThePlanAndNothingElse() throws Exception {
        Path out = tmp.resolve("plan-only");
        assertEquals(0, job("--catalogue", SAMPLES.resolve("catalogue.csv").toString(), "--out", out.toString(), "--plan-only"));
        assertTrue(Duck.single("select count(*) from " + Duck.table(out, "plan")) > 30);
        assertFalse(Files.exists(out.resolve("frames")));
        assertFalse(Files.exists(out.resolve("films")));
        assertEquals(sampleFilms.size(), count(JSON.readTree(out.resolve("run.json").toFile()), "planned"));
        // The executors wrote plan/ and the bibles: the same rows as the rendering run's driver wrote.
        for (String table : List.of("plan", "characters", "locations")) {
            String rows = "select md5(string_agg(to_json(t)::varchar, '|' order by to_json(t)::varchar)) from "
                    + Duck.table(out, table) + " t";
            String same = "select md5(string_agg(to_json(t)::varchar, '|' order by to_json(t)::varchar)) from "
                    + Duck.table(clean, table) + " t";
            assertTrue(Duck.single("select count(*) from " + Duck.table(out, table)) > 0, table);
            assertEquals(Duck.query(same), Duck.query(rows), table + " differs from the rendering run's");
        }
    }

    @Test
    void helpShowsDefaultsAndExamplesAndBadOptionsExitTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var cli = FilmJob.commandLine();
        cli.setOut(new java.io.PrintWriter(out, true));
        assertEquals(0, cli.execute("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("--width") && help.contains("Default: 640") && help.contains("Examples:"), help);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var bad = FilmJob.commandLine();
        bad.setErr(new java.io.PrintWriter(err, true));
        assertEquals(2, bad.execute("--width", "wide"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("storyreel: "), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, FilmJob.commandLine().execute("--width", "641"));
        assertEquals(2, FilmJob.commandLine().execute("--codec", "gif"));
    }

    private static void assertError(JsonNode film, String file, int line, String message) {
        assertEquals("failed", film.get("status").asText(), film.toString());
        assertTrue(film.at("/error/file").asText().endsWith(file), film.toString());
        assertEquals(line, film.at("/error/line").asInt(), film.toString());
        assertTrue(film.at("/error/message").asText().contains(message), film.toString());
        assertTrue(film.get("file").isNull(), film.toString());
    }

    private static long count(JsonNode run, String status) {
        long n = 0;
        for (JsonNode f : run.get("films")) {
            n += status.equals(f.get("status").asText()) ? 1 : 0;
        }
        return n;
    }

    private static List<String> frameHashes(Path out) throws Exception {
        return Duck.query("select film_id, variant, scene, shot, frame, md5(data) from " + Duck.table(out, "frames")
                + " where film_id in (select film_id from " + Duck.table(out, "plan") + ") order by all");
    }

    static int job(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(SIZE));
        if (!all.contains("--master")) {
            all.addAll(List.of("--master", "local[2]"));
        }
        if (!all.contains("--delivery")) {
            // Delivery QC runs in the tests that name their delivery profiles (QcJobTest).
            all.add("--no-qc");
        }
        if (!all.contains("--voice-engine")) {
            // Sound is tested on its own (SoundJobTest); these tests keep their films silent and quick.
            all.add("--no-sound");
        }
        return FilmJob.commandLine().execute(all.toArray(String[]::new));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path dst = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(f, dst);
                }
            }
        }
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof Integer i) {
                b.write(i);
            } else {
                b.writeBytes(p.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return b.toByteArray();
    }
}
