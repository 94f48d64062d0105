package dev.storyreel.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyreel.remote.FakeVideoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample film rendered through a fake videos API on loopback, end to end: every film made, the
 * frames table complete, one accepted POST per distinct non-title shot key (its key as Idempotency-Key), at
 * most N requests in flight, the remote block in run.json, nothing submitted on a rerun, the key nowhere.
 */
class RemoteJobTest {
    private static final String KEY = "remote-" + "c0ffee5eed42";

    @TempDir
    Path tmp;

    @Test
    void theSamplesThroughAFakeVideosApi() throws Exception {
        Path credentials = tmp.resolve("remote.key");
        Files.writeString(credentials, "# the test's key\nSTORYREEL_REMOTE_KEY=" + KEY + "\n");
        Path out = tmp.resolve("out");
        // One sample film keeps the suite quick; the acceptance script renders all of them.
        Path catalogue = tmp.resolve("catalogue.csv");
        Files.copy(FilmJobTest.SAMPLES.resolve("night-ferry.fountain"), tmp.resolve("night-ferry.fountain"));
        Files.writeString(catalogue, "film_id,title,source,style,seed\nnight-ferry,Night Ferry,night-ferry.fountain,noir,5\n");
        try (FakeVideoServer server = new FakeVideoServer(KEY)) {
            server.fault(FakeVideoServer.Route.SUBMIT, FakeVideoServer.Fault.status(429, 1));
            String[] args = {"--catalogue", catalogue.toString(), "--out", out.toString(), "--wave-shots", "32",
                    "--renderer", "remote", "--remote-api", "videos", "--remote-url", server.url(), "--remote-model", "fake-1",
                    "--remote-concurrency", "2", "--remote-credentials", credentials.toString(),
                    "--remote-profiles", FilmJobTest.ROOT.resolve("conf/remote-models.yaml").toString()};
            // --plan-only quotes from the plan table the executors wrote, and asks the server for nothing.
            Path quoted = tmp.resolve("quoted");
            String[] planOnly = java.util.stream.Stream.concat(java.util.Arrays.stream(args).map(a ->
                    a.equals(out.toString()) ? quoted.toString() : a), Stream.of("--plan-only")).toArray(String[]::new);
            assertEquals(0, FilmJobTest.job(planOnly));
            assertEquals(0, server.log().size(), "--plan-only sent requests");
            JsonNode quote = FilmJobTest.JSON.readTree(quoted.resolve("run.json").toFile()).path("remote");
            assertEquals(Duck.single("select count(distinct shot_key) from " + Duck.table(quoted, "plan")
                    + " where kind <> 'title'"), quote.path("estimated_jobs").asLong());

            assertEquals(0, FilmJobTest.job(args));
            JsonNode run = FilmJobTest.JSON.readTree(out.resolve("run.json").toFile());
            assertEquals(quote.path("estimated_jobs").asLong(), run.path("remote").path("estimated_jobs").asLong());
            assertEquals(quote.path("estimated_cost").asDouble(), run.path("remote").path("estimated_cost").asDouble(), 1e-9);
            for (JsonNode f : run.path("films")) {
                assertEquals("ok", f.path("status").asText(), f.toString());
            }
            assertEquals(1, run.path("films").size());
            assertEquals(Duck.single("select sum(frames) from " + Duck.table(out, "plan")),
                    Duck.single("select count(*) from " + Duck.table(out, "frames")));

            List<String> keys = Duck.query("select distinct shot_key from " + Duck.table(out, "plan")
                    + " where kind <> 'title' order by 1");
            List<FakeVideoServer.Request> posts = server.accepted();
            assertEquals(keys.size(), posts.size(), "one accepted POST per distinct non-title shot key");
            Set<String> posted = new HashSet<>();
            posts.forEach(p -> assertTrue(posted.add(p.key()), "posted twice: " + p.key()));
            assertEquals(new HashSet<>(keys), posted);
            assertTrue(server.log().stream().allMatch(FakeVideoServer.Request::authorised));
            assertTrue(server.maxInFlight() <= 2, "in flight at once: " + server.maxInFlight());

            JsonNode remote = run.path("remote");
            assertEquals(keys.size(), remote.path("jobs_submitted").asLong());
            assertEquals(0, remote.path("jobs_reused").asLong());
            assertEquals(1, remote.path("retries").asLong(), "the refused POST was sent again");
            assertEquals(server.log().size(), remote.path("requests").asLong());
            assertEquals(remote.path("estimated_cost").asDouble(), remote.path("cost").asDouble(), 1e-9);
            assertTrue(remote.path("cost").asDouble() > 0);
            assertEquals(keys.size(), Files.list(out.resolve("remote/jobs")).count());

            int before = server.log().size();
            assertEquals(0, FilmJobTest.job(args));
            assertEquals(keys.size(), server.accepted().size(), "a rerun submits nothing");
            assertEquals(before, server.log().size(), "committed shots are not even polled again");
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(KEY), "key in " + p);
            }
        }
    }
}
