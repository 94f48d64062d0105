package dev.storyreel.render.diffusion;

import ai.onnxruntime.OrtException;
import java.util.List;

/**
 * Denoises a batch of keyframes: each starts from its own noise and prompt, the scheduler runs its
 * steps, and every step is one {@link Denoiser} call over the whole batch; with classifier-free
 * guidance the batch carries each item twice (unconditioned, then conditioned) and the two
 * predictions are blended by the guidance scale. Each item's result depends only on its noise and
 * prompt, never on the rest of the batch.
 */
final class Sampler {
    private final Denoiser denoiser;
    private final PromptEncoder prompts;
    private final DiffusionSettings settings;
    private final SchedulerConfig config;

    /** A sampler with resolved {@code settings} over the model's {@code config}. */
    Sampler(Denoiser denoiser, PromptEncoder prompts, DiffusionSettings settings, SchedulerConfig config) {
        this.denoiser = denoiser;
        this.prompts = prompts;
        this.settings = settings;
        this.config = config;
    }

    /**
     * The denoised latents [4 * lh * lw] of each item. {@code noise} is each item's unit starting
     * noise (scaled here, in place); {@code prompts} each item's prompt.
     */
    float[][] denoise(List<float[]> noise, List<String> itemPrompts, int lh, int lw) throws OrtException {
        int n = noise.size();
        int size = 4 * lh * lw;
        Scheduler sched = Scheduler.create(settings.scheduler(), config, settings.steps());
        boolean cfg = settings.guided();
        float[][] x = new float[n][];
        float[][] cond = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = noise.get(i);
            float s = sched.initNoiseSigma();
            for (int k = 0; k < size; k++) {
                x[i][k] *= s;
            }
            cond[i] = prompts.encode(itemPrompts.get(i));
        }
        float[] condIn = conditioning(cond, cfg ? prompts.encode("") : null);
        int items = cfg ? 2 * n : n;
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
            float[] out = denoiser.predict(in, condIn, items, lh, lw, ts[step]);
            for (int i = 0; i < n; i++) {
                sched.step(guided(out, i, n, size, cfg), step, x[i]);
            }
        }
        return x;
    }

    /** The conditioning of a batch: each item's, after as many unconditioned ones when guided. */
    private static float[] conditioning(float[][] cond, float[] uncond) {
        int n = cond.length;
        int ci = cond[0].length;
        float[] in = new float[(uncond == null ? n : 2 * n) * ci];
        for (int i = 0; i < n; i++) {
            if (uncond != null) {
                System.arraycopy(uncond, 0, in, i * ci, ci);
                System.arraycopy(cond[i], 0, in, (n + i) * ci, ci);
            } else {
                System.arraycopy(cond[i], 0, in, i * ci, ci);
            }
        }
        return in;
    }

    /** Item {@code i}'s noise prediction: as predicted, or guided (u + g * (c - u)). */
    private float[] guided(float[] out, int i, int n, int size, boolean cfg) {
        float[] eps = new float[size];
        if (!cfg) {
            System.arraycopy(out, i * size, eps, 0, size);
            return eps;
        }
        float g = settings.guidance();
        for (int k = 0; k < size; k++) {
            float u = out[i * size + k];
            float c = out[(n + i) * size + k];
            eps[k] = u + g * (c - u);
        }
        return eps;
    }
}
