package dev.storyreel.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyreel.remote.Backoff;
import dev.storyreel.remote.CircuitBreaker;
import dev.storyreel.remote.LocalLedgerFiles;
import dev.storyreel.remote.PoliteHttp;
import dev.storyreel.remote.RemoteStats;
import dev.storyreel.screenplay.ElementType;
import dev.storyreel.screenplay.FountainParser;
import dev.storyreel.screenplay.ParseOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writers' room against a fake chat-completions endpoint on loopback. */
class WritersRoomTest {
    private static final String KEY = "wk-" + "91b2c3d4e5";
    private static final String GOOD = """
            Title: The Kite Hill
            Author: A Fake Writer

            EXT. KITE HILL - DAY

            Wind flattens the grass. MARA drags a crate of kites up the slope.

            MARA
            You took my spot again.

            TOBIAS
            (not looking up)
            First come, first served.
            """;

    @TempDir
    Path out;

    private WritersRoom room(FakeChatServer chat, int retries) {
        PoliteHttp http = new PoliteHttp(URI.create(chat.url()), KEY, 1, Duration.ofSeconds(5),
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(4), 3),
                CircuitBreaker.forEndpoint(chat.url(), 5, Duration.ofSeconds(5)), new RemoteStats(), d -> { });
        return new WritersRoom(new OpenAiChat(http, chat.url(), "fake-chat"), new LocalLedgerFiles(out), "screenplays",
                retries, 0.7);
    }

    private static WriterAsk logline() {
        return new WriterAsk("kite-season", "", "Two rival kite makers must share one windy hill", null, 3, 11, 1, 1);
    }

    @Test
    void anUnusableScreenplayIsSentBackThenTheGoodOneIsStoredAndReused() throws Exception {
        try (FakeChatServer chat = new FakeChatServer(KEY, "What a lovely idea! Picture a windswept morning and a promise.", "```fountain\n" + GOOD + "```")) {
            WritersRoom.Written w = room(chat, 2).write(logline());
            assertEquals(2, chat.requests().size());
            assertEquals(2, w.calls());
            assertFalse(w.reused());
            JsonNode second = chat.requests().get(1);
            assertEquals("fake-chat", second.path("model").asText());
            assertEquals(11, second.path("seed").asLong());
            JsonNode messages = second.path("messages");
            assertEquals(4, messages.size(), "system, ask, the rejected reply, the problem");
            assertTrue(messages.path(1).path("content").asText().contains("Two rival kite makers must share one windy hill"));
            assertEquals("assistant", messages.path(2).path("role").asText());
            String problem = messages.path(3).path("content").asText();
            assertTrue(problem.contains("no title page") && problem.contains("no scene heading") && problem.contains("no dialogue"),
                    problem);

            Path stored = out.resolve("screenplays/kite-season.fountain");
            String text = Files.readString(stored);
            var parsed = new FountainParser(ParseOptions.STRIP_EMPHASIS).parse("x.fountain", text);
            assertEquals("The Kite Hill", parsed.titleEntry("title", ""));
            assertEquals(2, parsed.elements().stream().filter(e -> e.type() == ElementType.DIALOGUE).count());

            WritersRoom.Written again = room(chat, 2).write(logline());
            assertTrue(again.reused());
            assertEquals(2, chat.requests().size(), "a rerun with the same key calls nobody");
            assertEquals(text, again.fountain());

            room(chat, 2).write(new WriterAsk("kite-season", "", "Two rival kite makers must share one windy hill", null, 3,
                    12, 1, 1));
            assertEquals(3, chat.requests().size(), "another seed is another ask");
            try (var files = Files.walk(out)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(p).contains(KEY), "key in " + p);
                }
            }
        }
    }

    @Test
    void aWriterThatNeverDeliversFailsTheFilmWithTheLastProblem() throws Exception {
        try (FakeChatServer chat = new FakeChatServer(KEY, "Title: Only A Title\n\nJust some action and no heading.\n")) {
            WriterException e = assertThrows(WriterException.class, () -> room(chat, 2).write(logline()));
            assertEquals(3, chat.requests().size(), "the first ask and two more");
            assertTrue(e.getMessage().contains("no scene heading"), e.getMessage());
            assertFalse(Files.exists(out.resolve("screenplays/kite-season.fountain")));
        }
    }

    @Test
    void briefsAskForAlternativeSpots() {
        Brief b = Brief.parse("product: Harbour Tea; audience: night-shift workers; tone: warm, wry; length: 30s");
        assertEquals(new Brief("Harbour Tea", "night-shift workers", "warm, wry", 30), b);
        String p = WritersRoom.prompt(new WriterAsk("tea-v2", "", "", b, 0.5, 3, 2, 3));
        assertTrue(p.contains("30-second advertising spot"), p);
        assertTrue(p.contains("alternative 2 of 3"), p);
        assertEquals("A thermos that keeps tea hot", Brief.parse("A thermos that keeps tea hot").product());
        assertThrows(IllegalArgumentException.class, () -> Brief.parse("length: 30"));
    }

    @Test
    void completionsPathFromTheUrl() {
        assertEquals("/v1/chat/completions", OpenAiChat.completionsPath(URI.create("http://h:1")));
        assertEquals("/chat/completions", OpenAiChat.completionsPath(URI.create("http://h:1/v1")));
        assertEquals("", OpenAiChat.completionsPath(URI.create("http://h:1/api/chat/completions")));
    }
}
