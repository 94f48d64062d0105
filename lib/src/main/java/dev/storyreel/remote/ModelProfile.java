package dev.storyreel.remote;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;

/**
 * What one model family accepts and costs ({@code conf/remote-models.yaml}).
 *
 * @param match            model-name prefixes this profile is for (lower case; the longest matching prefix wins)
 * @param sideMultiple     width and height must be multiples of this (LTX-Video 32, Wan 16)
 * @param frameStep        frame counts must be {@code frameStep * n + 1} (LTX-Video 8, Wan 4); 1: any count
 * @param maxFrames        longest video in frames (0: no limit)
 * @param fps              the model's own frame rate (0: ask for the plan's)
 * @param pricePerSecond   price per generated second
 * @param pricePerRequest  price per submitted job
 * @param references       whether the endpoint takes a start image (image-to-video)
 * @param secondsPerFrame  about how long the endpoint takes per generated frame (for the time estimate)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelProfile(List<String> match, int sideMultiple, int frameStep, int maxFrames, int fps,
                           double pricePerSecond, double pricePerRequest, boolean references,
                           double secondsPerFrame)
        implements java.io.Serializable {

    /** Any size (even sides), any length, no price. */
    public static final ModelProfile ANY = new ModelProfile(List.of(""), 2, 1, 0, 0, 0, 0, true, 1.0);

    public ModelProfile {
        match = match == null ? List.of() : match.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        sideMultiple = Math.max(2, sideMultiple);
        if (sideMultiple % 2 != 0) {
            throw new IllegalArgumentException("side_multiple must be even: " + sideMultiple);
        }
        frameStep = Math.max(1, frameStep);
        maxFrames = Math.max(0, maxFrames);
        fps = Math.max(0, fps);
        secondsPerFrame = secondsPerFrame > 0 ? secondsPerFrame : 1.0;
    }

    /** The size and length to ask for, for a shot planned at this size and length. */
    public Shape request(int width, int height, int frames, int planFps) {
        int askFps = fps > 0 ? fps : planFps;
        int w = snap(width);
        int h = snap(height);
        int need = (int) Math.ceil(frames * (double) askFps / planFps - 1e-9);
        int n = frameStep == 1 ? Math.max(1, need) : frameStep * (int) Math.ceil((need - 1) / (double) frameStep) + 1;
        n = Math.max(n, 1);
        if (maxFrames > 0 && n > maxFrames) {
            n = frameStep == 1 ? maxFrames : frameStep * ((maxFrames - 1) / frameStep) + 1;
        }
        return new Shape(w, h, n, askFps);
    }

    /** The price of a job of this length. */
    public double price(Shape s) {
        return pricePerRequest + pricePerSecond * s.frames() / (double) s.fps();
    }

    private int snap(int side) {
        return Math.max(sideMultiple, Math.round(side / (float) sideMultiple) * sideMultiple);
    }

    /** A requested size and length. */
    public record Shape(int width, int height, int frames, int fps) implements java.io.Serializable {
    }
}
