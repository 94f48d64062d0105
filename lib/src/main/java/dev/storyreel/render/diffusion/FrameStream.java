package dev.storyreel.render.diffusion;

import dev.storyreel.shot.Seeds;

import ai.onnxruntime.OrtException;
import dev.storyreel.shot.ShotSpec;
import dev.storyreel.render.RenderedFrame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One render call's frames, lazily and in order. Keyframes of the current shot and of the shots
 * after it are denoised together in UNet batches; each keyframe's noise depends only on the shot
 * (its seed, place and keyframe index), never on the batch. Frames are decoded in VAE batches.
 */
final class FrameStream implements Iterator<RenderedFrame> {
    private final DiffusionRenderer renderer;
    private final DiffusionSettings settings;
    private final Iterator<ShotSpec> input;
    private final Deque<Shot> ahead = new ArrayDeque<>();
    private final Deque<RenderedFrame> ready = new ArrayDeque<>();
    private Shot current;

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
            this.geo = Geometry.of(spec, renderer.models().latentHw());
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
        float[][] out = denoise(run, current.geo);
        for (int i = 0; i < run.size(); i++) {
            run.get(i).shot.latents[run.get(i).key] = out[i];
        }
    }

    /** Runs the sampler over one batch of keyframes (all of one geometry). */
    private float[][] denoise(List<Request> run, Geometry geo) throws OrtException {
        OnnxModels m = renderer.models();
        int n = run.size();
        int size = geo.size();
        Scheduler sched = Scheduler.create(settings.scheduler(), renderer.folder().scheduler(), settings.steps());
        boolean cfg = settings.guided();
        float[][] x = new float[n][];
        float[][] cond = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = run.get(i).shot.noise(run.get(i).key);
            float s = sched.initNoiseSigma();
            for (int k = 0; k < size; k++) {
                x[i][k] *= s;
            }
            cond[i] = renderer.embedding(run.get(i).shot.prompt);
        }
        float[] uncond = cfg ? renderer.embedding("") : null;
        int items = cfg ? 2 * n : n;
        int ci = cond[0].length;
        float[] condIn = new float[items * ci];
        for (int i = 0; i < n; i++) {
            if (cfg) {
                System.arraycopy(uncond, 0, condIn, i * ci, ci);
                System.arraycopy(cond[i], 0, condIn, (n + i) * ci, ci);
            } else {
                System.arraycopy(cond[i], 0, condIn, i * ci, ci);
            }
        }
        int[] ts = sched.timesteps();
        for (int step = 0; step < ts.length; step++) {
            float[] in = new float[items * size];
            for (int i = 0; i < n; i++) {
                float[] scaled = sched.scaleModelInput(x[i], step);
                System.arraycopy(scaled, 0, in, i * size, size);
                if (cfg) {
                    System.arraycopy(scaled, 0, in, (n + i) * size, size);
                }
            }
            float[] out = m.unet(in, condIn, items, geo.lh, geo.lw, ts[step]);
            float g = settings.guidance();
            for (int i = 0; i < n; i++) {
                float[] eps = new float[size];
                if (cfg) {
                    for (int k = 0; k < size; k++) {
                        float u = out[i * size + k];
                        float c = out[(n + i) * size + k];
                        eps[k] = u + g * (c - u);
                    }
                } else {
                    System.arraycopy(out, i * size, eps, 0, size);
                }
                sched.step(eps, step, x[i]);
            }
        }
        return x;
    }

    /** Decodes the current shot's next batch of frames into {@link #ready}. */
    private void decodeBatch() throws OrtException {
        Shot s = current;
        int b = Math.min(settings.batchSize(), s.spec.frames() - s.next);
        int size = s.geo.size();
        float[] in = new float[b * size];
        float inv = 1f / renderer.folder().vaeScaling();
        for (int i = 0; i < b; i++) {
            float[] l = latentAt(s, s.next + i);
            for (int k = 0; k < size; k++) {
                in[i * size + k] = l[k] * inv;
            }
        }
        float[] img = renderer.models().decode(in, b, s.geo.lh, s.geo.lw);
        int dh = img.length / b / 3 / (s.geo.lw * 8) ;
        int dw = s.geo.lw * 8;
        for (int i = 0; i < b; i++) {
            ready.add(new RenderedFrame(s.spec, s.next + i, toImage(img, i, dh, dw, s.spec.width(), s.spec.height())));
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

    /** Image {@code i} of a decoded batch [n, 3, dh, dw] in [-1, 1] to a BGR frame, centre-cropped (or scaled) to w x h. */
    static BufferedImage toImage(float[] img, int i, int dh, int dw, int w, int h) {
        int plane = dh * dw;
        int base = i * 3 * plane;
        if (dw >= w && dh >= h) {
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            byte[] o = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
            int ox = (dw - w) / 2;
            int oy = (dh - h) / 2;
            for (int y = 0; y < h; y++) {
                int src = base + (y + oy) * dw + ox;
                int dst = y * w * 3;
                for (int x = 0; x < w; x++, src++, dst += 3) {
                    o[dst + 2] = level(img[src]);
                    o[dst + 1] = level(img[src + plane]);
                    o[dst] = level(img[src + 2 * plane]);
                }
            }
            return out;
        }
        BufferedImage full = toImage(img, i, dh, dw, dw, dh);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        double scale = Math.max((double) w / dw, (double) h / dh);
        java.awt.Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            int sw = (int) Math.ceil(dw * scale);
            int sh = (int) Math.ceil(dh * scale);
            g.drawImage(full, (w - sw) / 2, (h - sh) / 2, sw, sh, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte level(float v) {
        float x = (v * 0.5f + 0.5f) * 255f + 0.5f;
        return x <= 0 ? 0 : x >= 255 ? (byte) 255 : (byte) (int) x;
    }
}
