package dev.storyreel.writer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.storyreel.remote.LedgerFiles;
import dev.storyreel.remote.RemoteException;
import dev.storyreel.shot.ShotKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a logline or an ad brief into a Fountain screenplay with a chat model: asks for a screenplay within
 * a page budget, checks it ({@link ScreenplayCheck}), and on a problem sends the problem back and asks again,
 * at most {@code retries} times, then gives up with the last problem. The accepted screenplay is stored at
 * {@code <folder>/<film_id>.fountain} with a {@code .json} beside it holding its reuse key (a hash of the
 * endpoint, model, prompt, seed and temperature): a rerun with the same key reads it and calls nobody.
 */
public final class WritersRoom {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ChatEndpoint chat;
    private final LedgerFiles files;
    private final String folder;
    private final int retries;
    private final double temperature;

    /** What the room produced for one ask: the stored file's path (relative to the output root) and its text. */
    public record Written(String path, String fountain, boolean reused, int calls) {
    }

    /**
     * @param folder      the screenplays' folder relative to the output root ({@code screenplays})
     * @param retries     how many times a rejected screenplay is sent back
     * @param temperature the sampling temperature sent
     */
    public WritersRoom(ChatEndpoint chat, LedgerFiles files, String folder, int retries, double temperature) {
        this.chat = chat;
        this.files = files;
        this.folder = folder;
        this.retries = retries;
        this.temperature = temperature;
    }

    /** The stored screenplay's path for a film, relative to the output root. */
    public static String path(String folder, String filmId) {
        if (!filmId.matches("[a-z0-9._-]+") || filmId.startsWith(".")) {
            throw new IllegalArgumentException("not a film id: " + filmId);
        }
        return folder + "/" + filmId + ".fountain";
    }

    /** The screenplay for an ask: the stored one when its key matches, else a new one from the chat model. */
    public Written write(WriterAsk ask) throws WriterException {
        List<ChatEndpoint.Message> messages = new ArrayList<>();
        messages.add(new ChatEndpoint.Message("system", SYSTEM));
        messages.add(new ChatEndpoint.Message("user", prompt(ask)));
        String key = reuseKey(ask, messages);
        String path = path(folder, ask.filmId());
        String meta = folder + "/" + ask.filmId() + ".json";
        Optional<byte[]> stored = files.read(path);
        if (stored.isPresent() && files.read(meta).map(b -> key.equals(storedKey(b))).orElse(false)) {
            return new Written(path, new String(stored.get(), StandardCharsets.UTF_8), true, 0);
        }
        String problem = "";
        for (int call = 1; call <= retries + 1; call++) {
            String reply;
            try {
                reply = fountainOf(chat.complete(messages, ask.seed(), temperature));
            } catch (RemoteException e) {
                throw new WriterException("the chat endpoint failed: " + e.getMessage());
            }
            Optional<String> p = ScreenplayCheck.problem(ask.filmId() + ".fountain", reply, ask.pages());
            if (p.isEmpty()) {
                files.write(path, reply.getBytes(StandardCharsets.UTF_8));
                files.write(meta, metadata(key, call));
                return new Written(path, reply, false, call);
            }
            problem = p.get();
            messages.add(new ChatEndpoint.Message("assistant", reply));
            messages.add(new ChatEndpoint.Message("user", "That screenplay cannot be used: " + problem
                    + ". Write the whole screenplay again in Fountain, fixing this, and reply with the screenplay only."));
        }
        throw new WriterException("the writer gave no usable screenplay in " + (retries + 1) + " tries; the last one: "
                + problem);
    }

    private String reuseKey(WriterAsk ask, List<ChatEndpoint.Message> messages) {
        StringBuilder b = new StringBuilder(chat.identity()).append('\u0000').append(ask.seed()).append('\u0000')
                .append(temperature);
        messages.forEach(m -> b.append('\u0000').append(m.role()).append('\u0001').append(m.content()));
        return ShotKey.sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String storedKey(byte[] json) {
        try {
            return JSON.readTree(json).path("key").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static byte[] metadata(String key, int calls) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("calls", calls);
        try {
            return JSON.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The screenplay in a reply: the reply itself, or the inside of a fenced block when it has one. */
    static String fountainOf(String reply) {
        String r = reply.strip();
        int open = r.indexOf("```");
        if (open >= 0) {
            int lineEnd = r.indexOf('\n', open);
            int close = lineEnd < 0 ? -1 : r.indexOf("```", lineEnd);
            if (close > lineEnd) {
                r = r.substring(lineEnd + 1, close).strip();
            }
        }
        return r + "\n";
    }

    private static final String SYSTEM = """
            You are a screenwriter. You write short, original screenplays in Fountain format and reply with the \
            screenplay only, no commentary. Fountain rules: a title page first ('Title: ...', 'Credit: Written by', \
            'Author: ...' lines), then a blank line; scene headings such as 'INT. KITCHEN - DAY' or 'EXT. PIER - \
            NIGHT' on their own line with blank lines around them; action as plain paragraphs; a character's name in \
            capitals on its own line with the dialogue directly below it; parentheticals in brackets under the name. \
            Keep to the page budget: about one minute of screen time per page.""";

    static String prompt(WriterAsk ask) {
        StringBuilder p = new StringBuilder();
        String pages = String.format(Locale.ROOT, "%.1f", ask.pages());
        if (ask.brief() == null) {
            p.append("Write a short film of at most ").append(pages).append(" pages from this logline:\n\n")
                    .append(ask.logline()).append("\n");
        } else {
            Brief b = ask.brief();
            p.append("Write a ").append(b.seconds()).append("-second advertising spot (at most ").append(pages)
                    .append(" pages) for this brief.\nProduct: ").append(b.product()).append('\n');
            if (!b.audience().isEmpty()) {
                p.append("Audience: ").append(b.audience()).append('\n');
            }
            if (!b.tone().isEmpty()) {
                p.append("Tone: ").append(b.tone()).append('\n');
            }
            if (ask.of() > 1) {
                p.append("This is alternative ").append(ask.alternative()).append(" of ").append(ask.of())
                        .append(": give it its own idea, setting and characters.\n");
            }
        }
        if (!ask.title().isEmpty()) {
            p.append("Title: ").append(ask.title()).append('\n');
        }
        p.append("It needs a title page, at least one scene heading, and dialogue.");
        return p.toString();
    }
}
