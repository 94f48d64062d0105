package dev.storyreel.render.diffusion;

/** Deterministic DDIM (eta = 0), diffusers' DDIMScheduler: the multistep sampler for SD 1.x/2.x. */
final class DdimScheduler implements Scheduler {
    private final int[] timesteps;
    private final double[] alphasCumprod;
    private final double finalAlpha;
    private final int stride;
    private final boolean vPrediction;

    DdimScheduler(SchedulerConfig config, int steps) {
        alphasCumprod = config.alphasCumprod();
        SchedulerConfig leading = "trailing".equals(config.spacing()) ? config
                : new SchedulerConfig(config.className(), config.trainTimesteps(), config.betaStart(), config.betaEnd(),
                config.betaSchedule(), config.prediction(), "leading", config.stepsOffset(), config.setAlphaToOne());
        timesteps = leading.timesteps(steps);
        stride = config.trainTimesteps() / steps;
        finalAlpha = config.setAlphaToOne() ? 1.0 : alphasCumprod[0];
        vPrediction = "v_prediction".equals(config.prediction());
    }

    @Override
    public int[] timesteps() {
        return timesteps.clone();
    }

    @Override
    public float initNoiseSigma() {
        return 1f;
    }

    @Override
    public float[] scaleModelInput(float[] x, int i) {
        return x;
    }

    @Override
    public void step(float[] out, int i, float[] x) {
        int t = timesteps[i];
        int prev = t - stride;
        double a = alphasCumprod[t];
        double aPrev = prev >= 0 ? alphasCumprod[prev] : finalAlpha;
        double sa = Math.sqrt(a);
        double s1a = Math.sqrt(1 - a);
        for (int k = 0; k < x.length; k++) {
            double x0;
            double eps;
            if (vPrediction) {
                x0 = sa * x[k] - s1a * out[k];
                eps = sa * out[k] + s1a * x[k];
            } else {
                eps = out[k];
                x0 = (x[k] - s1a * eps) / sa;
            }
            x[k] = (float) (Math.sqrt(aPrev) * x0 + Math.sqrt(1 - aPrev) * eps);
        }
    }
}
