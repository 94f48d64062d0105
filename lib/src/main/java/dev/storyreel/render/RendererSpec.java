package dev.storyreel.render;

import dev.storyreel.render.diffusion.DiffusionSettings;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which renderer a run uses and how it is configured: a closed set of cases, opened in one place on
 * each executor (the jobs module's per-JVM owner of renderers and models). A spec is a value: equal
 * specs share one loaded renderer per JVM and device.
 */
public sealed interface RendererSpec extends Serializable permits RendererSpec.Procedural, RendererSpec.Diffusion {

    /** The renderer's name on the command line and in {@code run.json}. */
    String name();

    /** The model location ("" for renderers without one). */
    default String model() {
        return "";
    }

    /** The options that shape the output, for {@code run.json} (sorted by name). */
    default Map<String, String> options() {
        return Map.of();
    }

    /**
     * This spec, telling executors which renderer version the driver planned with (a renderer whose
     * model changed during the run then refuses to draw instead of mixing versions); "" accepts any.
     */
    RendererSpec expecting(String version);

    /** The renderer version the driver planned with, or "" when not pinned. */
    default String expectedVersion() {
        return "";
    }

    /** The procedural animatic: no model, no GPU. */
    record Procedural() implements RendererSpec {
        public static final String NAME = "procedural";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public RendererSpec expecting(String version) {
            return this;
        }
    }

    /**
     * A Stable-Diffusion-family ONNX model.
     *
     * @param model           model folder or URI (e.g. {@code s3a://...}, copied once per executor)
     * @param settings        sampler settings
     * @param expectedVersion the version the plan was made with, or ""
     */
    record Diffusion(String model, DiffusionSettings settings, String expectedVersion) implements RendererSpec {
        public static final String NAME = "diffusion";

        public Diffusion {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(settings, "settings");
            expectedVersion = Objects.requireNonNullElse(expectedVersion, "");
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Map<String, String> options() {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("batch_size", Integer.toString(settings.batchSize()));
            o.put("guidance", Float.toString(settings.guidance()));
            o.put("keyframe_every", Integer.toString(settings.keyframeEvery()));
            o.put("scheduler", settings.scheduler());
            o.put("steps", Integer.toString(settings.steps()));
            return o;
        }

        @Override
        public RendererSpec expecting(String version) {
            return new Diffusion(model, settings, version);
        }
    }
}
