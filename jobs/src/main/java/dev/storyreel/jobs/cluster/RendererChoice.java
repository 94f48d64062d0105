package dev.storyreel.jobs.cluster;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which renderer a run uses, its model location when it has one ("" otherwise), and its options
 * (e.g. the diffusion renderer's steps, guidance, scheduler, batch size).
 */
public record RendererChoice(String name, String model, Map<String, String> options) implements Serializable {

    public RendererChoice {
        options = new TreeMap<>(options);
    }

    public RendererChoice(String name, String model) {
        this(name, model, Map.of());
    }

    /** This choice, telling executors which renderer version the driver planned with. */
    public RendererChoice expecting(String version) {
        Map<String, String> o = new TreeMap<>(options);
        o.put("expect_version", version);
        return new RendererChoice(name, model, o);
    }

    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }
}
