package dev.storyreel.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.storyreel.jobs.store.OutputLock;
import dev.storyreel.jobs.store.RunLayout;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's failure cases (issue "Reliability"), each on a one-film catalogue at 64x36, 6 fps:
 * options refused before Spark starts, a guarded and locked --out, ids, confined sources and limits in
 * one plan-only run, and a stage that fails still ending with run.json.
 */
class ReliabilityJobTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SCREENPLAY = "INT. ROOM - DAY\n\nShe waits by the window.\n\nMARTA\nHello.\n";

    @TempDir
    Path tmp;

    /** Runs the job in this JVM; returns its exit status and what it printed on stderr. */
    record Run(int exit, String err) {
    }

    static Run job(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        String[] defaults = {"--width", "64", "--height", "36", "--fps", "6", "--master", "local[2]"};
        for (int i = 0; i < defaults.length; i += 2) {
            if (!all.contains(defaults[i])) {
                all.addAll(List.of(defaults[i], defaults[i + 1]));
            }
        }
        // Silent, unchecked films: these tests are about the output folder, not the soundtrack or delivery QC
        // (a 64x36, 6 fps film would fail QC's checks by design).
        all.addAll(List.of("--no-sound", "--no-qc"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cmd = FilmJob.commandLine();
        cmd.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        int exit = cmd.execute(all.toArray(String[]::new));
        return new Run(exit, err.toString(StandardCharsets.UTF_8));
    }

    Path tinyCatalogue() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tiny"));
        Files.writeString(dir.resolve("tiny.fountain"), SCREENPLAY);
        return Files.writeString(dir.resolve("catalogue.csv"), "film_id,title,source,style,seed\ntiny,Tiny,tiny.fountain,,1\n");
    }

    static String firstLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    }

    @Test
    void optionsTheEncoderWouldRefuseExitTwoBeforeAnythingIsWritten() throws Exception {
        String cat = tinyCatalogue().toString();
        Map<String, String[]> bad = Map.of(
                "preset", new String[] {"--preset", "nope"},
                "width", new String[] {"--width", "100000"},
                "wave", new String[] {"--wave-shots", "-3"});
        Map<String, String> said = new HashMap<>();
        for (var e : bad.entrySet()) {
            Path out = tmp.resolve("bad-" + e.getKey());
            List<String> args = new ArrayList<>(List.of("--catalogue", cat, "--out", out.toString()));
            args.addAll(List.of(e.getValue()));
            Run r = job(args.toArray(String[]::new));
            assertEquals(2, r.exit(), e.getKey() + ": " + r.err());
            assertFalse(Files.exists(out), e.getKey() + ": the output folder was created");
            assertFalse(r.err().contains("\tat "), e.getKey() + ": a stack trace: " + r.err());
            said.put(e.getKey(), firstLine(r.err()));
        }
        assertTrue(said.get("preset").startsWith("storyreel: --preset 'nope' is not an x264 preset (one of ultrafast,"),
                said.get("preset"));
        assertTrue(said.get("width").contains("--width 100000") && said.get("width").contains("limit of 7680x4320"),
                said.get("width"));
        assertEquals("storyreel: --wave-shots must be 0 (four per core) or more, got -3", said.get("wave"));
    }

    @Test
    void anOutThatIsAFileTheRootTheHomeOrSomeoneElsesFolderIsRefused() throws Exception {
        String cat = tinyCatalogue().toString();
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        Run onFile = job("--catalogue", cat, "--out", file.toString());
        assertEquals(2, onFile.exit());
        assertEquals("x", Files.readString(file));
        assertEquals(1, onFile.err().lines().filter(l -> !l.isBlank()).count(), onFile.err());
        assertEquals("storyreel: --out " + file + " is an existing file, not a folder", firstLine(onFile.err()));

        Run onRoot = job("--catalogue", cat, "--out", "/");
        assertEquals(2, onRoot.exit());
        assertEquals("storyreel: --out / is the filesystem root: choose a folder for this run", firstLine(onRoot.err()));

        Path home = Files.createDirectories(tmp.resolve("home/user"));
        Files.writeString(home.resolve(".profile"), "keep\n");
        String savedHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            Run onHome = job("--catalogue", cat, "--out", home.toString());
            assertEquals(2, onHome.exit());
            assertTrue(firstLine(onHome.err()).contains("is the home folder"), onHome.err());
            Run above = job("--catalogue", cat, "--out", home.getParent().toString());
            assertEquals(2, above.exit());
            assertTrue(firstLine(above.err()).contains("is the home folder or a folder above it"), above.err());
        } finally {
            System.setProperty("user.home", savedHome);
        }
        assertEquals(List.of(".profile"), list(home));

        Path user = Files.createDirectories(tmp.resolve("user/plan"));
        Files.writeString(user.resolve("mine.txt"), "mine");
        Files.writeString(user.getParent().resolve("notes.txt"), "notes");
        Run foreign = job("--catalogue", cat, "--out", user.getParent().toString());
        assertEquals(2, foreign.exit());
        assertTrue(firstLine(foreign.err()).contains("is a non-empty folder that is not a storyreel output"), foreign.err());
        assertTrue(firstLine(foreign.err()).contains("--force"), foreign.err());
        assertEquals(List.of("notes.txt", "plan"), list(user.getParent()));

        // With --force the run writes there (its plan table beside the user's file) and deletes nothing it finds.
        Run forced = job("--catalogue", cat, "--out", user.getParent().toString(), "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertEquals("mine", Files.readString(user.resolve("mine.txt")));
        assertEquals("notes", Files.readString(user.getParent().resolve("notes.txt")));
        assertEquals(Duck.single("select sum(frames) from " + Duck.table(user.getParent(), "plan")),
                Duck.single("select count(*) from " + Duck.table(user.getParent(), "frames")));
        assertTrue(Files.isRegularFile(user.getParent().resolve("films/tiny.mp4")));
        assertFalse(Files.exists(user.getParent().resolve(RunLayout.LOCK)), "the lock is released at the end");
        // Now a storyreel output: a second run needs no --force and still keeps the user's file.
        assertEquals(0, job("--catalogue", cat, "--out", user.getParent().toString(), "--plan-only").exit());
        assertEquals("mine", Files.readString(user.resolve("mine.txt")));
    }

    @Test
    void aLiveLockRefusesTheRunNamingItsOwnerAndADeadOneIsTakenOver() throws Exception {
        String cat = tinyCatalogue().toString();
        Path out = Files.createDirectories(tmp.resolve("locked"));
        ProcessHandle me = ProcessHandle.current();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        // A live owner: this very JVM, under another run id.
        Files.writeString(out.resolve(RunLayout.LOCK), JSON.writeValueAsString(new OutputLock.Owner(host, me.pid(),
                me.info().startInstant().orElseThrow().toString(), "another-run")));
        Run refused = job("--catalogue", cat, "--out", out.toString(), "--plan-only");
        assertEquals(3, refused.exit(), refused.err());
        assertEquals("storyreel: --out " + out + " is locked by another run (host " + host + ", pid " + me.pid() + ", started "
                + me.info().startInstant().orElseThrow() + "; lock " + out.resolve(RunLayout.LOCK)
                + "); wait for it to end, or delete the lock if that run is gone", firstLine(refused.err()));
        assertFalse(Files.exists(out.resolve("plan")), "nothing written under a lock held by another run");

        // A dead owner: a process of this host that has ended.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(out.resolve(RunLayout.LOCK), JSON.writeValueAsString(new OutputLock.Owner(host, gone.pid(),
                java.time.Instant.now().minusSeconds(5).toString(), "killed-run")));
        Run took = job("--catalogue", cat, "--out", out.toString(), "--plan-only");
        assertEquals(0, took.exit(), took.err());
        assertTrue(Files.exists(out.resolve("run.json")));
        assertEquals(List.of(RunLayout.MARKER, "characters", "devices.json", "locations", "plan", "report", "run.json"), list(out),
                "no lock left behind");
    }

    @Test
    void idsSourcesAndLimitsFailTheirOwnRowsOnly() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cat"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(dir.resolve("tiny.fountain"), SCREENPLAY);
        Files.writeString(outside.resolve("secret.fountain"), "INT. VAULT - NIGHT\n\nThe ledger.\n");
        Files.createSymbolicLink(dir.resolve("link.fountain"), outside.resolve("secret.fountain"));
        Files.createDirectories(dir.resolve("folder.fountain"));
        AtomicInteger connections = new AtomicInteger();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", x -> {
            connections.incrementAndGet();
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        http.start();
        String many = String.join(";", java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> "s" + i).toList());
        try {
            Files.writeString(dir.resolve("catalogue.csv"), "film_id,title,source,style,seed,styles\n"
                    + "tiny,Tiny,tiny.fountain,,1,\n"                                      // 2
                    + "Tiny,Again,tiny.fountain,,2,\n"                                     // 3: collides with line 2
                    + "absolute,A," + outside.resolve("secret.fountain") + ",,3,\n"        // 4
                    + "web,W,http://127.0.0.1:" + http.getAddress().getPort() + "/x.fountain,,4,\n"   // 5
                    + "link,L,link.fountain,,5,\n"                                         // 6
                    + "parent,P,../outside/secret.fountain,,6,\n"                          // 7
                    + "folder,F,folder.fountain,,7,\n"                                     // 8
                    + "matrix,M,tiny.fountain,,8,\"" + many + "\"\n");                     // 9: 30 styles, limit 20
            Path limits = Files.writeString(tmp.resolve("limits.yaml"), "limits:\n  variants: 20\n");
            Path out = tmp.resolve("ids-out");
            Run r = job("--catalogue", dir.resolve("catalogue.csv").toString(), "--out", out.toString(), "--plan-only",
                    "--limits", limits.toString());
            assertEquals(1, r.exit(), r.err());
            Map<String, JsonNode> films = new HashMap<>();
            JSON.readTree(out.resolve("run.json").toFile()).get("films").forEach(f -> films.put(f.get("film_id").asText(), f));
            assertEquals("planned", films.get("tiny").get("status").asText());
            Supplier<String> all = films::toString;
            assertEquals(Map.of("file", dir.resolve("catalogue.csv").toString(), "line", "3",
                            "message", "duplicate film_id: 'Tiny' (as an id 'tiny') on line 3 is already used on line 2 (line 2's film is made)"),
                    error(films.get("tiny@3")), all);
            assertTrue(message(films, "absolute").startsWith("the source is an absolute path"), all);
            assertTrue(message(films, "web").startsWith("the source is a web address (http://)"), all);
            assertEquals("the source is a link leading outside the catalogue's folder", message(films, "link"), all.get());
            assertTrue(message(films, "parent").startsWith("the source leaves the catalogue's folder"), all);
            assertEquals("the source is a folder, not a screenplay file", message(films, "folder"), all.get());
            assertEquals("limit variants exceeded: 30 variant combinations, over the limit of 20 (conf/limits.yaml)",
                    message(films, "matrix"), all.get());
            assertEquals(0, connections.get(), "an http:// source was fetched");
            assertEquals(List.of("tiny"), Duck.query("select distinct film_id from " + Duck.table(out, "plan")));
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aStageThatFailsStillEndsWithRunJsonNamingTheFilmsError() throws Exception {
        String cat = tinyCatalogue().toString();
        Path out = Files.createDirectories(tmp.resolve("blocked"));
        Files.writeString(out.resolve(RunLayout.MARKER), "storyreel output\n");
        // films/ is a file: the join cannot write the film.
        Files.writeString(out.resolve(RunLayout.FILMS), "not a folder");
        Run r = job("--catalogue", cat, "--out", out.toString());
        assertEquals(1, r.exit(), r.err());
        JsonNode film = JSON.readTree(out.resolve("run.json").toFile()).get("films").get(0);
        assertEquals("tiny", film.get("film_id").asText());
        assertEquals("failed", film.get("status").asText());
        assertFalse(film.get("error").get("message").asText().isBlank(), film.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    private static Map<String, String> error(JsonNode film) {
        JsonNode e = film == null ? null : film.get("error");
        if (e == null || e.isNull()) {
            return Map.of();
        }
        return Map.of("file", e.get("file").asText(), "line", e.get("line").asText(), "message", e.get("message").asText());
    }

    private static String message(Map<String, JsonNode> films, String id) {
        JsonNode f = films.get(id);
        assertEquals("failed", f == null ? null : f.get("status").asText(), id + ": " + f);
        return f.get("error").get("message").asText();
    }

    private static List<String> list(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
