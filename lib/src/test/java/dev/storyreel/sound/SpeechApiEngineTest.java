package dev.storyreel.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.storyreel.sound.voice.Delivery;
import dev.storyreel.sound.voice.LineRequest;
import dev.storyreel.sound.voice.SpeechApiEngine;
import dev.storyreel.sound.voice.Speech;
import dev.storyreel.sound.voice.Voice;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAI-compatible speech engine against a fake server on loopback: contract, key, retries. */
class SpeechApiEngineTest {
    private static final String KEY = "sk-test-0123456789secret";
    private HttpServer server;
    private final List<JsonNode> bodies = new ArrayList<>();
    private final List<String> auth = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failCode = 429;
    @TempDir
    Path tmp;

    static byte[] wav(int samples) throws IOException {
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            short v = (short) (8000 * Math.sin(2 * Math.PI * 220 * i / 24000.0));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioFormat f = new AudioFormat(24000, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), f, samples), AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] answer = wav(12000);
        server.createContext("/v1/audio/speech", ex -> {
            synchronized (bodies) {
                bodies.add(new ObjectMapper().readTree(ex.getRequestBody().readAllBytes()));
                auth.add(ex.getRequestHeaders().getFirst("Authorization"));
            }
            if (failuresLeft.getAndDecrement() > 0) {
                ex.getResponseHeaders().add("Retry-After", "0");
                ex.sendResponseHeaders(failCode, -1);
            } else {
                ex.getResponseHeaders().add("Content-Type", "audio/wav");
                ex.sendResponseHeaders(200, answer.length);
                ex.getResponseBody().write(answer);
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void postsTheContractWithTheKeyFromACredentialsFileAndRetries429And5xx() throws Exception {
        Path cred = Files.writeString(tmp.resolve("tts-key"), KEY + "\n");
        SpeechApiEngine e = SpeechApiEngine.fromEnvironment(Map.of(SpeechApiEngine.URL_ENV, url(),
                SpeechApiEngine.MODEL_ENV, "tts-mini", SpeechApiEngine.KEY_FILE_ENV, cred.toString()));
        failuresLeft.set(2);
        failCode = 503;
        Speech s = e.speak(new LineRequest("Hold the gate!", new Voice(e.name(), "nova", 50, 175), "en", Delivery.SHOUT));
        assertEquals(24000, s.sampleRate());
        assertEquals(0.5, s.seconds(), 1e-9);
        assertEquals(3, bodies.size(), "two 503s retried, then the answer");
        JsonNode b = bodies.get(2);
        assertEquals("tts-mini", b.get("model").asText());
        assertEquals("Hold the gate!", b.get("input").asText());
        assertEquals("nova", b.get("voice").asText());
        assertEquals("wav", b.get("response_format").asText());
        assertEquals(1.12, b.get("speed").asDouble(), 1e-9);
        assertEquals("Bearer " + KEY, auth.get(2));
        assertEquals("tts-mini", e.version());
    }

    @Test
    void givesUpAfterItsAttemptsWithoutTheKeyInTheMessage() {
        SpeechApiEngine e = new SpeechApiEngine(url(), "tts-1", KEY, 3, Duration.ofMillis(1));
        failuresLeft.set(10);
        failCode = 429;
        IOException x = assertThrows(IOException.class, () -> e.speak(new LineRequest("Hello.",
                new Voice(e.name(), "onyx", 50, 175), "en", Delivery.NORMAL)));
        assertEquals(3, bodies.size());
        assertTrue(x.getMessage().contains("429"), x.getMessage());
        assertFalse(x.getMessage().contains(KEY), "the key never reaches a message");
    }

    @Test
    void doesNotRetryAClientError() {
        SpeechApiEngine e = new SpeechApiEngine(url(), "tts-1", KEY, 5, Duration.ofMillis(1));
        failuresLeft.set(1);
        failCode = 400;
        assertThrows(IOException.class, () -> e.speak(new LineRequest("Hello.", new Voice(e.name(), "onyx", 50, 175), "en",
                Delivery.NORMAL)));
        assertEquals(1, bodies.size());
    }
}
