package dev.storyreel.jobs;

import dev.storyreel.render.ProceduralRenderer;
import dev.storyreel.render.Renderer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One renderer per executor JVM and configuration, created on first use and shared by every task
 * of that JVM (heavy renderers load their model once). Closed when the JVM exits.
 */
final class ExecutorRenderers {
    private static final Map<RendererChoice, Renderer> RENDERERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RENDERERS.values().forEach(Renderer::close),
                "storyreel-renderer-close"));
    }

    private ExecutorRenderers() {
    }

    /** The JVM's renderer for this choice. */
    static Renderer get(RendererChoice choice) {
        return RENDERERS.computeIfAbsent(choice, ExecutorRenderers::create);
    }

    /** A new renderer for this choice (the driver uses one to learn the id and version). */
    static Renderer create(RendererChoice choice) {
        return switch (choice.name()) {
            case "procedural" -> new ProceduralRenderer();
            default -> throw new IllegalArgumentException("unknown renderer '" + choice.name() + "'; known: procedural");
        };
    }
}
