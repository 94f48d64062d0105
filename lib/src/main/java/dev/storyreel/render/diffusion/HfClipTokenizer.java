package dev.storyreel.render.diffusion;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * CLIP tokenisation from a {@code tokenizer.json} through DJL's HuggingFace tokenizers (its native
 * library ships in the jar; DJL runs offline, nothing is downloaded), framed, truncated and padded
 * to 77 like {@link ClipTokenizer}.
 */
final class HfClipTokenizer implements PromptTokenizer {
    private final HuggingFaceTokenizer tokenizer;
    private final long eos;
    private final long pad;

    private HfClipTokenizer(HuggingFaceTokenizer tokenizer, long eos, long pad) {
        this.tokenizer = tokenizer;
        this.eos = eos;
        this.pad = pad;
    }

    static HfClipTokenizer read(Path dir) throws IOException {
        System.setProperty("ai.djl.offline", "true");
        Path file = dir.resolve("tokenizer.json");
        JsonNode vocab = new ObjectMapper().readTree(file.toFile()).path("model").path("vocab");
        long eos = vocab.path("<|endoftext|>").asLong(49407);
        long pad = eos;
        Path special = dir.resolve("special_tokens_map.json");
        if (Files.isRegularFile(special)) {
            JsonNode p = new ObjectMapper().readTree(special.toFile()).get("pad_token");
            String name = p == null ? null : p.isTextual() ? p.asText() : p.path("content").asText(null);
            if (name != null && vocab.has(name)) {
                pad = vocab.get(name).asLong();
            }
        }
        HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(file, Map.of("addSpecialTokens", "true",
                "truncation", "false", "padding", "false"));
        return new HfClipTokenizer(t, eos, pad);
    }

    @Override
    public long[] encode(String text) {
        Encoding e = tokenizer.encode(text);
        long[] ids = e.getIds();
        long[] out = new long[ClipTokenizer.CONTEXT];
        int n = Math.min(ids.length, ClipTokenizer.CONTEXT);
        System.arraycopy(ids, 0, out, 0, n);
        if (ids.length > ClipTokenizer.CONTEXT) {
            out[ClipTokenizer.CONTEXT - 1] = eos;
        }
        Arrays.fill(out, n, ClipTokenizer.CONTEXT, pad);
        return out;
    }
}
