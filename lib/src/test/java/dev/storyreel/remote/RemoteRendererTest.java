package dev.storyreel.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.remote.FakeVideoServer.Fault;
import dev.storyreel.remote.FakeVideoServer.Outcome;
import dev.storyreel.remote.FakeVideoServer.Route;
import dev.storyreel.render.RenderedFrame;
import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.Setting;
import dev.storyreel.shot.ShotKey;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remote renderer against a fake videos API on loopback: requests, retries, ledger, conform, secrets. */
class RemoteRendererTest {
    private static final String KEY = "sk-test-" + "7f3a9c1e5b";
    private static final Backoff FAST = new Backoff(Duration.ofMillis(1), Duration.ofMillis(8), 4);

    @TempDir
    Path out;

    /** Waits recorded instead of waited (polls and backoff), so tests are quick and can check them. */
    static final class Recorder implements Sleeper {
        final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void sleep(Duration d) {
            waits.add(d);
        }
    }

    static ShotSpec spec(int i, ShotKind kind, int frames) {
        return new ShotSpec(64, 36, 8, frames, 1000 + i, kind, CameraMove.STATIC,
                new Setting(Setting.Exposure.EXT, "PIER", "DAY"), List.of("NELL"), "", "line " + i, "", "sepia",
                "a pier at dawn, shot " + i);
    }

    private RemoteSettings settings(FakeVideoServer server, ModelProfile profile, String model) {
        return RemoteSettings.of(RemoteApiKind.VIDEOS, server.url(), model, "", 2, profile, "")
                .withTimings(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMillis(1), Duration.ofMillis(4), FAST);
    }

    private RemoteRenderer renderer(FakeVideoServer server, Sleeper sleeper) {
        return new RemoteRenderer(settings(server, ModelProfile.ANY, "fake-1"), KEY,
                new JobLedger(new LocalLedgerFiles(out), "remote/jobs"), sleeper);
    }

    private static List<RenderedFrame> all(RemoteRenderer r, List<ShotSpec> specs) {
        List<RenderedFrame> frames = new ArrayList<>();
        r.render(specs.iterator()).forEachRemaining(frames::add);
        return frames;
    }

    private static byte[] pixels(BufferedImage img) {
        return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }

    @Test
    void oneJobPerShotKeyAndNoneOnARerun() throws IOException {
        List<ShotSpec> specs = List.of(spec(0, ShotKind.TITLE, 4), spec(1, ShotKind.ACTION, 6), spec(2, ShotKind.DIALOGUE, 5),
                spec(1, ShotKind.ACTION, 6));
        try (FakeVideoServer server = new FakeVideoServer(KEY)) {
            List<RenderedFrame> first;
            try (RemoteRenderer r = renderer(server, new Recorder())) {
                first = all(r, specs);
                assertEquals(new RemoteTotals(3 + 2 * 2 + 2 + 3 + 0, 0, 2, 0, 11 / 8.0, 0).jobsSubmitted(),
                        r.stats().totals().jobsSubmitted());
                // a repeated spec in one list is its own request here; the job stage dedupes keys before rendering
            }
            assertEquals(4 + 6 + 5 + 6, first.size());
            first.forEach(f -> assertEquals(64, f.image().getWidth()));
            first.forEach(f -> assertEquals(36, f.image().getHeight()));
            List<FakeVideoServer.Request> posts = server.accepted();
            RendererKeys keys = new RendererKeys(renderer(server, new Recorder()));
            assertEquals(List.of(keys.of(specs.get(1)), keys.of(specs.get(2))), posts.stream().map(FakeVideoServer.Request::key).toList(),
                    "one POST per distinct non-title shot key, its key as Idempotency-Key");
            assertTrue(server.log().stream().allMatch(FakeVideoServer.Request::authorised));
            assertEquals("64x36", posts.get(0).body().path("size").asText());
            assertEquals("0.75", posts.get(0).body().path("seconds").asText());
            assertEquals(6, posts.get(0).body().path("num_frames").asInt());
            assertEquals(1001, posts.get(0).body().path("seed").asLong());

            try (RemoteRenderer again = renderer(server, new Recorder())) {
                List<RenderedFrame> second = all(again, specs);
                assertEquals(2, server.accepted().size(), "a rerun polls the recorded jobs and submits none");
                assertEquals(3, again.stats().totals().jobsReused());
                assertEquals(0, again.stats().totals().jobsSubmitted());
                for (int i = 0; i < first.size(); i++) {
                    assertArrayEquals(pixels(first.get(i).image()), pixels(second.get(i).image()), "frame " + i);
                }
            }
            assertNoSecret(out);
        }
    }

    /** Shot keys as the plan makes them. */
    record RendererKeys(RemoteRenderer r) {
        String of(ShotSpec s) {
            return ShotKey.of(r.info(), s);
        }
    }

    @Test
    void faultsAreRetriedAndTheFramesMatchAFaultFreeRun() throws IOException {
        List<ShotSpec> specs = List.of(spec(1, ShotKind.ACTION, 6), spec(2, ShotKind.DIALOGUE, 5), spec(3, ShotKind.ACTION, 7));
        List<RenderedFrame> clean;
        try (FakeVideoServer server = new FakeVideoServer(KEY); RemoteRenderer r = renderer(server, new Recorder())) {
            clean = all(r, specs);
        }
        Path faulty = out.resolve("faulty");
        try (FakeVideoServer server = new FakeVideoServer(KEY)) {
            RemoteRenderer probe = renderer(server, new Recorder());
            String k1 = ShotKey.of(probe.info(), specs.get(0));
            String k2 = ShotKey.of(probe.info(), specs.get(1));
            String k3 = ShotKey.of(probe.info(), specs.get(2));
            server.fault(Route.SUBMIT, Fault.status(429, 3));
            server.fault(Route.SUBMIT, Fault.status(500, -1));
            server.fault(Route.SUBMIT, Fault.dropped());
            server.fault(Route.POLL, Fault.status(503, 1));
            server.fault(Route.CONTENT, Fault.slow(1500));
            server.outcomes(k1, Outcome.FAIL);
            server.outcomes(k2, Outcome.WRONG_SIZE, Outcome.GARBAGE);
            server.outcomes(k3, Outcome.WRONG_LENGTH);
            Recorder waits = new Recorder();
            RemoteSettings s = settings(server, ModelProfile.ANY, "fake-1")
                    .withTimings(Duration.ofMillis(700), Duration.ofSeconds(60), Duration.ofMillis(1), Duration.ofMillis(4), FAST);
            List<RenderedFrame> got;
            RemoteTotals t;
            try (RemoteRenderer r = new RemoteRenderer(s, KEY, new JobLedger(new LocalLedgerFiles(faulty), "remote/jobs"), waits)) {
                got = all(r, specs);
                t = r.stats().totals();
            }
            assertEquals(clean.size(), got.size());
            for (int i = 0; i < got.size(); i++) {
                assertArrayEquals(pixels(clean.get(i).image()), pixels(got.get(i).image()), "frame " + i);
            }
            // jobs: k1 failed once, k2 wrong size then undecodable, k3 wrong length: 3 good + 4 bad
            assertEquals(7, server.accepted().size());
            assertEquals(7, t.jobsSubmitted());
            assertEquals(List.of(k1, k1 + "-retry1", k2, k2 + "-retry1", k2 + "-retry2", k3, k3 + "-retry1"),
                    server.accepted().stream().map(FakeVideoServer.Request::key).toList());
            assertTrue(waits.waits.contains(Duration.ofSeconds(3)), "Retry-After: 3 honoured: " + waits.waits);
            assertTrue(waits.waits.contains(Duration.ofSeconds(1)), "Retry-After: 1 honoured: " + waits.waits);
            // 5 request faults retried (429, 500, drop, 503, slow answer) + 4 jobs submitted again
            assertEquals(9, t.retries());
            // submits: 3 refused or dropped + 7 accepted; polls: 2 per job + the 503; downloads: 6 completed + the slow one
            assertEquals(10 + 15 + 7, t.requests());
            assertNoSecret(faulty);
        }
    }

    @Test
    void aShotWhoseJobsKeepFailingFailsWithTheReason() throws IOException {
        try (FakeVideoServer server = new FakeVideoServer(KEY); RemoteRenderer r = renderer(server, new Recorder())) {
            ShotSpec s = spec(4, ShotKind.ACTION, 6);
            server.outcomes(ShotKey.of(r.info(), s), Outcome.WRONG_LENGTH, Outcome.WRONG_LENGTH, Outcome.WRONG_LENGTH);
            RemoteException e = assertThrows(RemoteException.class, () -> all(r, List.of(s)));
            assertTrue(e.getMessage().contains("the video has 9 frames, asked for 6"), e.getMessage());
            assertTrue(e.getMessage().contains("3 jobs tried"), e.getMessage());
            assertFalse(e.getMessage().contains(KEY));
            assertEquals(3, server.accepted().size());
        }
    }

    @Test
    void aKilledRunsJobIsPolledNotSubmittedAgain() throws IOException {
        try (FakeVideoServer server = new FakeVideoServer(KEY)) {
            ShotSpec s = spec(5, ShotKind.ACTION, 6);
            RemoteSettings impatient = settings(server, ModelProfile.ANY, "fake-1")
                    .withTimings(Duration.ofSeconds(5), Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(4), FAST);
            JobLedger ledger = new JobLedger(new LocalLedgerFiles(out), "remote/jobs");
            String key;
            try (RemoteRenderer r = new RemoteRenderer(impatient, KEY, ledger, new Recorder())) {
                key = ShotKey.of(r.info(), s);
                RemoteException e = assertThrows(RemoteException.class, () -> all(r, List.of(s)));
                assertTrue(e.getMessage().contains("deadline"), e.getMessage());
            }
            assertEquals(1, server.accepted().size());
            assertTrue(ledger.find(key).isPresent(), "the job was recorded before waiting");
            try (RemoteRenderer r = renderer(server, new Recorder())) {
                assertEquals(6, all(r, List.of(s)).size());
                assertEquals(1, r.stats().totals().jobsReused());
            }
            assertEquals(1, server.accepted().size(), "the rerun polled the recorded job");
        }
    }

    @Test
    void requestsInFlightNeverExceedTheLimit() throws Exception {
        try (FakeVideoServer server = new FakeVideoServer(KEY)) {
            server.latency(30);
            List<Future<Integer>> done = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(5);
            try {
                for (int t = 0; t < 5; t++) {
                    int base = 10 * t;
                    done.add(pool.submit(() -> {
                        try (RemoteRenderer r = renderer(server, new Recorder())) {
                            return all(r, List.of(spec(base + 1, ShotKind.ACTION, 3), spec(base + 2, ShotKind.ACTION, 3))).size();
                        }
                    }));
                }
                for (Future<Integer> f : done) {
                    assertEquals(6, f.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(10, server.accepted().size());
            assertTrue(server.maxInFlight() <= 2, "in flight at once: " + server.maxInFlight());
        }
    }

    @Test
    void aDeadEndpointFailsTheRemainingShotsFast() throws IOException {
        try (FakeVideoServer server = new FakeVideoServer(KEY)) {
            for (int i = 0; i < 100; i++) {
                server.fault(Route.SUBMIT, Fault.status(502, -1));
            }
            RemoteSettings s = new RemoteSettings(RemoteApiKind.VIDEOS, server.url(), "fake-1", "", 2, ModelProfile.ANY, "",
                    Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMillis(1), Duration.ofMillis(4), FAST, 3, 2,
                    Duration.ofMinutes(5));
            List<String> errors = new ArrayList<>();
            try (RemoteRenderer r = new RemoteRenderer(s, KEY, new JobLedger(new LocalLedgerFiles(out), "remote/jobs"),
                    new Recorder())) {
                for (int i = 0; i < 4; i++) {
                    int n = i;
                    errors.add(assertThrows(RemoteException.class, () -> all(r, List.of(spec(20 + n, ShotKind.ACTION, 3))))
                            .getMessage());
                }
            }
            assertEquals(2 * FAST.maxAttempts(), server.log().size(), "two shots tried, the others refused without a request");
            assertTrue(errors.get(0).contains("HTTP 502"), errors.get(0));
            assertTrue(errors.get(3).contains("is failing"), errors.get(3));
        }
    }

    @Test
    void profilesSnapTheAskAndTheVideoIsConformedToThePlan() throws IOException {
        ModelProfiles profiles;
        try (var in = Files.newInputStream(Path.of("../conf/remote-models.yaml"))) {
            profiles = ModelProfiles.read(in);
        }
        ModelProfile ltx = profiles.forModel("LTX-Video-0.9.7");
        assertEquals(new ModelProfile.Shape(640, 352, 49, 24), ltx.request(640, 360, 48, 24));
        assertEquals(new ModelProfile.Shape(64, 32, 257, 24), ltx.request(50, 20, 400, 24));
        ModelProfile wan = profiles.forModel("wan2.1-t2v-14b");
        assertEquals(new ModelProfile.Shape(640, 368, 49, 16), wan.request(640, 360, 72, 24));
        assertEquals(0.05 * 49 / 16.0, wan.price(wan.request(640, 360, 72, 24)), 1e-9);
        assertEquals(profiles.models().get("default"), profiles.forModel("fake-1"));

        try (FakeVideoServer server = new FakeVideoServer(KEY)) {
            ShotSpec s = new ShotSpec(100, 60, 8, 10, 77, ShotKind.ACTION, CameraMove.PAN,
                    new Setting(Setting.Exposure.INT, "SHED", "NIGHT"), List.of(), "", "", "", "", "rain on a roof");
            RemoteSettings rs = settings(server, ltx, "ltx-video");
            List<RenderedFrame> frames;
            try (RemoteRenderer r = new RemoteRenderer(rs, KEY, new JobLedger(new LocalLedgerFiles(out), "remote/jobs"),
                    new Recorder())) {
                frames = all(r, List.of(s));
                assertEquals(0.02 * 17 / 8.0, r.stats().totals().cost(), 1e-9);
            }
            assertEquals("96x64", server.accepted().get(0).body().path("size").asText());
            assertEquals(17, server.accepted().get(0).body().path("num_frames").asInt());
            assertEquals(10, frames.size());
            frames.forEach(f -> assertEquals(100, f.image().getWidth()));
            frames.forEach(f -> assertEquals(60, f.image().getHeight()));
            // same rate: frame i is the video's frame i, the rest trimmed; the fake's blue rises by 20 a frame
            int previous = -1;
            for (int i = 0; i < 10; i++) {
                int blue = frames.get(i).image().getRGB(50, 30) & 0xFF;
                assertTrue(previous < 0 || (blue - previous >= 12 && blue - previous <= 28),
                        "frame " + i + ": blue " + blue + " after " + previous);
                previous = blue;
            }
        }
    }

    @Test
    void aContinuingShotStartsFromTheLastFrameBefore() throws IOException {
        try (FakeVideoServer server = new FakeVideoServer(KEY); RemoteRenderer r = renderer(server, new Recorder())) {
            ShotSpec a = spec(30, ShotKind.ACTION, 4);
            ShotSpec b = spec(31, ShotKind.ACTION, 4);
            List<RemoteShot> shots = List.of(new RemoteShot(ShotKey.of(r.info(), a), a, false, false),
                    new RemoteShot(ShotKey.of(r.info(), b), b, true, true));
            List<RenderedFrame> frames = new ArrayList<>();
            r.render(shots).forEachRemaining(frames::add);
            assertEquals(4, frames.size(), "the first shot was rendered for its last frame only");
            assertTrue(frames.stream().allMatch(f -> f.shot().equals(b)));
            List<FakeVideoServer.Request> posts = server.accepted();
            assertFalse(posts.get(0).body().has("input_reference"));
            String ref = posts.get(1).body().path("input_reference").asText();
            assertTrue(ref.startsWith("data:image/png;base64,"), ref.substring(0, Math.min(40, ref.length())));
            BufferedImage start = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                    java.util.Base64.getDecoder().decode(ref.substring(ref.indexOf(',') + 1))));
            assertNotNull(start);
            assertEquals(64, start.getWidth());
        }
    }

    static void assertNoSecret(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(KEY), "key in " + p);
            }
        }
    }
}
