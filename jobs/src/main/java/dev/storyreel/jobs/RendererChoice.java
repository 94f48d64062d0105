package dev.storyreel.jobs;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which renderer a run uses, its model location when it has one ("" otherwise), and its options
 * (e.g. the diffusion renderer's steps, guidance, scheduler, batch size).
 */
record RendererChoice(String name, String model, Map<String, String> options) implements Serializable {

    RendererChoice {
        options = new TreeMap<>(options);
    }

    RendererChoice(String name, String model) {
        this(name, model, Map.of());
    }

    /** This choice, telling executors which renderer version the driver planned with. */
    RendererChoice expecting(String version) {
        Map<String, String> o = new TreeMap<>(options);
        o.put("expect_version", version);
        return new RendererChoice(name, model, o);
    }

    String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }
}
