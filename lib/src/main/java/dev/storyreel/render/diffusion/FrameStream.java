package dev.storyreel.render.diffusion;

import dev.storyreel.shot.Seeds;

import ai.onnxruntime.OrtException;
import dev.storyreel.shot.ShotSpec;
import dev.storyreel.render.RenderedFrame;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One render call's frames, lazily and in order: which keyframes to denoise together and what each
 * frame's latent is. Keyframes of the current shot and of the shots after it are denoised together
 * in {@link Sampler} batches; each keyframe's noise depends only on the shot (its seed, place and
 * keyframe index), never on the batch. Frames between keyframes are interpolated latents seen
 * through the camera move, decoded in {@link VaeImages} batches.
 */
final class FrameStream implements Iterator<RenderedFrame> {
    private final DiffusionRenderer renderer;
    private final DiffusionSettings settings;
    private final Iterator<ShotSpec> input;
    private final Deque<Shot> ahead = new ArrayDeque<>();
    private final Deque<RenderedFrame> ready = new ArrayDeque<>();
    private Shot current;

    /** The frames of {@code input}; the renderer's model loads when the first shot is read. */
    FrameStream(DiffusionRenderer renderer, Iterator<ShotSpec> input) {
        this.renderer = renderer;
        this.settings = renderer.settings();
        this.input = input;
    }

    /** Latent and decoded sizes for a frame size: latent = ⌈frame/8⌉ rounded up to a multiple of 8 (UNet strides), unless fixed. */
    record Geometry(int lh, int lw) {
        static Geometry of(ShotSpec s, long[] fixed) {
            int lh = fixed[0] > 0 ? (int) fixed[0] : roundUp((s.height() + 7) / 8, 8);
            int lw = fixed[1] > 0 ? (int) fixed[1] : roundUp((s.width() + 7) / 8, 8);
            return new Geometry(lh, lw);
        }

        int size() {
            return 4 * lh * lw;
        }

        private static int roundUp(int v, int m) {
            return (v + m - 1) / m * m;
        }
    }

    /** A shot in flight: its keyframe positions and, once denoised, their latents. */
    private final class Shot {
        final ShotSpec spec;
        final Geometry geo;
        final int[] keys;
        final float[][] latents;
        final String prompt;
        final int dir;
        int next;
        private float[] base;

        Shot(ShotSpec spec) {
            this.spec = spec;
            this.geo = Geometry.of(spec, renderer.pipeline().fixedLatentHw());
            List<Integer> k = new ArrayList<>();
            for (int f = 0; f < spec.frames(); f += settings.keyframeEvery()) {
                k.add(f);
            }
            if (k.get(k.size() - 1) != spec.frames() - 1) {
                k.add(spec.frames() - 1);
            }
            this.keys = k.stream().mapToInt(Integer::intValue).toArray();
            this.latents = new float[keys.length][];
            this.prompt = ContinuityLedger.prompt(spec);
            this.dir = Seeds.direction(spec.seed());
        }

        boolean denoised() {
            return latents[latents.length - 1] != null && pending().isEmpty();
        }

        List<Integer> pending() {
            List<Integer> p = new ArrayList<>();
            for (int i = 0; i < latents.length; i++) {
                if (latents[i] == null) {
                    p.add(i);
                }
            }
            return p;
        }

        /** Keyframe {@code k}'s starting noise: the place's noise, the shot's, and the keyframe's own, blended on the sphere. */
        float[] noise(int k) {
            int n = geo.size();
            if (base == null) {
                float[] place = Latents.noise(ContinuityLedger.placeSeed(spec) ^ n, n);
                float[] shot = Latents.noise(Seeds.noise(spec.seed(), -1), n);
                base = Latents.slerp(place, shot, 0.6);
            }
            float[] own = Latents.noise(Seeds.noise(spec.seed(), k), n);
            return Latents.slerp(base, own, 0.35);
        }
    }

    /** A keyframe to denoise. */
    private record Request(Shot shot, int key) {
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty()) {
            if (current == null || current.next >= current.spec.frames()) {
                current = ahead.isEmpty() ? (input.hasNext() ? new Shot(input.next()) : null) : ahead.poll();
                if (current == null) {
                    return false;
                }
            }
            try {
                while (!current.denoised()) {
                    denoiseBatch();
                }
                decodeBatch();
            } catch (OrtException e) {
                throw new IllegalStateException("model call failed: " + e.getMessage(), e);
            }
        }
        return true;
    }

    @Override
    public RenderedFrame next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    /** Denoises up to one batch of keyframes: the current shot's first, then those of the shots ahead. */
    private void denoiseBatch() throws OrtException {
        int b = settings.batchSize();
        List<Request> batch = new ArrayList<>();
        current.pending().forEach(k -> batch.add(new Request(current, k)));
        for (Shot s : ahead) {
            if (batch.size() >= b) {
                break;
            }
            if (s.geo.equals(current.geo)) {
                s.pending().forEach(k -> batch.add(new Request(s, k)));
            }
        }
        while (batch.size() < b && input.hasNext()) {
            Shot s = new Shot(input.next());
            ahead.add(s);
            if (s.geo.equals(current.geo)) {
                s.pending().forEach(k -> batch.add(new Request(s, k)));
            }
        }
        List<Request> run = batch.subList(0, Math.min(b, batch.size()));
        List<float[]> noise = new ArrayList<>(run.size());
        List<String> prompts = new ArrayList<>(run.size());
        for (Request r : run) {
            noise.add(r.shot.noise(r.key));
            prompts.add(r.shot.prompt);
        }
        float[][] out = renderer.pipeline().sampler().denoise(noise, prompts, current.geo.lh, current.geo.lw);
        for (int i = 0; i < run.size(); i++) {
            run.get(i).shot.latents[run.get(i).key] = out[i];
        }
    }

    /** Decodes the current shot's next batch of frames into {@link #ready}. */
    private void decodeBatch() throws OrtException {
        Shot s = current;
        int b = Math.min(settings.batchSize(), s.spec.frames() - s.next);
        List<float[]> latents = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            latents.add(latentAt(s, s.next + i));
        }
        List<BufferedImage> frames = renderer.pipeline().images().decode(latents, s.geo.lh, s.geo.lw, s.spec.width(), s.spec.height());
        for (int i = 0; i < b; i++) {
            ready.add(new RenderedFrame(s.spec, s.next + i, frames.get(i)));
        }
        s.next += b;
    }

    /** Frame {@code f}'s latent: keyframes as denoised, frames between slerped, then the camera's view. */
    private static float[] latentAt(Shot s, int f) {
        int k = 0;
        while (k + 1 < s.keys.length && s.keys[k + 1] <= f) {
            k++;
        }
        float[] l;
        if (s.keys[k] == f || k + 1 >= s.keys.length) {
            l = s.latents[k];
        } else {
            double t = (double) (f - s.keys[k]) / (s.keys[k + 1] - s.keys[k]);
            l = Latents.slerp(s.latents[k], s.latents[k + 1], t);
        }
        double progress = s.spec.frames() == 1 ? 0 : (double) f / (s.spec.frames() - 1);
        return Latents.camera(l, 4, s.geo.lh, s.geo.lw, s.spec.camera(), Latents.ease(progress), s.dir);
    }
}
