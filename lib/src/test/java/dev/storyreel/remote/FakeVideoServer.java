package dev.storyreel.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.storyreel.assemble.EncoderSettings;
import dev.storyreel.assemble.ShotEncoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A videos API on loopback for tests: {@code POST /v1/videos}, {@code GET /v1/videos/{id}} (in progress on the
 * first poll, then done), {@code GET /v1/videos/{id}/content} (an H.264 MP4 whose pixels are a function of the
 * prompt, seed and frame). Faults are queued per route (refusals with Retry-After, 5xx, dropped connections,
 * slow answers); job outcomes per idempotency key (failed, wrong size, wrong length, undecodable, never done).
 */
public final class FakeVideoServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VIDEO = Pattern.compile("/v1/videos/([\\w-]+)(/content)?");

    public enum Route { SUBMIT, POLL, CONTENT }

    public enum Outcome { GOOD, FAIL, WRONG_SIZE, WRONG_LENGTH, GARBAGE, NEVER }

    /** A fault for the next request of a route: an HTTP status (with Retry-After seconds, or -1), a drop, or a delay. */
    public record Fault(int status, int retryAfter, boolean drop, long delayMillis) {
        public static Fault status(int code, int retryAfter) {
            return new Fault(code, retryAfter, false, 0);
        }

        public static Fault dropped() {
            return new Fault(0, -1, true, 0);
        }

        public static Fault slow(long millis) {
            return new Fault(0, -1, false, millis);
        }
    }

    /** A logged request. */
    public record Request(String method, String path, String key, boolean authorised, int status, JsonNode body) {
    }

    private static final ThreadLocal<java.util.concurrent.atomic.AtomicBoolean> COUNTED = new ThreadLocal<>();

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final String bearer;
    private final Map<Route, Deque<Fault>> faults = new EnumMap<>(Route.class);
    private final Map<String, Deque<Outcome>> outcomes = new LinkedHashMap<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final List<Request> log = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile long latencyMillis;

    private static final class Job {
        final String id;
        final JsonNode body;
        final Outcome outcome;
        int polls;

        Job(String id, JsonNode body, Outcome outcome) {
            this.id = id;
            this.body = body;
            this.outcome = outcome;
        }
    }

    public FakeVideoServer(String bearer) throws IOException {
        this.bearer = bearer;
        for (Route r : Route.values()) {
            faults.put(r, new ArrayDeque<>());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized void fault(Route route, Fault f) {
        faults.get(route).add(f);
    }

    /** The outcomes of the jobs submitted for a key (the first job gets the first; GOOD once they run out). */
    public synchronized void outcomes(String key, Outcome... o) {
        outcomes.put(key, new ArrayDeque<>(List.of(o)));
    }

    /** Every answer takes this long (to have requests overlap). */
    public void latency(long millis) {
        latencyMillis = millis;
    }

    public List<Request> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** Accepted job submissions (POSTs answered 200). */
    public List<Request> accepted() {
        return log().stream().filter(r -> r.method().equals("POST") && r.status() == 200).toList();
    }

    public long count(String method, Route route) {
        return log().stream().filter(r -> r.method().equals(method) && route(r.path()) == route).count();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    private static Route route(String path) {
        if (path.equals("/v1/videos")) {
            return Route.SUBMIT;
        }
        Matcher m = VIDEO.matcher(path);
        return m.matches() && m.group(2) != null ? Route.CONTENT : Route.POLL;
    }

    private void handle(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        COUNTED.set(new java.util.concurrent.atomic.AtomicBoolean(true));
        try {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            boolean auth = ("Bearer " + bearer).equals(ex.getRequestHeaders().getFirst("Authorization"));
            JsonNode json = body.length == 0 ? null : JSON.readTree(body);
            Fault f;
            synchronized (this) {
                f = faults.get(route(path)).poll();
            }
            if (latencyMillis > 0) {
                sleep(latencyMillis);
            }
            if (f != null && f.delayMillis() > 0) {
                sleep(f.delayMillis());
            }
            if (f != null && f.drop()) {
                log.add(new Request(ex.getRequestMethod(), path, key, auth, 0, json));
                out(ex);
                ex.close();   // no answer: the client sees the connection end
                return;
            }
            if (f != null && f.status() > 0) {
                if (f.retryAfter() >= 0) {
                    ex.getResponseHeaders().add("Retry-After", Integer.toString(f.retryAfter()));
                }
                reply(ex, f.status(), "{\"error\":{\"message\":\"injected\"}}", key, auth, json);
                return;
            }
            if (!auth) {
                reply(ex, 401, "{\"error\":{\"message\":\"bad key\"}}", key, false, json);
                return;
            }
            if (ex.getRequestMethod().equals("POST") && path.equals("/v1/videos")) {
                String id;
                synchronized (this) {
                    Deque<Outcome> o = outcomes.get(key == null ? "" : key.replaceAll("-retry\\d+$", ""));
                    Outcome outcome = o == null || o.isEmpty() ? Outcome.GOOD : o.poll();
                    id = "video_" + (jobs.size() + 1);
                    jobs.put(id, new Job(id, json, outcome));
                }
                reply(ex, 200, "{\"id\":\"" + id + "\",\"status\":\"queued\"}", key, true, json);
                return;
            }
            Matcher m = VIDEO.matcher(path);
            Job job;
            synchronized (this) {
                job = m.matches() ? jobs.get(m.group(1)) : null;
            }
            if (job == null) {
                reply(ex, 404, "{\"error\":{\"message\":\"no such video\"}}", key, true, json);
                return;
            }
            if (m.group(2) == null) {
                String status;
                synchronized (this) {
                    job.polls++;
                    status = job.outcome == Outcome.NEVER || job.polls < 2 ? "in_progress"
                            : job.outcome == Outcome.FAIL ? "failed" : "completed";
                }
                reply(ex, 200, "{\"id\":\"" + job.id + "\",\"status\":\"" + status + "\",\"progress\":50"
                        + (status.equals("failed") ? ",\"error\":{\"message\":\"the model ran out of memory\"}" : "") + "}",
                        key, true, json);
                return;
            }
            byte[] mp4 = video(job);
            log.add(new Request(ex.getRequestMethod(), path, key, true, 200, json));
            ex.getResponseHeaders().add("Content-Type", "video/mp4");
            out(ex);
            ex.sendResponseHeaders(200, mp4.length);
            ex.getResponseBody().write(mp4);
            ex.close();
        } finally {
            out(ex);
        }
    }

    /** The request stops counting as in flight before its answer goes out (as the client sees it). */
    private void out(HttpExchange ex) {
        if (COUNTED.get().getAndSet(false)) {
            inFlight.decrementAndGet();
        }
    }

    private void reply(HttpExchange ex, int status, String body, String key, boolean auth, JsonNode json) throws IOException {
        log.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), key, auth, status, json));
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        out(ex);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    private static byte[] video(Job job) throws IOException {
        JsonNode b = job.body;
        String[] size = b.path("size").asText().split("x");
        int w = Integer.parseInt(size[0]);
        int h = Integer.parseInt(size[1]);
        int frames = b.path("num_frames").asInt();
        int fps = b.path("fps").asInt();
        switch (job.outcome) {
            case GARBAGE:
                return "this is not a video".getBytes(StandardCharsets.UTF_8);
            case WRONG_SIZE:
                w += 16;
                break;
            case WRONG_LENGTH:
                frames += 3;
                break;
            default:
                break;
        }
        return mp4(b.path("prompt").asText() + "|" + b.path("seed").asLong(), w, h, frames, fps);
    }

    /** An MP4 whose red is a hash of {@code content}, green a gradient, blue {@code 20 + 20 i} in frame {@code i}. */
    static byte[] mp4(String content, int w, int h, int frames, int fps) throws IOException {
        int shift = Math.floorMod(content.hashCode(), 97);
        Path tmp = Files.createTempFile("fake-video", ".mp4");
        try {
            try (ShotEncoder enc = new ShotEncoder(tmp, new EncoderSettings(w, h, fps, "ultrafast", 18), 1)) {
                for (int i = 0; i < frames; i++) {
                    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            int r = (40 + shift * 2) & 0xFF;
                            int g = Math.min(255, x * 2 + y);
                            int bl = Math.min(255, 20 + i * 20);
                            img.setRGB(x, y, (r << 16) | (g << 8) | bl);
                        }
                    }
                    enc.write(img);
                }
            }
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
