package dev.storyreel.estimate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recorded cost figures ({@code conf/estimates.yaml}): per GPU model, seconds per megapixel-frame
 * for each renderer and an optional price per GPU-hour; an optional price per CPU core-hour.
 *
 * @param currency        the prices' currency
 * @param pricePerCoreHour price of one CPU core for an hour, or null
 * @param gpus            figures by GPU model name (matched without regard to case)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CostTable(String currency, Double pricePerCoreHour, Map<String, Gpu> gpus) {

    /** One GPU model's figures. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gpu(Double pricePerGpuHour, Map<String, Double> secondsPerMegapixelFrame) {
        public Gpu {
            secondsPerMegapixelFrame = secondsPerMegapixelFrame == null ? Map.of() : Map.copyOf(secondsPerMegapixelFrame);
        }
    }

    public CostTable {
        currency = currency == null || currency.isBlank() ? "USD" : currency;
        Map<String, Gpu> byName = new TreeMap<>();
        if (gpus != null) {
            gpus.forEach((name, gpu) -> byName.put(name.toLowerCase(Locale.ROOT), gpu));
        }
        gpus = byName;
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /** No figures, no prices. */
    public static CostTable empty() {
        return new CostTable(null, null, null);
    }

    /** Reads the YAML figures. */
    public static CostTable read(InputStream yaml) throws IOException {
        CostTable t = YAML.readValue(yaml, CostTable.class);
        return t == null ? empty() : t;
    }

    /** The recorded cost of a frame of this size for this renderer on this GPU model. */
    public FrameCost figure(String gpuModel, String renderer, int width, int height) {
        Gpu gpu = gpus.get(gpuModel.toLowerCase(Locale.ROOT));
        if (gpu == null) {
            throw new IllegalArgumentException("no figures for GPU model '" + gpuModel + "' in the estimates; known: " + gpus.keySet());
        }
        Double perMp = gpu.secondsPerMegapixelFrame().get(renderer);
        if (perMp == null) {
            throw new IllegalArgumentException("no figure for renderer '" + renderer + "' on " + gpuModel + "; known: "
                    + new TreeMap<>(gpu.secondsPerMegapixelFrame()).keySet());
        }
        double mp = width * (double) height / 1e6;
        return new FrameCost("figure", perMp * mp, "GPU", String.format(Locale.ROOT,
                "recorded figure: %s on %s, %.4f s per megapixel-frame at %dx%d", renderer, gpuModel, perMp, width, height));
    }

    /** The price of one worker-hour of this unit ({@code core} or {@code GPU}), or null when not recorded. */
    public Double pricePerHour(String unit, String gpuModel) {
        if ("GPU".equals(unit)) {
            Gpu gpu = gpus.get(gpuModel.toLowerCase(Locale.ROOT));
            return gpu == null ? null : gpu.pricePerGpuHour();
        }
        return pricePerCoreHour;
    }
}
