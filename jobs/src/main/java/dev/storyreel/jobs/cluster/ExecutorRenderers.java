package dev.storyreel.jobs.cluster;

import dev.storyreel.render.ProceduralRenderer;
import dev.storyreel.render.Renderer;
import dev.storyreel.render.diffusion.Device;
import dev.storyreel.render.diffusion.DiffusionRenderer;
import dev.storyreel.render.diffusion.DiffusionSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One renderer per executor JVM, configuration and device, created on first use and shared by every
 * task of that JVM on that device (heavy renderers load their model once). Closed when the JVM exits.
 */
public final class ExecutorRenderers {
    /** A renderer's identity in a JVM: the choice and the device its tasks were given. */
    public record Key(RendererChoice choice, Device device) {
    }

    private static final Map<Key, Renderer> RENDERERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RENDERERS.values().forEach(Renderer::close),
                "storyreel-renderer-close"));
    }

    private ExecutorRenderers() {
    }

    /** The JVM's renderer for this choice on the running task's device. */
    public static Renderer get(RendererChoice choice) {
        return get(choice, TaskDevice.current());
    }

    /** The JVM's renderer for this choice and device. */
    public static Renderer get(RendererChoice choice, Device device) {
        return RENDERERS.computeIfAbsent(new Key(choice, device), k -> create(k.choice(), k.device()));
    }

    /** A new renderer for this choice (the driver uses one to learn the id and version; it loads no model). */
    public static Renderer create(RendererChoice choice) {
        return create(choice, Device.CPU);
    }

    public static Renderer create(RendererChoice choice, Device device) {
        return switch (choice.name()) {
            case "procedural" -> new ProceduralRenderer();
            case DiffusionRenderer.ID -> diffusion(choice, device);
            default -> throw new IllegalArgumentException("unknown renderer '" + choice.name() + "'; known: procedural, diffusion");
        };
    }

    private static Renderer diffusion(RendererChoice choice, Device device) {
        if (choice.model().isBlank()) {
            throw new IllegalArgumentException("--renderer diffusion needs --model DIR (a diffusers/Optimum ONNX export)");
        }
        DiffusionSettings d = DiffusionSettings.defaults();
        DiffusionSettings settings = new DiffusionSettings(choice.option("scheduler", d.scheduler()),
                Integer.parseInt(choice.option("steps", Integer.toString(d.steps()))),
                Float.parseFloat(choice.option("guidance", Float.toString(d.guidance()))),
                Integer.parseInt(choice.option("batch_size", Integer.toString(d.batchSize()))),
                Integer.parseInt(choice.option("keyframe_every", Integer.toString(d.keyframeEvery()))));
        DiffusionRenderer r = DiffusionRenderer.open(ModelCache.local(choice.model(), ExecutorHadoop.conf()), settings, device);
        String expected = choice.option("expect_version", "");
        if (!expected.isEmpty() && !expected.equals(r.info().version())) {
            r.close();
            throw new IllegalStateException("model " + choice.model() + " here is version " + r.info().version()
                    + " but the driver planned with " + expected + " (the model changed during the run?)");
        }
        return r;
    }
}
