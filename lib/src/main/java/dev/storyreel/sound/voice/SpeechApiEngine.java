package dev.storyreel.sound.voice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A remote voice engine speaking the OpenAI-compatible {@code POST /v1/audio/speech} contract
 * ({@code {model, input, voice, response_format, speed}} in, audio bytes out), which many hosted and
 * self-hosted TTS servers expose. Asks for WAV. The API key comes from the environment
 * ({@value #KEY_ENV}) or a credentials file ({@value #KEY_FILE_ENV} names it); it is sent only in the
 * {@code Authorization} header and never appears in a message, log or output. 429 and 5xx answers
 * are retried with exponential backoff (honouring {@code Retry-After}).
 */
public final class SpeechApiEngine implements VoiceEngine {
    /** The engine's name. */
    public static final String NAME = "openai";
    /** Environment variable holding the API key. */
    public static final String KEY_ENV = "STORYREEL_TTS_API_KEY";
    /** Environment variable naming a file whose first line is the API key. */
    public static final String KEY_FILE_ENV = "STORYREEL_TTS_CREDENTIALS";
    /** Environment variable with the server's base URL (default https://api.openai.com). */
    public static final String URL_ENV = "STORYREEL_TTS_URL";
    /** Environment variable with the model (default tts-1). */
    public static final String MODEL_ENV = "STORYREEL_TTS_MODEL";
    private static final VoiceBank BANK = new VoiceBank(List.of("onyx", "echo", "fable"), List.of("nova", "shimmer", "alloy"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String model;
    private final String key;
    private final int attempts;
    private final Duration backoff;
    private final HttpClient http;

    /**
     * An engine for {@code baseUrl} ({@code /v1/audio/speech} is appended), {@code attempts} tries per line,
     * the first retry after {@code backoff}, doubling.
     */
    public SpeechApiEngine(String baseUrl, String model, String key, int attempts, Duration backoff) {
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/v1/audio/speech");
        this.model = model;
        this.key = key == null ? "" : key.strip();
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** An engine configured from the environment (see the class comment). */
    public static SpeechApiEngine fromEnvironment(Map<String, String> env) throws IOException {
        String url = env.getOrDefault(URL_ENV, "https://api.openai.com");
        String model = env.getOrDefault(MODEL_ENV, "tts-1");
        return new SpeechApiEngine(url, model, key(env).orElse(""), 5, Duration.ofMillis(500));
    }

    private static Optional<String> key(Map<String, String> env) throws IOException {
        String k = env.get(KEY_ENV);
        if (k != null && !k.isBlank()) {
            return Optional.of(k.strip());
        }
        String file = env.get(KEY_FILE_ENV);
        if (file != null && !file.isBlank()) {
            List<String> rows = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            return rows.stream().map(String::strip).filter(r -> !r.isEmpty()).findFirst();
        }
        return Optional.empty();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return model;
    }

    @Override
    public boolean speaks(String language) {
        return true;
    }

    @Override
    public VoiceBank voices() {
        return BANK;
    }

    @Override
    public Speech speak(LineRequest request) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("input", request.text());
        body.put("voice", request.voice().name());
        body.put("response_format", "wav");
        body.put("speed", Math.round(request.delivery().speed() * request.voice().rate() / 175.0 * 100) / 100.0);
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (!key.isEmpty()) {
            b.header("Authorization", "Bearer " + key);
        }
        HttpRequest req = b.build();
        long wait = backoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> res;
            try {
                res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted calling " + endpoint, e);
            }
            int code = res.statusCode();
            if (code / 100 == 2) {
                return WavDecoding.decode(res.body(), "speech from " + endpoint);
            }
            boolean retry = code == 429 || code / 100 == 5;
            if (!retry || attempt >= attempts) {
                throw new IOException("speech server " + endpoint + " answered " + code + " after " + attempt
                        + " attempt(s)");
            }
            long pause = res.headers().firstValue("Retry-After").map(SpeechApiEngine::seconds)
                    .map(s -> Math.min(s * 1000, 30_000L)).orElse(wait);
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted backing off from " + endpoint, e);
            }
            wait = Math.min(wait * 2, 30_000L);
        }
    }

    private static Long seconds(String header) {
        try {
            return Math.max(0L, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
