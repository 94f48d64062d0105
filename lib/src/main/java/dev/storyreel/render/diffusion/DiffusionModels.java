package dev.storyreel.render.diffusion;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model folder's three stages loaded on one device: {@link TextEncoder}, {@link Denoiser} and
 * {@link VaeDecoder}, each checked against the export layout when it opens. Thread-safe: on a CUDA
 * device every model call holds the device lock the caller owns; on the CPU calls run in parallel.
 * Closing closes the three sessions.
 */
final class DiffusionModels implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiffusionModels.class);
    private static final AtomicInteger LOADS = new AtomicInteger();

    private final Device effective;
    private final TextEncoder text;
    private final Denoiser unet;
    private final VaeDecoder vae;
    private final LongAdder modelNanos;

    private DiffusionModels(Device effective, TextEncoder text, Denoiser unet, VaeDecoder vae, LongAdder modelNanos) {
        this.effective = effective;
        this.text = text;
        this.unet = unet;
        this.vae = vae;
        this.modelNanos = modelNanos;
    }

    /**
     * Loads the stages for rendering on {@code device} (the CPU when this ONNX Runtime build has no
     * CUDA provider), counted by {@link #loads()}. {@code deviceLock} serialises calls on a CUDA device.
     */
    static DiffusionModels load(ModelFolder folder, Device device, Lock deviceLock) {
        boolean cuda = device.cuda() && OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        if (device.cuda() && !cuda) {
            LOG.warn("ONNX Runtime has no CUDA provider in this build (use com.microsoft.onnxruntime:onnxruntime_gpu); "
                    + "running on the CPU instead of {}", device);
        }
        DiffusionModels models = open(folder, cuda ? device : Device.CPU, deviceLock);
        LOADS.incrementAndGet();
        LOG.debug("loaded {} on {} (asked for {})", folder.root(), models.effective, device);
        return models;
    }

    /** Opens the stages on the CPU only to check names, dtypes and shapes, then closes them. */
    static void check(ModelFolder folder) {
        open(folder, Device.CPU, null).close();
    }

    private static DiffusionModels open(ModelFolder folder, Device device, Lock lock) {
        LongAdder nanos = new LongAdder();
        TextEncoder text = null;
        Denoiser unet = null;
        try {
            text = TextEncoder.open(folder.root(), device, lock, nanos);
            unet = Denoiser.open(folder.root(), device, lock, nanos, text.width());
            VaeDecoder vae = VaeDecoder.open(folder.root(), device, lock, nanos);
            return new DiffusionModels(device, text, unet, vae, nanos);
        } catch (RuntimeException e) {
            closeAll(text, unet);
            throw e;
        }
    }

    /** How many times this JVM loaded a model for rendering. */
    static int loads() {
        return LOADS.get();
    }

    /** The device the stages run on. */
    Device effective() {
        return effective;
    }

    TextEncoder textEncoder() {
        return text;
    }

    Denoiser denoiser() {
        return unet;
    }

    VaeDecoder vaeDecoder() {
        return vae;
    }

    /** Nanoseconds spent inside model calls so far (all stages, all threads). */
    long modelNanos() {
        return modelNanos.sum();
    }

    private static void closeAll(AutoCloseable... stages) {
        for (AutoCloseable s : stages) {
            if (s != null) {
                try {
                    s.close();
                } catch (Exception ignored) {
                    // closing after a failed open: the open's error is the one to report
                }
            }
        }
    }

    @Override
    public void close() {
        closeAll(text, unet, vae);
    }
}
