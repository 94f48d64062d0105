package dev.storyreel.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.storyreel.shot.ShotKey;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A ComfyUI server running an API-format workflow template. The template's string values
 * {@code {{prompt}}, {{negative_prompt}}, {{seed}}, {{width}}, {{height}}, {{frames}}, {{fps}},
 * {{init_image}}} are filled in (a value that is exactly a numeric placeholder becomes a number; text is
 * inserted as JSON data, never spliced into JSON text). The start image goes up by {@code POST
 * /upload/image}; a shot without one starts from a mid-grey frame when the template wants an image. The job
 * is {@code POST /prompt}; {@code GET /history/{id}} says when it is done and names its output file, read
 * with {@code GET /view}. ComfyUI has no idempotency key: the {@link JobLedger} alone prevents paying twice.
 */
public final class ComfyUiApi implements RemoteApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.Set<String> NUMERIC = java.util.Set.of("seed", "width", "height", "frames", "fps");

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{\\{([a-z_]+)}}");

    private final PoliteHttp http;
    private final JsonNode template;

    public ComfyUiApi(PoliteHttp http, String workflowJson) {
        this.http = http;
        try {
            this.template = JSON.readTree(workflowJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("the ComfyUI workflow is not JSON: " + e.getMessage());
        }
        if (template == null || !template.isObject()) {
            throw new IllegalArgumentException("the ComfyUI workflow must be an API-format JSON object of nodes");
        }
    }

    @Override
    public String submit(RemoteRequest r) {
        Map<String, String> values = new java.util.TreeMap<>();
        values.put("prompt", r.prompt());
        values.put("negative_prompt", r.negativePrompt());
        values.put("seed", Long.toString(r.seed()));
        values.put("width", Integer.toString(r.width()));
        values.put("height", Integer.toString(r.height()));
        values.put("frames", Integer.toString(r.frames()));
        values.put("fps", Integer.toString(r.fps()));
        if (template.toString().contains("{{init_image}}")) {
            byte[] png = r.startImage() != null ? r.startImage() : grey(r.width(), r.height());
            values.put("init_image", upload(png, r.key()));
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("prompt", fill(template.deepCopy(), values));
        body.put("client_id", "storyreel-" + r.key());
        HttpRequest req = http.request("/prompt").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(VideosApi.bytes(body))).build();
        JsonNode a = VideosApi.json(http.send(req, "POST /prompt", r.key()), "POST /prompt");
        if (a.path("node_errors").size() > 0) {
            throw new RemoteException("POST /prompt: the workflow has errors: " + a.path("node_errors").toString());
        }
        String id = a.path("prompt_id").asText("");
        if (id.isEmpty()) {
            throw new RemoteException("POST /prompt answered without a prompt_id");
        }
        return id;
    }

    @Override
    public JobState poll(String jobId, String key) {
        JsonNode h = VideosApi.json(http.send(http.request("/history/" + enc(jobId)).GET().build(),
                "GET /history/" + jobId, key), "GET /history/" + jobId).path(jobId);
        if (h.isMissingNode()) {
            return new JobState(JobState.Status.RUNNING, -1, "");
        }
        JsonNode status = h.path("status");
        if ("error".equals(status.path("status_str").asText())) {
            String msg = "the workflow failed";
            for (JsonNode m : status.path("messages")) {
                if (m.isArray() && "execution_error".equals(m.path(0).asText())) {
                    msg = m.path(1).path("exception_message").asText(msg);
                }
            }
            return new JobState(JobState.Status.FAILED, -1, msg.strip());
        }
        return status.path("completed").asBoolean(false) || "success".equals(status.path("status_str").asText())
                ? new JobState(JobState.Status.COMPLETED, 100, "") : new JobState(JobState.Status.RUNNING, -1, "");
    }

    @Override
    public byte[] download(String jobId, String key) {
        JsonNode h = VideosApi.json(http.send(http.request("/history/" + enc(jobId)).GET().build(),
                "GET /history/" + jobId, key), "GET /history/" + jobId).path(jobId);
        JsonNode file = videoOutput(h.path("outputs"));
        if (file == null) {
            throw new BadResultException("the workflow's outputs name no video file");
        }
        String query = "filename=" + enc(file.path("filename").asText()) + "&subfolder="
                + enc(file.path("subfolder").asText("")) + "&type=" + enc(file.path("type").asText("output"));
        PoliteHttp.Answer a = http.send(http.request("/view?" + query).GET().build(), "GET /view", key);
        if (a.status() != 200) {
            throw new RemoteException("GET /view answered HTTP " + a.status() + PoliteHttp.errorText(a.body()));
        }
        return a.body();
    }

    /** The first output file that is a video, nodes in id order. */
    private static JsonNode videoOutput(JsonNode outputs) {
        java.util.TreeMap<String, JsonNode> nodes = new java.util.TreeMap<>();
        outputs.fields().forEachRemaining(e -> nodes.put(e.getKey(), e.getValue()));
        for (JsonNode node : nodes.values()) {
            for (String kind : new String[] {"videos", "gifs", "images"}) {
                for (JsonNode f : node.path(kind)) {
                    String name = f.path("filename").asText("").toLowerCase(java.util.Locale.ROOT);
                    if (name.endsWith(".mp4") || name.endsWith(".webm") || name.endsWith(".mov") || name.endsWith(".mkv")) {
                        return f;
                    }
                }
            }
        }
        return null;
    }

    private String upload(byte[] png, String key) {
        String name = "storyreel-" + ShotKey.sha256(png).substring(0, 24) + ".png";
        String boundary = "storyreel" + ShotKey.sha256(png).substring(0, 16);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"overwrite\"\r\n\r\ntrue\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + name
                    + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(png);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest req = http.request("/upload/image").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        JsonNode a = VideosApi.json(http.send(req, "POST /upload/image", key), "POST /upload/image");
        String sub = a.path("subfolder").asText("");
        return (sub.isEmpty() ? "" : sub + "/") + a.path("name").asText(name);
    }

    /** The template with its placeholders filled in. */
    static JsonNode fill(JsonNode node, Map<String, String> values) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            java.util.List<String> names = new java.util.ArrayList<>();
            it.forEachRemaining(e -> names.add(e.getKey()));
            for (String n : names) {
                o.set(n, fill(o.get(n), values));
            }
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, fill(a.get(i), values));
            }
            return a;
        }
        if (node.isTextual()) {
            String s = node.asText();
            java.util.regex.Matcher whole = PLACEHOLDER.matcher(s);
            if (whole.matches() && NUMERIC.contains(whole.group(1)) && values.containsKey(whole.group(1))) {
                return JsonNodeFactory.instance.numberNode(Long.parseLong(values.get(whole.group(1))));
            }
            s = PLACEHOLDER.matcher(s).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                    values.getOrDefault(m.group(1), m.group())));
            return TextNode.valueOf(s);
        }
        return node;
    }

    private static byte[] grey(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, w, h);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
