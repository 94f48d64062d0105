package dev.storyreel.writer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storyreel.remote.PoliteHttp;
import dev.storyreel.remote.RemoteException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * An OpenAI-compatible chat-completions endpoint, through the JDK's HTTP client and the project's Jackson
 * (the {@link PoliteHttp} the remote renderer uses: retries, backoff, bearer key kept out of messages).
 * The URL may be the server ({@code http://host:port}: {@code /v1/chat/completions}), an API base ending in
 * {@code /v1} ({@code /chat/completions} is added) or the full completions URL.
 */
public final class OpenAiChat implements ChatEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PoliteHttp http;
    private final String path;
    private final String url;
    private final String model;

    public OpenAiChat(PoliteHttp http, String url, String model) {
        this.http = http;
        this.url = url;
        this.model = model;
        this.path = completionsPath(URI.create(url));
    }

    /** The path to post to, relative to the server. */
    static String completionsPath(URI url) {
        String p = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        if (p.endsWith("/chat/completions")) {
            return "";
        }
        return p.isEmpty() ? "/v1/chat/completions" : "/chat/completions";
    }

    @Override
    public String identity() {
        return url + "#" + model;
    }

    @Override
    public String complete(List<Message> messages, long seed, double temperature) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        ArrayNode ms = body.putArray("messages");
        for (Message m : messages) {
            ms.addObject().put("role", m.role()).put("content", m.content());
        }
        body.put("temperature", temperature);
        body.put("seed", seed);
        body.put("stream", false);
        HttpRequest req;
        try {
            req = http.request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        PoliteHttp.Answer a = http.send(req, "POST chat/completions", model + seed);
        if (a.status() != 200) {
            throw new RemoteException("the chat endpoint answered HTTP " + a.status());
        }
        try {
            JsonNode j = JSON.readTree(a.body());
            JsonNode content = j.path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                throw new RemoteException("the chat endpoint's answer has no choices[0].message.content");
            }
            return content.asText();
        } catch (IOException e) {
            throw new RemoteException("the chat endpoint answered something that is not JSON");
        }
    }
}
