package dev.storyreel.remote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One video asked of a model: the size and length already snapped to what the model's profile allows.
 *
 * @param key            the idempotency key (the shot key, or the shot key and attempt after a bad result)
 * @param model          the model name the endpoint knows
 * @param prompt         what to show
 * @param negativePrompt what to avoid ("" for none)
 * @param width          requested width
 * @param height         requested height
 * @param frames         requested frame count
 * @param fps            requested frame rate
 * @param seed           the seed sent (non-negative, 31 bits: what every server accepts)
 * @param startImage     PNG of the frame to start from (image-to-video), or null
 */
public record RemoteRequest(String key, String model, String prompt, String negativePrompt, int width, int height,
                            int frames, int fps, long seed, byte[] startImage) {
    public RemoteRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(model, "model");
        prompt = Objects.requireNonNullElse(prompt, "");
        negativePrompt = Objects.requireNonNullElse(negativePrompt, "");
    }

    /** The length in seconds as a decimal string ("2.125"), as the videos API wants it. */
    public String seconds() {
        return BigDecimal.valueOf(frames).divide(BigDecimal.valueOf(fps), 3, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** The length in seconds. */
    public double durationSeconds() {
        return frames / (double) fps;
    }
}
