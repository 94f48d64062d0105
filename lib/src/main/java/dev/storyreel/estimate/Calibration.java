package dev.storyreel.estimate;

import dev.storyreel.frames.FrameCodec;
import dev.storyreel.shot.ShotSpec;
import dev.storyreel.render.RenderedFrame;
import dev.storyreel.render.Renderer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Measures seconds per frame by rendering and encoding a few frames of real planned shots on this machine. */
public final class Calibration {
    private Calibration() {
    }

    /**
     * Picks up to {@code count} shots spread evenly over the plan (first, middle, ... last), in plan
     * order, so the sample is the same for the same plan.
     */
    public static <T> List<T> sample(List<T> planned, int count) {
        List<T> out = new ArrayList<>();
        if (planned.isEmpty() || count <= 0) {
            return out;
        }
        int n = Math.min(count, planned.size());
        for (int i = 0; i < n; i++) {
            out.add(planned.get(n == 1 ? 0 : (int) ((long) i * (planned.size() - 1) / (n - 1))));
        }
        return out;
    }

    /**
     * Renders {@code framesPerShot} frames of each shot (after an untimed warm-up pass) and
     * encodes each with the frame codec, as a render task does.
     */
    public static FrameCost measure(Renderer renderer, FrameCodec codec, List<ShotSpec> shots, int framesPerShot,
                                    LongSupplier nanos) {
        if (shots.isEmpty()) {
            return new FrameCost("calibration", 0, "core", "nothing to render");
        }
        // Warm-up (class loading, fonts, JIT), untimed: one pass over the same frames.
        consume(renderer.render(shots.stream().map(s -> shorten(s, framesPerShot)).iterator()), codec);
        List<ShotSpec> shortened = shots.stream().map(s -> shorten(s, framesPerShot)).toList();
        long t0 = nanos.getAsLong();
        long frames = consume(renderer.render(shortened.iterator()), codec);
        double seconds = (nanos.getAsLong() - t0) / 1e9;
        double perFrame = seconds / Math.max(1, frames);
        ShotSpec first = shots.get(0);
        return new FrameCost("calibration", perFrame, "core", String.format(Locale.ROOT,
                "calibrated on this machine: %s %dx%d, %d frames of %d planned shots in %.0f ms, %s",
                renderer.info().id(), first.width(), first.height(), frames, shots.size(), seconds * 1000, codec.name()));
    }

    private static long consume(Iterator<RenderedFrame> frames, FrameCodec codec) {
        long n = 0;
        while (frames.hasNext()) {
            codec.encode(frames.next().image());
            n++;
        }
        return n;
    }

    private static ShotSpec shorten(ShotSpec s, int frames) {
        return s.withFrames(Math.min(s.frames(), Math.max(1, frames)));
    }
}
