package dev.storyreel.jobs.cluster;

import dev.storyreel.render.ProceduralRenderer;
import dev.storyreel.render.Renderer;
import dev.storyreel.render.RendererSpec;
import dev.storyreel.render.diffusion.Device;
import dev.storyreel.render.diffusion.DiffusionRenderer;
import dev.storyreel.render.diffusion.ModelFolder;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one owner of what an executor JVM loads for rendering: a renderer per specification and device
 * (heavy renderers load their model once and serve every task of the JVM on that device), the local
 * copies of models given as URIs, the opened model folders, and a lock per device. Everything is
 * closed when the JVM exits.
 */
public final class ExecutorModels {
    /** A renderer's identity in a JVM: the specification and the device its tasks were given. */
    private record Key(RendererSpec spec, Device device) {
    }

    private static final ExecutorModels JVM = new ExecutorModels();

    private final Map<Key, Renderer> renderers = new ConcurrentHashMap<>();
    private final Map<String, Path> models = new ConcurrentHashMap<>();
    private final Map<String, ModelFolder> folders = new ConcurrentHashMap<>();
    private final Map<Device, ReentrantLock> deviceLocks = new ConcurrentHashMap<>();

    private ExecutorModels() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> renderers.values().forEach(Renderer::close),
                "storyreel-renderer-close"));
    }

    /** This JVM's owner. */
    public static ExecutorModels jvm() {
        return JVM;
    }

    /** The JVM's renderer for this specification on the running task's device. */
    public Renderer renderer(RendererSpec spec) {
        return renderer(spec, TaskDevice.current());
    }

    /** The JVM's renderer for this specification and device. */
    public Renderer renderer(RendererSpec spec, Device device) {
        return renderers.computeIfAbsent(new Key(spec, device), k -> open(k.spec(), k.device()));
    }

    /** The local folder of a model (a URI is copied once per JVM and verified; a local path is used as it is). */
    public Path model(String location) {
        return models.computeIfAbsent(location, l -> ModelCache.local(l, ExecutorHadoop.conf()));
    }

    /**
     * The opened and checked model folder at a local path, once per folder state (its files' sizes
     * and times): hashing and checking a real model takes seconds, and a folder changed during the
     * run is opened again (its new hash then fails the driver's expected version).
     */
    public ModelFolder folder(Path local) {
        return folders.computeIfAbsent(ModelFolder.stamp(local), stamp -> {
            ModelFolder folder = ModelFolder.open(local);
            DiffusionRenderer.check(folder);
            return folder;
        });
    }

    /** The lock that serialises work on one device across this JVM's tasks. */
    public ReentrantLock deviceLock(Device device) {
        return deviceLocks.computeIfAbsent(device, d -> new ReentrantLock());
    }

    /**
     * A new renderer for this specification on the CPU, owned by the caller (the driver uses one to
     * learn the renderer's id and version, and to check a local model before Spark starts).
     */
    public static Renderer open(RendererSpec spec) {
        return JVM.open(spec, Device.CPU);
    }

    private Renderer open(RendererSpec spec, Device device) {
        if (spec instanceof RendererSpec.Diffusion d) {
            return diffusion(d, device);
        }
        return new ProceduralRenderer();
    }

    private Renderer diffusion(RendererSpec.Diffusion spec, Device device) {
        if (spec.model().isBlank()) {
            throw new IllegalArgumentException("--renderer diffusion needs --model DIR (a diffusers/Optimum ONNX export)");
        }
        DiffusionRenderer r = DiffusionRenderer.open(folder(model(spec.model())), spec.settings(), device, deviceLock(device));
        String expected = spec.expectedVersion();
        if (!expected.isEmpty() && !expected.equals(r.info().version())) {
            r.close();
            throw new IllegalStateException("model " + spec.model() + " here is version " + r.info().version()
                    + " but the driver planned with " + expected + " (the model changed during the run?)");
        }
        return r;
    }
}
