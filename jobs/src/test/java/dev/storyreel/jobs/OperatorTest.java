package dev.storyreel.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's view of one small sample run (64x36 @ 6 fps, local[2], plus a film that fails and
 * one with a hostile title): progress lines on a pipe, the estimate in run.json, the report page in
 * headless Chromium, and the notebooks executed by Jupyter against the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorTest {
    static final Path ROOT = FilmJobTest.ROOT;
    static final Path ARTIFACTS = ROOT.resolve("jobs/target/operator-test");
    static final String HOSTILE = "<img src=x onerror=alert(1)> & \"quotes\"";

    @TempDir
    static Path tmp;
    Path out;
    String console;
    JsonNode run;

    @BeforeAll
    void sampleRun() throws Exception {
        Path cat = tmp.resolve("catalogue");
        Files.createDirectories(cat);
        try (Stream<Path> files = Files.list(FilmJobTest.SAMPLES)) {
            for (Path f : files.toList()) {
                Files.copy(f, cat.resolve(f.getFileName()));
            }
        }
        Files.writeString(cat.resolve("catalogue.csv"), Files.readString(cat.resolve("catalogue.csv")).strip() + "\n"
                + "missing,Missing,no-such-file.fountain,,1\n"
                + "hostile,\"" + HOSTILE.replace("\"", "\"\"") + "\",hostile.fountain,,2\n");
        Files.writeString(cat.resolve("hostile.fountain"), "Title: " + HOSTILE + "\n\nINT. <B>ROOM</B> - DAY\n\nA <script>chair</script>.\n");
        out = tmp.resolve("run");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(new Tee(old, captured), true, StandardCharsets.UTF_8));
        try {
            assertEquals(1, FilmJobTest.job("--catalogue", cat.resolve("catalogue.csv").toString(), "--out", out.toString(),
                    "--estimates", ROOT.resolve("conf/estimates.yaml").toString()));
        } finally {
            System.setOut(old);
        }
        console = captured.toString(StandardCharsets.UTF_8);
        run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        Files.createDirectories(ARTIFACTS);
        Files.writeString(ARTIFACTS.resolve("console.log"), console);
    }

    @Test
    void progressOnAPipeShowsShotsFramesAndEta() throws Exception {
        String plan = Duck.table(out, "plan");
        long keys = Duck.single("select count(distinct shot_key) from " + plan);
        long frames = Duck.single("select sum(frames) from (select any_value(frames) frames from " + plan + " group by shot_key)");
        Matcher committed = Pattern.compile("\\[render] committed \\d+ (?:batch(es)?|tasks?) · shots (\\d+)/(\\d+), frames (\\d+)/(\\d+), "
                + "[0-9.]+ frames/s, elapsed \\d+:\\d\\d, ETA (\\d+:\\d\\d|--:--)").matcher(console);
        int lines = 0;
        long lastShots = -1;
        while (committed.find()) {
            lines++;
            assertEquals(keys, Long.parseLong(committed.group(3)));
            assertEquals(frames, Long.parseLong(committed.group(5)));
            assertTrue(Long.parseLong(committed.group(2)) > lastShots, "progress moves forward");
            lastShots = Long.parseLong(committed.group(2));
        }
        assertTrue(lines >= 2, "render progress lines with an ETA:\n" + console);
        assertTrue(console.contains("[render] done: shots " + keys + "/" + keys + ", frames " + frames + "/" + frames), console);
        // The procedural renderer's tasks encode each shot's segment as they commit it; assembly then only joins.
        assertTrue(console.contains("[encode] done: shots " + keys + "/" + keys)
                || console.contains("[encode] nothing to do: every shot is already done"), console);
        assertTrue(console.contains("[join] done: shots "), console);
        assertFalse(console.contains("\r"), "no carriage returns on a pipe");
        assertFalse(console.contains(" INFO "), "Spark's INFO logs are off");
    }

    @Test
    void runJsonHoldsTheEstimateAndTheActualRender() throws Exception {
        JsonNode e = run.get("estimate");
        assertEquals("calibration", e.get("method").asText());
        assertTrue(e.get("seconds_per_frame").asDouble() > 0, e.toString());
        assertEquals(2, e.get("workers").asInt());
        long frames = Duck.single("select sum(frames) from (select any_value(frames) frames from "
                + Duck.table(out, "plan") + " group by shot_key)");
        assertEquals(frames, e.get("frames").asLong());
        assertEquals(frames * e.get("seconds_per_frame").asDouble() / 2, e.get("render_seconds").asDouble(), 1e-6);
        assertEquals(0.05 * e.get("worker_hours").asDouble(), e.get("cost").asDouble(), 1e-9, "price from conf/estimates.yaml");
        JsonNode a = run.get("actual");
        assertEquals(frames, a.get("frames_rendered").asLong());
        assertEquals(run.at("/stages/render").asDouble(), a.get("render_seconds").asDouble(), 1e-9);
        assertTrue(a.get("frames_per_second").asDouble() > 0 && a.get("estimate_ratio").asDouble() > 0, a.toString());
        assertTrue(console.contains("Estimated render: "), console);
    }

    @Test
    void reportLoadsInChromiumWithAThumbnailPerShot() throws Exception {
        Path page = out.resolve("report/index.html");
        String html = Files.readString(page);
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("//cdn"), "no external URL");
        assertFalse(html.contains("<script>chair") || html.contains("<img src=x"), "screenplay text is escaped");
        Path profile = Files.createTempDirectory(tmp, "chromium");
        String dom = chromium(profile, "--dump-dom", page.toUri().toString());
        Files.writeString(ARTIFACTS.resolve("report-dom.html"), dom);
        assertTrue(dom.contains("data-images-ok=\"true\""), "every image loads: " + attr(dom, "data-images"));

        List<String> ok = new ArrayList<>();
        run.get("films").forEach(f -> {
            if ("ok".equals(f.get("status").asText())) {
                ok.add(f.get("film_id").asText());
            }
        });
        assertEquals(4, ok.size(), "three samples and the hostile film: " + ok);
        long allShots = 0;
        for (String film : ok) {
            long shots = Duck.single("select count(*) from " + Duck.table(out, "plan") + " where film_id = '" + film + "'");
            allShots += shots;
            String section = section(dom, film);
            assertTrue(section.contains("data-shots=\"" + shots + "\""), film);
            assertEquals(shots, count(section, "<img class=\"thumb\""), film + ": one thumbnail per planned shot");
            assertEquals(1, count(section, "<img class=\"poster\""), film);
            assertTrue(section.contains("<video") && section.contains("src=\"../films/" + film + ".mp4\""), film);
            assertTrue(section.contains("class=\"timeline\""), film);
            Matcher src = Pattern.compile("src=\"(thumbs/[^\"]+)\"").matcher(section);
            while (src.find()) {
                BufferedImage thumb = ImageIO.read(out.resolve("report").resolve(src.group(1)).toFile());
                assertNotNull(thumb, src.group(1));
            }
        }
        assertEquals(allShots + ok.size(), count(dom, "<img "), "thumbnails and posters only");
        String missing = section(dom, "missing");
        assertTrue(missing.contains("no-such-file.fountain") && missing.contains("screenplay not found"), missing);
        assertTrue(dom.contains("&lt;img src=x onerror=alert(1)&gt; &amp; \"quotes\""), "hostile title shown as text");

        Path shot = ARTIFACTS.resolve("report-screenshot.png");
        Files.deleteIfExists(shot);
        chromium(profile, "--screenshot=" + shot, "--window-size=1280,1600", page.toUri().toString());
        BufferedImage png = ImageIO.read(shot.toFile());
        assertNotNull(png, "screenshot written");
        assertTrue(variance(png) > 200, "screenshot is not blank: variance " + variance(png));
    }

    @Test
    void notebooksExecuteAgainstTheRun() throws Exception {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(ROOT.resolve("notebooks"))) {
            notebooks = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertTrue(notebooks.size() >= 2, "notebooks: " + notebooks);
        Path executed = ARTIFACTS.resolve("notebooks");
        Files.createDirectories(executed);
        for (Path nb : notebooks) {
            String source = Files.readString(nb);
            assertFalse(source.contains("\"output_type\""), nb + " is committed without outputs");
            Path log = executed.resolve(nb.getFileName() + ".log");
            int exit = nbconvert(nb, executed, log);
            // jupyter_client sometimes gets no answer from a kernel that has started (a known sporadic
            // failure of kernel start-up, seen here under heavy load): start it once more. A notebook
            // whose cells fail is not retried.
            if (exit != 0 && Files.readString(log).contains("Kernel didn't respond")) {
                exit = nbconvert(nb, executed, log);
            }
            assertEquals(0, exit, nb + " failed:\n" + tail(log));
        }
        JsonNode frames = new ObjectMapper().readTree(executed.resolve("frames.ipynb").toFile());
        int images = 0;
        for (JsonNode cell : frames.get("cells")) {
            for (JsonNode o : cell.path("outputs")) {
                images += o.path("data").has("image/png") ? 1 : 0;
            }
        }
        long picked = Duck.single("select count(*) from " + Duck.table(out, "plan") + " where scene = 1 and shot <= 3");
        assertTrue(picked >= 9, "picked shots: " + picked);
        assertEquals(3 * picked, images, "first, middle and last frame of each picked shot, inline");
    }

    private int nbconvert(Path nb, Path executed, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("jupyter", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.startup_timeout=120", nb.toString(),
                "--output-dir", executed.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("STORYREEL_RUN", out.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), nb + " timed out");
        return p.exitValue();
    }

    private static String chromium(Path profile, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--virtual-time-budget=5000", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(tmp, "chromium", ".log");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "chromium timed out");
        assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(log));
        return new String(stdout, StandardCharsets.UTF_8);
    }

    private static String section(String dom, String film) {
        int from = dom.indexOf("data-film=\"" + film + "\"");
        assertTrue(from >= 0, "film " + film + " listed");
        int to = dom.indexOf("</section>", from);
        return dom.substring(from, to);
    }

    private static String attr(String dom, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
        return m.find() ? m.group(1) : "(none)";
    }

    private static long count(String s, String what) {
        long n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static double variance(BufferedImage img) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int p = img.getRGB(x, y);
                double l = 0.299 * ((p >> 16) & 255) + 0.587 * ((p >> 8) & 255) + 0.114 * (p & 255);
                sum += l;
                sq += l * l;
                n++;
            }
        }
        double mean = sum / n;
        return sq / n - mean * mean;
    }

    private static String tail(Path log) throws IOException {
        String s = Files.readString(log);
        return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
