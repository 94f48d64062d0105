package dev.storyreel.assemble;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How shots are encoded: H.264 (libx264), yuv420p, at a size and frame rate. Every segment of a
 * film uses the same settings, which is what lets segments be joined without re-encoding.
 *
 * @param width  frame width (even)
 * @param height frame height (even)
 * @param fps    frames per second
 * @param preset x264 preset (ultrafast ... veryslow)
 * @param crf    x264 constant rate factor (0-51, lower is better)
 */
public record EncoderSettings(int width, int height, int fps, String preset, int crf) implements java.io.Serializable {
    /** The x264 presets, fastest first. */
    public static final java.util.List<String> PRESETS = java.util.List.of("ultrafast", "superfast", "veryfast", "faster",
            "fast", "medium", "slow", "slower", "veryslow", "placebo");

    /** Refuses what x264 would refuse only after the render: an unknown preset, a CRF outside 0..51, an odd or empty size. */
    public EncoderSettings {
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("unknown x264 preset '" + preset + "' (one of " + String.join(", ", PRESETS) + ")");
        }
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("x264 CRF must be in 0..51, got " + crf);
        }
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0 || fps <= 0) {
            throw new IllegalArgumentException("frame size must be positive and even and fps positive, got "
                    + width + "x" + height + " at " + fps + " fps");
        }
    }

    /** Defaults used by the job: x264 veryfast at CRF 20. */
    public static EncoderSettings of(int width, int height, int fps) {
        return new EncoderSettings(width, height, fps, "veryfast", 20);
    }

    /** A short stable id of these settings, part of every segment's name. */
    public String id() {
        String canonical = "h264/yuv420p/" + width + "x" + height + "/" + fps + "/" + preset + "/" + crf;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
