package dev.storyreel.render.diffusion;

/** Euler sampling over Karras-style sigmas (diffusers' EulerDiscreteScheduler, no churn): SD-Turbo's, 1–4 steps. */
final class EulerDiscreteScheduler implements Scheduler {
    private final int[] timesteps;
    private final double[] sigmas;
    private final boolean vPrediction;
    private final float initSigma;

    EulerDiscreteScheduler(SchedulerConfig config, int steps) {
        double[] ac = config.alphasCumprod();
        timesteps = config.timesteps(steps);
        sigmas = new double[steps + 1];
        double max = 0;
        for (int i = 0; i < steps; i++) {
            double a = ac[timesteps[i]];
            sigmas[i] = Math.sqrt((1 - a) / a);
            max = Math.max(max, sigmas[i]);
        }
        vPrediction = "v_prediction".equals(config.prediction());
        initSigma = (float) ("linspace".equals(config.spacing()) || "trailing".equals(config.spacing())
                ? max : Math.sqrt(max * max + 1));
    }

    @Override
    public int[] timesteps() {
        return timesteps.clone();
    }

    @Override
    public float initNoiseSigma() {
        return initSigma;
    }

    @Override
    public float[] scaleModelInput(float[] x, int i) {
        float scale = (float) (1 / Math.sqrt(sigmas[i] * sigmas[i] + 1));
        float[] out = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = x[k] * scale;
        }
        return out;
    }

    @Override
    public void step(float[] out, int i, float[] x) {
        double sigma = sigmas[i];
        double dt = sigmas[i + 1] - sigma;
        double c = 1 / (sigma * sigma + 1);
        for (int k = 0; k < x.length; k++) {
            double x0 = vPrediction ? out[k] * (-sigma * Math.sqrt(c)) + x[k] * c : x[k] - sigma * out[k];
            double derivative = (x[k] - x0) / sigma;
            x[k] = (float) (x[k] + derivative * dt);
        }
    }
}
