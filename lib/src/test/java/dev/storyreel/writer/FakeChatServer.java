package dev.storyreel.writer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * An OpenAI-style chat-completions endpoint on loopback for tests: answers from a queue of replies (the last
 * one repeats) and logs every request body. With a key it wants {@code Authorization: Bearer <key>}.
 */
public final class FakeChatServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Deque<String> replies;
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());

    /** @param key the bearer key wanted, or "" to take any request */
    public FakeChatServer(String key, String... replies) throws IOException {
        this.replies = new ArrayDeque<>(List.of(replies));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            boolean auth = key.isEmpty() || ("Bearer " + key).equals(ex.getRequestHeaders().getFirst("Authorization"));
            requests.add(body);
            String content;
            synchronized (this.replies) {
                content = this.replies.size() > 1 ? this.replies.poll() : this.replies.peek();
            }
            var answer = JSON.createObjectNode();
            answer.putArray("choices").addObject().putObject("message").put("role", "assistant").put("content", content);
            byte[] b = auth ? JSON.writeValueAsBytes(answer) : "{}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(auth ? 200 : 401, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
    }

    /** The server's base URL. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request body so far. */
    public List<JsonNode> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
