package dev.storyreel.render.diffusion;

import ai.onnxruntime.OrtException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prompts to text conditioning: tokenises with the model's {@link PromptTokenizer}, runs the
 * {@link TextEncoder}, and keeps the last 256 prompts' hidden states (a shot's keyframes and the
 * empty prompt of guidance come back often). Thread-safe.
 */
final class PromptEncoder {
    private static final int KEEP = 256;

    private final PromptTokenizer tokenizer;
    private final TextEncoder encoder;
    private final Map<String, float[]> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > KEEP;
        }
    };

    PromptEncoder(PromptTokenizer tokenizer, TextEncoder encoder) {
        this.tokenizer = tokenizer;
        this.encoder = encoder;
    }

    /** The hidden states for {@code prompt}: [77 * D]. Callers must not change the array. */
    float[] encode(String prompt) throws OrtException {
        synchronized (recent) {
            float[] e = recent.get(prompt);
            if (e != null) {
                return e;
            }
        }
        float[] e = encoder.encode(tokenizer.encode(prompt));
        synchronized (recent) {
            recent.put(prompt, e);
        }
        return e;
    }
}
