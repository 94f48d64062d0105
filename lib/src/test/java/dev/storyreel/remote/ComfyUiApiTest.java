package dev.storyreel.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.storyreel.render.RenderedFrame;
import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.Setting;
import dev.storyreel.shot.ShotKey;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ComfyUI adapter against a ComfyUI-shaped server on loopback. */
class ComfyUiApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKFLOW = """
            {"3": {"class_type": "KSampler", "inputs": {"seed": "{{seed}}", "steps": 20, "model": ["4", 0]}},
             "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{prompt}}"}},
             "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{negative_prompt}}"}},
             "8": {"class_type": "EmptyLatentVideo", "inputs": {"width": "{{width}}", "height": "{{height}}",
                   "length": "{{frames}}"}},
             "9": {"class_type": "SaveVideo", "inputs": {"fps": "{{fps}}", "filename_prefix": "shot"}},
             "10": {"class_type": "LoadImage", "inputs": {"image": "{{init_image}}"}}}
            """;

    @TempDir
    Path out;

    /** A ComfyUI-shaped fake: uploads, prompts, a history that is empty on the first look, /view. */
    static final class FakeComfy implements AutoCloseable {
        final HttpServer server;
        final List<JsonNode> prompts = Collections.synchronizedList(new ArrayList<>());
        final List<String> uploads = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Integer> looks = new ConcurrentHashMap<>();

        FakeComfy() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/upload/image", ex -> {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
                String name = body.replaceAll("(?s).*filename=\"([^\"]+)\".*", "$1");
                uploads.add(name);
                reply(ex, 200, "{\"name\":\"" + name + "\",\"subfolder\":\"\",\"type\":\"input\"}");
            });
            server.createContext("/prompt", ex -> {
                JsonNode b = JSON.readTree(ex.getRequestBody().readAllBytes());
                prompts.add(b.path("prompt"));
                reply(ex, 200, "{\"prompt_id\":\"p-" + prompts.size() + "\",\"number\":1,\"node_errors\":{}}");
            });
            server.createContext("/history/", ex -> {
                String id = ex.getRequestURI().getPath().substring("/history/".length());
                int n = looks.merge(id, 1, Integer::sum);
                reply(ex, 200, n < 2 ? "{}" : "{\"" + id + "\":{\"status\":{\"status_str\":\"success\",\"completed\":true},"
                        + "\"outputs\":{\"9\":{\"gifs\":[{\"filename\":\"" + id + ".mp4\",\"subfolder\":\"\",\"type\":\"output\"}]}}}}");
            });
            server.createContext("/view", ex -> {
                String q = ex.getRequestURI().getQuery();
                int i = Integer.parseInt(q.replaceAll(".*filename=p-(\\d+)\\.mp4.*", "$1")) - 1;
                JsonNode p = prompts.get(i);
                byte[] mp4 = FakeVideoServer.mp4(p.path("6").path("inputs").path("text").asText(),
                        p.path("8").path("inputs").path("width").asInt(), p.path("8").path("inputs").path("height").asInt(),
                        p.path("8").path("inputs").path("length").asInt(), p.path("9").path("inputs").path("fps").asInt());
                ex.sendResponseHeaders(200, mp4.length);
                ex.getResponseBody().write(mp4);
                ex.close();
            });
            server.start();
        }

        static void reply(HttpExchange ex, int code, String body) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(code, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void aWorkflowTemplateIsFilledSubmittedPolledAndItsVideoConformed() throws IOException {
        try (FakeComfy comfy = new FakeComfy()) {
            RemoteSettings s = RemoteSettings.of(RemoteApiKind.COMFYUI, comfy.url(), "ltx-video", WORKFLOW, 1,
                    new ModelProfile(List.of("ltx"), 32, 8, 257, 0, 0.01, 0, true, 1.0), "")
                    .withTimings(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(1), Duration.ofMillis(2),
                            new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), 3));
            ShotSpec a = new ShotSpec(60, 34, 8, 5, 4242, ShotKind.ACTION, CameraMove.STATIC,
                    new Setting(Setting.Exposure.EXT, "HILL", "DAY"), List.of("NELL"), "", "", "", "", "say \"{{seed}}\" twice");
            ShotSpec b = a.withFrames(7);
            List<RenderedFrame> frames = new ArrayList<>();
            try (RemoteRenderer r = new RemoteRenderer(s, "", new JobLedger(new LocalLedgerFiles(out), "remote/jobs"), d -> { })) {
                r.render(List.of(new RemoteShot(ShotKey.of(r.info(), a), a, false, true),
                        new RemoteShot(ShotKey.of(r.info(), b), b, true, true))).forEachRemaining(frames::add);
            }
            assertEquals(5 + 7, frames.size());
            frames.forEach(f -> assertEquals(60, f.image().getWidth()));
            frames.forEach(f -> assertEquals(34, f.image().getHeight()));
            assertEquals(2, comfy.prompts.size());
            JsonNode p = comfy.prompts.get(0);
            assertTrue(p.path("3").path("inputs").path("seed").isNumber());
            assertEquals(4242, p.path("3").path("inputs").path("seed").asLong());
            assertEquals(64, p.path("8").path("inputs").path("width").asInt(), "60 snapped to a multiple of 32");
            assertEquals(32, p.path("8").path("inputs").path("height").asInt());
            assertEquals(9, p.path("8").path("inputs").path("length").asInt(), "5 frames snapped to 8n+1");
            assertEquals("say \"{{seed}}\" twice", p.path("6").path("inputs").path("text").asText(), "prompt text is data");
            assertEquals(20, p.path("3").path("inputs").path("steps").asInt());
            assertEquals(2, comfy.uploads.size(), "a grey start for the first shot, the last frame for the second");
            assertEquals(comfy.uploads.get(1), comfy.prompts.get(1).path("10").path("inputs").path("image").asText());
            assertTrue(!comfy.uploads.get(0).equals(comfy.uploads.get(1)));
        }
    }
}
