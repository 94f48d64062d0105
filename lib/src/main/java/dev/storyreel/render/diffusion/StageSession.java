package dev.storyreel.render.diffusion;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.providers.OrtCUDAProviderOptions;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;

/**
 * One ONNX Runtime session of a model stage ({@code text_encoder}, {@code unet}, {@code vae_decoder}):
 * opened with the device's options, its tensors described for the stage's checks, and runs that
 * return the first output as floats. On a CUDA device every run holds the device lock the caller
 * gave; the time inside runs is added to a counter the stages of one model share.
 */
final class StageSession implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final String file;
    private final OrtSession session;
    private final Lock lock;
    private final LongAdder nanos;

    private StageSession(String file, OrtSession session, Lock lock, LongAdder nanos) {
        this.file = file;
        this.session = session;
        this.lock = lock;
        this.nanos = nanos;
    }

    /**
     * Opens {@code model} on {@code device} (which must be the effective device: CUDA only when ONNX
     * Runtime has it). {@code lock} serialises runs on a CUDA device and is not taken on the CPU.
     */
    static StageSession open(Path model, Device device, Lock lock, LongAdder nanos) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.valueOf(System.getProperty("storyreel.ort.opt", "ALL_OPT")));
            opts.setInterOpNumThreads(1);
            if (device.cuda()) {
                opts.setMemoryPatternOptimization(false);
                try (OrtCUDAProviderOptions cuda = new OrtCUDAProviderOptions(device.id())) {
                    cuda.add("arena_extend_strategy", "kSameAsRequested");
                    opts.addCUDA(cuda);
                }
            } else {
                opts.setIntraOpNumThreads(Integer.getInteger("storyreel.ort.threads", 1));
            }
            return new StageSession(model.toString(), env.createSession(model.toString(), opts),
                    device.cuda() ? lock : null, nanos);
        } catch (OrtException e) {
            throw new ModelException(model + ": ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
    }

    OrtEnvironment env() {
        return env;
    }

    /** The model file, for messages. */
    String file() {
        return file;
    }

    /**
     * The input {@code name}, which must exist with this rank and be float32 (or, for
     * {@code input_ids}, any dtype: the text encoder checks it).
     */
    TensorInfo input(String name, int rank) {
        return require(tensors(true), name, rank);
    }

    /** The output {@code name}, which must exist with this rank and be float32. */
    TensorInfo output(String name, int rank) {
        return require(tensors(false), name, rank);
    }

    /** The input {@code name} as declared, or null. */
    TensorInfo inputOrNull(String name) {
        return tensors(true).get(name);
    }

    /** The input names, sorted. */
    java.util.Set<String> inputNames() {
        return tensors(true).keySet();
    }

    /** A model error naming this file: what was expected and what the tensor is. */
    ModelException bad(String expected, TensorInfo found) {
        return new ModelException(file + ": " + expected + ", found " + found.type + " " + Arrays.toString(found.getShape()));
    }

    /** Runs the session and returns its first output; closes nothing of {@code inputs}. */
    float[] run(Map<String, OnnxTensor> inputs) throws OrtException {
        if (lock != null) {
            lock.lock();
        }
        long t0 = System.nanoTime();
        try (OrtSession.Result r = session.run(inputs)) {
            FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] out = new float[fb.remaining()];
            fb.get(out);
            return out;
        } finally {
            nanos.add(System.nanoTime() - t0);
            if (lock != null) {
                lock.unlock();
            }
        }
    }

    private Map<String, TensorInfo> tensors(boolean inputs) {
        Map<String, TensorInfo> out = new TreeMap<>();
        try {
            Map<String, NodeInfo> nodes = inputs ? session.getInputInfo() : session.getOutputInfo();
            nodes.forEach((k, v) -> {
                if (v.getInfo() instanceof TensorInfo t) {
                    out.put(k, t);
                }
            });
        } catch (OrtException e) {
            throw new ModelException(file + ": ONNX Runtime cannot describe the model: " + e.getMessage(), e);
        }
        return out;
    }

    private TensorInfo require(Map<String, TensorInfo> tensors, String name, int rank) {
        TensorInfo t = tensors.get(name);
        if (t == null) {
            throw new ModelException(file + ": no tensor '" + name + "' (has " + tensors.keySet() + ")");
        }
        if (t.getShape().length != rank) {
            throw bad("'" + name + "' must have rank " + rank, t);
        }
        if (!"input_ids".equals(name) && t.type != OnnxJavaType.FLOAT) {
            throw bad("'" + name + "' must be float32 (export without --fp16 for this renderer)", t);
        }
        return t;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new ModelException(file + ": ONNX Runtime cannot close the session: " + e.getMessage(), e);
        }
    }
}
