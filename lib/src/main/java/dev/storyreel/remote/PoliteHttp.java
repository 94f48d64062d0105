package dev.storyreel.remote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Sends requests to one endpoint politely: at most {@code concurrency} requests of this JVM in flight to
 * it (a permit is held for one exchange, never while waiting to retry), {@code Retry-After} honoured on
 * 429/503, other 5xx, timeouts and dropped connections retried with {@link Backoff}, everything refused
 * at once while the endpoint's {@link CircuitBreaker} is open. Adds the bearer key to every request and
 * never puts it in a message.
 */
public final class PoliteHttp {
    private static final Map<String, Semaphore> PERMITS = new ConcurrentHashMap<>();

    private final URI base;
    private final String bearer;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final Backoff backoff;
    private final Semaphore permits;
    private final CircuitBreaker breaker;
    private final RemoteStats stats;
    private final Sleeper sleeper;

    /** A bytes answer: status, body, and the Content-Type. */
    public record Answer(int status, byte[] body, String contentType) {
    }

    /**
     * @param base           the endpoint's base URL (no trailing slash needed)
     * @param key            the bearer key, or "" for none
     * @param concurrency    requests in flight to this endpoint from this JVM, at most
     * @param requestTimeout longest wait for one answer
     */
    public PoliteHttp(URI base, String key, int concurrency, Duration requestTimeout, Backoff backoff,
                      CircuitBreaker breaker, RemoteStats stats, Sleeper sleeper) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("remote concurrency must be at least 1: " + concurrency);
        }
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.bearer = key == null ? "" : key;
        this.client = HttpClient.newBuilder().connectTimeout(requestTimeout).version(HttpClient.Version.HTTP_1_1).build();
        this.requestTimeout = requestTimeout;
        this.backoff = backoff;
        this.permits = PERMITS.computeIfAbsent(this.base + "#" + concurrency, k -> new Semaphore(concurrency, true));
        this.breaker = breaker;
        this.stats = stats;
        this.sleeper = sleeper;
    }

    /** The endpoint's base URL. */
    public URI base() {
        return base;
    }

    /** A request builder for a path under the base ("/v1/videos"), with the key and timeout set. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout);
        if (!bearer.isEmpty()) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    /**
     * Sends a request, retrying what may be retried; returns the first answer that is neither a refusal
     * (429/503) nor a server error. {@code what} names the call in messages; {@code key} seeds the jitter.
     */
    public Answer send(HttpRequest request, String what, String key) {
        String reason = "";
        for (int attempt = 0; attempt < backoff.maxAttempts(); attempt++) {
            breaker.check();
            if (attempt > 0) {
                stats.retry();
            }
            Duration wait;
            try {
                HttpResponse<byte[]> r = exchange(request);
                int code = r.statusCode();
                if (code < 500 && code != 429) {
                    breaker.success();
                    return new Answer(code, r.body(), r.headers().firstValue("Content-Type").orElse(""));
                }
                reason = what + " answered HTTP " + code + errorText(r.body());
                Duration backoffWait = backoff.delay(key, attempt);
                wait = (code == 429 || code == 503)
                        ? retryAfter(r).map(ra -> ra.compareTo(backoffWait) > 0 ? ra : backoffWait).orElse(backoffWait)
                        : backoffWait;
                if (code == 429) {
                    breaker.success();  // a busy endpoint is alive
                }
            } catch (IOException e) {
                reason = what + " failed: " + describe(e);
                wait = backoff.delay(key, attempt);
            }
            if (attempt + 1 < backoff.maxAttempts()) {
                sleeper.sleep(wait);
            }
        }
        breaker.failure(reason);
        throw new RemoteException(reason + " (gave up after " + backoff.maxAttempts() + " tries)");
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) throws IOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException("interrupted while waiting for a request slot", e);
        }
        try {
            stats.request();
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException("interrupted during a request", e);
        } finally {
            permits.release();
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> r) {
        return r.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(v.strip()) * 1000)));
            } catch (NumberFormatException e) {
                return Optional.empty();  // an HTTP date: fall back to the backoff
            }
        });
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m + ")");
    }

    /** A short excerpt of an error body, for messages. */
    static String errorText(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String s = new String(body, 0, Math.min(body.length, 300), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? "" : ": " + s;
    }
}
