package dev.storyreel.render.diffusion;

import java.util.concurrent.locks.Lock;

/**
 * A loaded model with the work around its calls, in the order a frame needs them: prompts to
 * conditioning ({@link PromptEncoder} over the {@link TextEncoder}), keyframes denoised
 * ({@link Sampler} over the {@link Denoiser}), latents to frames ({@link VaeImages} over the
 * {@link VaeDecoder}). Closing it closes the model.
 *
 * @param models  the three stages on their device
 * @param sampler guidance, batching and the scheduler around the denoiser
 * @param images  scaling and image conversion around the VAE decoder
 */
record DiffusionPipeline(DiffusionModels models, Sampler sampler, VaeImages images) implements AutoCloseable {

    /** Loads {@code folder}'s model on {@code device} for sampling with resolved {@code settings}. */
    static DiffusionPipeline load(ModelFolder folder, DiffusionSettings settings, Device device, Lock deviceLock) {
        PromptTokenizer tokenizer = folder.tokenizer();
        DiffusionModels models = DiffusionModels.load(folder, device, deviceLock);
        PromptEncoder prompts = new PromptEncoder(tokenizer, models.textEncoder());
        return new DiffusionPipeline(models,
                new Sampler(models.denoiser(), prompts, settings, folder.scheduler()),
                new VaeImages(models.vaeDecoder(), folder.vaeScaling()));
    }

    /** Fixed latent height and width of the denoiser (-1 where dynamic). */
    long[] fixedLatentHw() {
        return models.denoiser().latentHw();
    }

    @Override
    public void close() {
        models.close();
    }
}
