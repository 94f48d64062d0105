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
public sealed interface RendererSpec extends Serializable permits RendererSpec.Procedural, RendererSpec.Diffusion, RendererSpec.Remote {

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

    /**
     * The procedural animatic: no model, no GPU.
     *
     * @param overlay  whether the technical label and name tags are burned in
     * @param captions whether the shot's line is burned in
     */
    record Procedural(Overlay overlay, Captions captions) implements RendererSpec {
        public static final String NAME = "procedural";

        public Procedural {
            Objects.requireNonNull(overlay, "overlay");
            Objects.requireNonNull(captions, "captions");
        }

        /** Clean pictures: no label, no captions (the default, and what datasets always use). */
        public Procedural() {
            this(Overlay.NONE, Captions.NONE);
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Map<String, String> options() {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("captions", captions.label());
            o.put("overlay", overlay.label());
            return o;
        }

        /** The same renderer drawing clean plates (dataset clips never carry text). */
        public Procedural clean() {
            return new Procedural();
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

    /**
     * A video model behind HTTP (see {@code dev.storyreel.remote}). Holds no key: executors read it from
     * {@code STORYREEL_REMOTE_KEY} or the credentials file.
     *
     * @param api             {@code videos} or {@code comfyui}
     * @param url             the endpoint's base URL
     * @param model           the model name
     * @param workflow        the ComfyUI workflow template's JSON text ("" for the videos API)
     * @param concurrency     requests in flight to the endpoint across the job, at most
     * @param credentialsFile the key's file, or "" for the environment
     * @param profiles        the model profiles' YAML text ({@code conf/remote-models.yaml}; "" for none)
     * @param out             the run's output root (the job ledger lives under it)
     */
    record Remote(String api, String url, String model, String workflow, int concurrency, String credentialsFile,
                  String profiles, String out) implements RendererSpec {
        public static final String NAME = "remote";

        public Remote {
            Objects.requireNonNull(api, "api");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(model, "model");
            workflow = Objects.requireNonNullElse(workflow, "");
            credentialsFile = Objects.requireNonNullElse(credentialsFile, "");
            profiles = Objects.requireNonNullElse(profiles, "");
            out = Objects.requireNonNullElse(out, "");
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String model() {
            return model;
        }

        @Override
        public Map<String, String> options() {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("api", api);
            o.put("concurrency", Integer.toString(concurrency));
            o.put("url", url);
            return o;
        }

        @Override
        public RendererSpec expecting(String version) {
            return this;
        }

        @Override
        public String toString() {
            return "Remote[api=" + api + ", url=" + url + ", model=" + model + ", concurrency=" + concurrency + "]";
        }
    }
}
