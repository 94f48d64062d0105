package dev.storyreel.render.diffusion;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;

/**
 * The model's VAE decoder ({@code vae_decoder/model.onnx}): latents to images. Input
 * {@code latent_sample} float [B, 4, h, w], output {@code sample} float [B, 3, 8h, 8w] in [-1, 1].
 * Scaling the latents before and turning the output into frames after are {@link VaeImages}' work.
 */
final class VaeDecoder implements AutoCloseable {
    private static final String LATENTS = "latent_sample";

    private final StageSession session;

    private VaeDecoder(StageSession session) {
        this.session = session;
    }

    /** Opens and checks the decoder in {@code folder} (see {@link StageSession#open} for the arguments). */
    static VaeDecoder open(Path folder, Device device, Lock lock, LongAdder nanos) {
        StageSession s = StageSession.open(folder.resolve("vae_decoder/model.onnx"), device, lock, nanos);
        try {
            s.input(LATENTS, 4);
            TensorInfo image = s.output("sample", 4);
            if (image.getShape()[1] != 3 && image.getShape()[1] != -1) {
                throw s.bad("output 'sample' must have 3 channels", image);
            }
            return new VaeDecoder(s);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Decodes latents [n, 4, h, w] (already divided by the scaling factor) to images [n, 3, 8h, 8w]. */
    float[] decode(float[] latents, int n, int h, int w) throws OrtException {
        try (OnnxTensor in = OnnxTensor.createTensor(session.env(), FloatBuffer.wrap(latents), new long[] {n, 4, h, w})) {
            return session.run(Map.of(LATENTS, in));
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
