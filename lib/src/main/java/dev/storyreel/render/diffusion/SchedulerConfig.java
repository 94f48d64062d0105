package dev.storyreel.render.diffusion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The parts of diffusers' {@code scheduler_config.json} the schedulers use.
 *
 * @param className         the exported scheduler's class ("EulerDiscreteScheduler", "DDIMScheduler"...)
 * @param trainTimesteps    training timesteps (1000)
 * @param betaStart         first beta
 * @param betaEnd           last beta
 * @param betaSchedule      "scaled_linear" or "linear"
 * @param prediction        "epsilon" or "v_prediction"
 * @param spacing           "leading", "trailing" or "linspace"
 * @param stepsOffset       offset added to leading timesteps
 * @param setAlphaToOne     DDIM's final alpha
 */
public record SchedulerConfig(String className, int trainTimesteps, double betaStart, double betaEnd, String betaSchedule,
                              String prediction, String spacing, int stepsOffset, boolean setAlphaToOne) {

    /** Reads the file, with diffusers' defaults for missing keys. */
    public static SchedulerConfig read(Path file) throws IOException {
        JsonNode n = new ObjectMapper().readTree(file.toFile());
        return new SchedulerConfig(n.path("_class_name").asText(""), n.path("num_train_timesteps").asInt(1000),
                n.path("beta_start").asDouble(0.00085), n.path("beta_end").asDouble(0.012),
                n.path("beta_schedule").asText("scaled_linear"), n.path("prediction_type").asText("epsilon"),
                n.path("timestep_spacing").asText("leading"), n.path("steps_offset").asInt(0),
                n.path("set_alpha_to_one").asBoolean(false));
    }

    /** Cumulative products of (1 - beta) over the training timesteps. */
    double[] alphasCumprod() {
        double[] ac = new double[trainTimesteps];
        double prod = 1;
        for (int i = 0; i < trainTimesteps; i++) {
            double f = trainTimesteps == 1 ? 0 : (double) i / (trainTimesteps - 1);
            double beta = switch (betaSchedule) {
                case "linear" -> betaStart + f * (betaEnd - betaStart);
                case "scaled_linear" -> {
                    double s = Math.sqrt(betaStart) + f * (Math.sqrt(betaEnd) - Math.sqrt(betaStart));
                    yield s * s;
                }
                default -> throw new IllegalArgumentException("unsupported beta_schedule '" + betaSchedule + "'");
            };
            prod *= 1 - beta;
            ac[i] = prod;
        }
        return ac;
    }

    /** The inference timesteps (descending) for {@code steps} steps, per the config's spacing. */
    int[] timesteps(int steps) {
        int n = trainTimesteps;
        int[] ts = new int[steps];
        for (int i = 0; i < steps; i++) {
            ts[i] = switch (spacing) {
                case "trailing" -> (int) Math.round(n - i * ((double) n / steps)) - 1;
                case "linspace" -> (int) Math.round((n - 1) * (steps == 1 ? 0 : (double) (steps - 1 - i) / (steps - 1)));
                default -> (steps - 1 - i) * (n / steps) + stepsOffset;
            };
            ts[i] = Math.max(0, Math.min(n - 1, ts[i]));
        }
        return ts;
    }
}
