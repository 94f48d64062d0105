package dev.storyreel.render.diffusion;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;

/**
 * The model's denoiser, the UNet ({@code unet/model.onnx}): predicts the noise in latents at a
 * timestep, conditioned on text hidden states. Inputs {@code sample} float [B, 4, h, w],
 * {@code timestep} (int64 [B], float [B] or a float scalar, as the export declares it) and
 * {@code encoder_hidden_states} float [B, 77, D]; output {@code out_sample} like {@code sample}.
 * The sampler loop, guidance and batching of keyframes are {@link Sampler}'s; this class adapts one
 * batch to the export (its timestep dtype, a fixed batch dimension) and runs it.
 */
final class Denoiser implements AutoCloseable {

    /** How the UNet takes its timestep. */
    enum TimestepKind { INT64_BATCH, FLOAT_BATCH, FLOAT_SCALAR }

    private final StageSession session;
    private final TimestepKind timestepKind;
    private final long fixedBatch;
    private final long[] latentHw;
    private final long width;

    private Denoiser(StageSession session, TimestepKind timestepKind, long fixedBatch, long[] latentHw, long width) {
        this.session = session;
        this.timestepKind = timestepKind;
        this.fixedBatch = fixedBatch;
        this.latentHw = latentHw;
        this.width = width;
    }

    /**
     * Opens and checks the UNet in {@code folder} (see {@link StageSession#open} for the arguments),
     * conditioned by a text encoder whose hidden states are {@code textWidth} wide (-1: dynamic).
     */
    static Denoiser open(Path folder, Device device, Lock lock, LongAdder nanos, long textWidth) {
        StageSession s = StageSession.open(folder.resolve("unet/model.onnx"), device, lock, nanos);
        try {
            TensorInfo sample = s.input("sample", 4);
            if (sample.getShape()[1] != 4 && sample.getShape()[1] != -1) {
                throw s.bad("input 'sample' must have 4 latent channels", sample);
            }
            TensorInfo hidden = s.input("encoder_hidden_states", 3);
            long d = hidden.getShape()[2];
            if (d > 0 && textWidth > 0 && d != textWidth) {
                throw new ModelException(s.file() + ": encoder_hidden_states width " + d
                        + " differs from the text encoder's last_hidden_state width " + textWidth);
            }
            TensorInfo ts = s.inputOrNull("timestep");
            if (ts == null) {
                throw new ModelException(s.file() + ": no input 'timestep' (inputs: " + s.inputNames() + ")");
            }
            TimestepKind kind;
            if (ts.getShape().length == 0 && ts.type == OnnxJavaType.FLOAT) {
                kind = TimestepKind.FLOAT_SCALAR;
            } else if (ts.getShape().length == 1 && ts.type == OnnxJavaType.FLOAT) {
                kind = TimestepKind.FLOAT_BATCH;
            } else if (ts.getShape().length == 1 && ts.type == OnnxJavaType.INT64) {
                kind = TimestepKind.INT64_BATCH;
            } else {
                throw s.bad("input 'timestep' must be int64 [B], float [B] or a float scalar", ts);
            }
            s.output("out_sample", 4);
            long[] shape = sample.getShape();
            return new Denoiser(s, kind, shape[0], new long[] {shape[2], shape[3]}, d > 0 ? d : textWidth);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The file, for messages. */
    String file() {
        return session.file();
    }

    TimestepKind timestepKind() {
        return timestepKind;
    }

    /** Fixed latent height and width of the export (-1 where dynamic). */
    long[] latentHw() {
        return latentHw.clone();
    }

    /**
     * The predicted noise for {@code n} items: latents [n, 4, h, w] and conditioning [n, 77, D] in;
     * [n * 4 * h * w] out. A fixed batch dimension is honoured by padding (the pad's output is dropped).
     */
    float[] predict(float[] latents, float[] cond, int n, int h, int w, int timestep) throws OrtException {
        int fixed = (int) fixedBatch;
        if (fixed > 0 && fixed != n) {
            return chunked(latents, cond, n, h, w, timestep, fixed);
        }
        return run(latents, cond, n, h, w, timestep);
    }

    private float[] chunked(float[] latents, float[] cond, int n, int h, int w, int timestep, int fixed) throws OrtException {
        int li = 4 * h * w;
        int ci = cond.length / n;
        float[] out = new float[n * li];
        for (int from = 0; from < n; from += fixed) {
            float[] l = new float[fixed * li];
            float[] c = new float[fixed * ci];
            for (int k = 0; k < fixed; k++) {
                int src = Math.min(from + k, n - 1);
                System.arraycopy(latents, src * li, l, k * li, li);
                System.arraycopy(cond, src * ci, c, k * ci, ci);
            }
            float[] r = run(l, c, fixed, h, w, timestep);
            System.arraycopy(r, 0, out, from * li, Math.min(fixed, n - from) * li);
        }
        return out;
    }

    private float[] run(float[] l, float[] c, int n, int h, int w, int timestep) throws OrtException {
        var env = session.env();
        int d = (int) width;
        Map<String, OnnxTensor> in = new LinkedHashMap<>();
        try {
            in.put("sample", OnnxTensor.createTensor(env, FloatBuffer.wrap(l), new long[] {n, 4, h, w}));
            in.put("encoder_hidden_states", OnnxTensor.createTensor(env, FloatBuffer.wrap(c), new long[] {n, c.length / n / d, d}));
            long[] t = new long[n];
            Arrays.fill(t, timestep);
            float[] tf = new float[n];
            Arrays.fill(tf, timestep);
            in.put("timestep", switch (timestepKind) {
                case FLOAT_SCALAR -> OnnxTensor.createTensor(env, (float) timestep);
                case FLOAT_BATCH -> OnnxTensor.createTensor(env, FloatBuffer.wrap(tf), new long[] {n});
                case INT64_BATCH -> OnnxTensor.createTensor(env, LongBuffer.wrap(t), new long[] {n});
            });
            return session.run(in);
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
