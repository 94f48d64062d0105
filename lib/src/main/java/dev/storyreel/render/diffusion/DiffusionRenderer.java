package dev.storyreel.render.diffusion;

import dev.storyreel.render.RenderedFrame;
import dev.storyreel.render.Renderer;
import dev.storyreel.shot.RendererInfo;
import dev.storyreel.shot.ShotSpec;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.locks.Lock;

/**
 * Renders shots with a Stable-Diffusion-family ONNX model (SD 1.x/2.x, SD-Turbo): keyframes
 * denoised from seed-locked noise in UNet batches, frames between them spherically interpolated in
 * latent space, the camera move applied to the latent, every frame decoded by the VAE. The model
 * loads once, on first render, on the given device. Thread-safe: one instance serves every task of
 * a JVM on its device. The version holds the model's content hash and the sampling settings, so
 * shot keys change with either.
 *
 * <p>This class keeps no state across instances: whoever opens renderers (the jobs module's per-JVM
 * owner) keeps the opened {@link ModelFolder}s, checks each once with {@link #check}, and gives every
 * renderer on a device that device's lock.
 */
public final class DiffusionRenderer implements Renderer {
    /** The renderer's id. */
    public static final String ID = "diffusion";

    private final ModelFolder folder;
    private final DiffusionSettings settings;
    private final Device device;
    private final Lock deviceLock;
    private final RendererInfo info;
    private volatile DiffusionPipeline pipeline;

    private DiffusionRenderer(ModelFolder folder, DiffusionSettings settings, Device device, Lock deviceLock) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.settings = settings.resolve(folder.scheduler());
        this.device = Objects.requireNonNull(device, "device");
        this.deviceLock = Objects.requireNonNull(deviceLock, "deviceLock");
        this.info = new RendererInfo(ID, "1." + folder.hash().substring(0, 16) + "." + this.settings.signature());
    }

    /**
     * A renderer of {@code folder}'s model on {@code device}. Loads nothing yet. {@code deviceLock}
     * serialises this renderer's model calls with every other user of a CUDA device (give all
     * renderers on one device the same lock); it is not taken on the CPU.
     */
    public static DiffusionRenderer open(ModelFolder folder, DiffusionSettings settings, Device device, Lock deviceLock) {
        return new DiffusionRenderer(folder, settings, device, deviceLock);
    }

    /**
     * Checks that {@code folder}'s model can be rendered with: reads its tokenizer and opens its three
     * stages on the CPU to check every tensor's name, dtype and rank, then closes them.
     *
     * @throws ModelException naming the file at fault
     */
    public static void check(ModelFolder folder) {
        folder.tokenizer();
        DiffusionModels.check(folder);
    }

    /** How many times this JVM loaded a model for rendering (one per model and device, never per task). */
    public static int modelLoads() {
        return DiffusionModels.loads();
    }

    @Override
    public RendererInfo info() {
        return info;
    }

    /** The device asked for. */
    public Device device() {
        return device;
    }

    /** The device the model runs on (the CPU when ONNX Runtime has no CUDA); loads the model. */
    public Device effectiveDevice() {
        return pipeline().models().effective();
    }

    /** The resolved settings. */
    public DiffusionSettings settings() {
        return settings;
    }

    /** Nanoseconds this renderer's model spent inside ONNX Runtime calls, all threads (0 before loading). */
    public long modelNanos() {
        DiffusionPipeline p = pipeline;
        return p == null ? 0 : p.models().modelNanos();
    }

    @Override
    public Iterator<RenderedFrame> render(Iterator<ShotSpec> shots) {
        Objects.requireNonNull(shots, "shots");
        return new FrameStream(this, shots);
    }

    /** The loaded model and the work around it, loaded on first use. */
    DiffusionPipeline pipeline() {
        DiffusionPipeline p = pipeline;
        if (p == null) {
            synchronized (this) {
                p = pipeline;
                if (p == null) {
                    p = DiffusionPipeline.load(folder, settings, device, deviceLock);
                    pipeline = p;
                }
            }
        }
        return p;
    }

    @Override
    public void close() {
        DiffusionPipeline p = pipeline;
        if (p != null) {
            p.close();
            pipeline = null;
        }
    }
}
