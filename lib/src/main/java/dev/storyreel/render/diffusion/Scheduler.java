package dev.storyreel.render.diffusion;

/**
 * A diffusion sampler on plain float arrays: one instance per batch run, stepped once per timestep.
 * Same input, same output, bit for bit (no randomness: eta = 0, no churn).
 */
interface Scheduler {
    /** The timesteps fed to the UNet, in order. */
    int[] timesteps();

    /** Factor the unit Gaussian noise is scaled by to make the first latent. */
    float initNoiseSigma();

    /** The UNet's input for step {@code i}, from latent {@code x} (a new array or {@code x} itself). */
    float[] scaleModelInput(float[] x, int i);

    /** The latent after step {@code i}, given the model output (noise or v); writes into {@code x}. */
    void step(float[] modelOutput, int i, float[] x);

    /** A scheduler by name ("euler" or "ddim") over the model's scheduler config. */
    static Scheduler create(String name, SchedulerConfig config, int steps) {
        return switch (name) {
            case "euler" -> new EulerDiscreteScheduler(config, steps);
            case "ddim" -> new DdimScheduler(config, steps);
            default -> throw new IllegalArgumentException("unknown scheduler '" + name + "'; known: euler, ddim");
        };
    }
}
