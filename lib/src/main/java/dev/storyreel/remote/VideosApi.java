package dev.storyreel.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The asynchronous videos API: {@code POST /v1/videos} (with {@code Idempotency-Key}), {@code GET
 * /v1/videos/{id}} until completed or failed, {@code GET /v1/videos/{id}/content} for the MP4.
 */
public final class VideosApi implements RemoteApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PoliteHttp http;

    public VideosApi(PoliteHttp http) {
        this.http = http;
    }

    @Override
    public String submit(RemoteRequest r) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", r.model());
        body.put("prompt", r.prompt());
        if (!r.negativePrompt().isEmpty()) {
            body.put("negative_prompt", r.negativePrompt());
        }
        body.put("size", r.width() + "x" + r.height());
        body.put("seconds", r.seconds());
        body.put("seed", r.seed());
        body.put("fps", r.fps());
        body.put("num_frames", r.frames());
        if (r.startImage() != null) {
            body.put("input_reference", "data:image/png;base64," + Base64.getEncoder().encodeToString(r.startImage()));
        }
        HttpRequest req = http.request("/v1/videos")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", r.key())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))
                .build();
        PoliteHttp.Answer a = http.send(req, "POST /v1/videos", r.key());
        JsonNode answer = json(a, "POST /v1/videos");
        String id = answer.path("id").asText("");
        if (id.isEmpty()) {
            throw new RemoteException("POST /v1/videos answered without a job id");
        }
        return id;
    }

    @Override
    public JobState poll(String jobId, String key) {
        PoliteHttp.Answer a = http.send(http.request("/v1/videos/" + path(jobId)).GET().build(), "GET /v1/videos/" + jobId, key);
        if (a.status() == 404) {
            return new JobState(JobState.Status.UNKNOWN_JOB, -1, "the endpoint does not know job " + jobId);
        }
        JsonNode j = json(a, "GET /v1/videos/" + jobId);
        String status = j.path("status").asText("").toLowerCase(Locale.ROOT);
        int progress = j.path("progress").isNumber() ? j.path("progress").asInt() : -1;
        return switch (status) {
            case "queued" -> new JobState(JobState.Status.QUEUED, progress, "");
            case "in_progress", "processing", "running" -> new JobState(JobState.Status.RUNNING, progress, "");
            case "completed", "succeeded" -> new JobState(JobState.Status.COMPLETED, 100, "");
            case "failed", "cancelled", "canceled", "expired" -> new JobState(JobState.Status.FAILED, progress,
                    j.path("error").path("message").asText("job " + status));
            default -> throw new RemoteException("GET /v1/videos/" + jobId + " answered an unknown status '" + status + "'");
        };
    }

    @Override
    public byte[] download(String jobId, String key) {
        String what = "GET /v1/videos/" + jobId + "/content";
        PoliteHttp.Answer a = http.send(http.request("/v1/videos/" + path(jobId) + "/content").GET().build(), what, key);
        if (a.status() != 200) {
            throw new RemoteException(what + " answered HTTP " + a.status() + PoliteHttp.errorText(a.body()));
        }
        return a.body();
    }

    private static String path(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(PoliteHttp.Answer a, String what) {
        if (a.status() / 100 != 2) {
            throw new RemoteException(what + " answered HTTP " + a.status() + PoliteHttp.errorText(a.body()));
        }
        try {
            return JSON.readTree(a.body());
        } catch (IOException e) {
            throw new RemoteException(what + " answered something that is not JSON" + PoliteHttp.errorText(a.body()));
        }
    }
}
