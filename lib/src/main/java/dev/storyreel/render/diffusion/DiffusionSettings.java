package dev.storyreel.render.diffusion;

/**
 * How the diffusion renderer samples. Everything but {@code batchSize} changes pixels and so is part
 * of the renderer's version; the batch size never changes a frame.
 *
 * @param scheduler     "euler", "ddim" or "auto" (from the model's scheduler config)
 * @param steps         denoising steps per keyframe (0: the scheduler's default, 1 for Euler/Turbo, 20 for DDIM)
 * @param guidance      classifier-free guidance scale (≤ 1 turns it off; negative: the default, 0 for Euler/Turbo, 7.5 for DDIM)
 * @param batchSize     items per UNet and VAE call
 * @param keyframeEvery frames between keyframes; frames between are interpolated latents
 */
public record DiffusionSettings(String scheduler, int steps, float guidance, int batchSize, int keyframeEvery)
        implements java.io.Serializable {

    public DiffusionSettings {
        if (batchSize < 1 || keyframeEvery < 1 || steps < 0) {
            throw new IllegalArgumentException("batch size and keyframe spacing must be >= 1 and steps >= 0");
        }
    }

    /** The defaults: scheduler, steps and guidance from the model, batches of 4, a keyframe every 12 frames. */
    public static DiffusionSettings defaults() {
        return new DiffusionSettings("auto", 0, -1, 4, 12);
    }

    /** This with "auto" and defaults resolved against the model's scheduler config. */
    DiffusionSettings resolve(SchedulerConfig config) {
        String s = scheduler;
        if ("auto".equals(s)) {
            s = config.className().startsWith("Euler") ? "euler" : "ddim";
        }
        boolean euler = "euler".equals(s);
        int n = steps > 0 ? steps : euler ? 1 : 20;
        float g = guidance >= 0 ? guidance : euler ? 0f : 7.5f;
        return new DiffusionSettings(s, n, g, batchSize, keyframeEvery);
    }

    /** Classifier-free guidance on? */
    boolean guided() {
        return guidance > 1f;
    }

    /** The pixel-relevant settings as a short string for the renderer version. */
    String signature() {
        return scheduler + "-" + steps + "-g" + guidance + "-k" + keyframeEvery;
    }
}
