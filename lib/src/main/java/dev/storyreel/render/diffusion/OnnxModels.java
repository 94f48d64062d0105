package dev.storyreel.render.diffusion;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.providers.OrtCUDAProviderOptions;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three ONNX Runtime sessions of a model folder (text encoder, UNet, VAE decoder) on one device,
 * with their input names and dtypes read from the sessions and checked. Thread-safe: calls on a
 * CUDA device are serialised by a per-device lock; every tensor and result is closed.
 */
final class OnnxModels implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxModels.class);
    private static final AtomicInteger LOADS = new AtomicInteger();
    private static final Map<Device, ReentrantLock> DEVICE_LOCKS = new ConcurrentHashMap<>();

    /** How the UNet takes its timestep. */
    enum TimestepKind { INT64_BATCH, FLOAT_BATCH, FLOAT_SCALAR }

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final Device requested;
    private final Device effective;
    private final OrtSession text;
    private final OrtSession unet;
    private final OrtSession vae;
    private final String idsName;
    private final boolean idsInt32;
    private final int hidden;
    private final TimestepKind timestepKind;
    private final long unetBatch;
    private final long[] latentHw;
    private final String vaeInput;
    private final ReentrantLock lock;
    private final AtomicLong modelNanos = new AtomicLong();

    private OnnxModels(ModelFolder folder, Device device, boolean countLoad) {
        this.requested = device;
        Path root = folder.root();
        boolean cuda = device.cuda() && OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        if (device.cuda() && !cuda) {
            LOG.warn("ONNX Runtime has no CUDA provider in this build (use com.microsoft.onnxruntime:onnxruntime_gpu); "
                    + "running on the CPU instead of {}", device);
        }
        this.effective = cuda ? device : Device.CPU;
        this.lock = cuda ? DEVICE_LOCKS.computeIfAbsent(effective, d -> new ReentrantLock()) : null;
        OrtSession t = null;
        OrtSession u = null;
        OrtSession v = null;
        try {
            t = open(root.resolve("text_encoder/model.onnx"));
            u = open(root.resolve("unet/model.onnx"));
            v = open(root.resolve("vae_decoder/model.onnx"));
            // Text encoder: input_ids int32/int64 [B, 77] -> last_hidden_state float [B, 77, D].
            String tn = root.resolve("text_encoder/model.onnx").toString();
            Map<String, TensorInfo> ti = inputs(t, tn);
            TensorInfo ids = require(ti, "input_ids", tn, 2);
            if (ids.type != OnnxJavaType.INT64 && ids.type != OnnxJavaType.INT32) {
                throw bad(tn, "input 'input_ids' must be int32 or int64", ids);
            }
            idsName = "input_ids";
            idsInt32 = ids.type == OnnxJavaType.INT32;
            TensorInfo lhs = require(outputs(t, tn), "last_hidden_state", tn, 3);
            // UNet: sample float [B, 4, h, w], timestep, encoder_hidden_states float [B, 77, D] -> out_sample.
            String un = root.resolve("unet/model.onnx").toString();
            Map<String, TensorInfo> ui = inputs(u, un);
            TensorInfo sample = require(ui, "sample", un, 4);
            if (sample.getShape()[1] != 4 && sample.getShape()[1] != -1) {
                throw bad(un, "input 'sample' must have 4 latent channels", sample);
            }
            TensorInfo ehs = require(ui, "encoder_hidden_states", un, 3);
            long d = ehs.getShape()[2];
            long dText = lhs.getShape()[2];
            if (d > 0 && dText > 0 && d != dText) {
                throw new ModelException(un + ": encoder_hidden_states width " + d
                        + " differs from the text encoder's last_hidden_state width " + dText);
            }
            hidden = (int) (d > 0 ? d : dText);
            TensorInfo ts = ui.get("timestep");
            if (ts == null) {
                throw new ModelException(un + ": no input 'timestep' (inputs: " + ui.keySet() + ")");
            }
            if (ts.getShape().length == 0 && ts.type == OnnxJavaType.FLOAT) {
                timestepKind = TimestepKind.FLOAT_SCALAR;
            } else if (ts.getShape().length == 1 && ts.type == OnnxJavaType.FLOAT) {
                timestepKind = TimestepKind.FLOAT_BATCH;
            } else if (ts.getShape().length == 1 && ts.type == OnnxJavaType.INT64) {
                timestepKind = TimestepKind.INT64_BATCH;
            } else {
                throw bad(un, "input 'timestep' must be int64 [B], float [B] or a float scalar", ts);
            }
            require(outputs(u, un), "out_sample", un, 4);
            unetBatch = sample.getShape()[0];
            latentHw = new long[] {sample.getShape()[2], sample.getShape()[3]};
            // VAE decoder: latent_sample float [B, 4, h, w] -> sample float [B, 3, 8h, 8w].
            String vn = root.resolve("vae_decoder/model.onnx").toString();
            vaeInput = "latent_sample";
            require(inputs(v, vn), vaeInput, vn, 4);
            TensorInfo img = require(outputs(v, vn), "sample", vn, 4);
            if (img.getShape()[1] != 3 && img.getShape()[1] != -1) {
                throw bad(vn, "output 'sample' must have 3 channels", img);
            }
        } catch (OrtException e) {
            closeQuietly(t, u, v);
            throw new ModelException(root + ": ONNX Runtime cannot load the model: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(t, u, v);
            throw e;
        }
        text = t;
        unet = u;
        vae = v;
        if (countLoad) {
            LOADS.incrementAndGet();
        }
        LOG.debug("loaded {} on {} (asked for {})", root, effective, requested);
    }

    /** Loads the sessions for rendering (counted by {@link #loads()}). */
    static OnnxModels load(ModelFolder folder, Device device) {
        return new OnnxModels(folder, device, true);
    }

    /** Opens the sessions on the CPU only to check names, dtypes and shapes, then closes them. */
    static void check(ModelFolder folder) {
        new OnnxModels(folder, Device.CPU, false).close();
    }

    /** How many times this JVM loaded a model for rendering. */
    static int loads() {
        return LOADS.get();
    }

    Device requested() {
        return requested;
    }

    Device effective() {
        return effective;
    }

    int hidden() {
        return hidden;
    }

    TimestepKind timestepKind() {
        return timestepKind;
    }

    /** Fixed latent height and width of the UNet (-1 where dynamic). */
    long[] latentHw() {
        return latentHw.clone();
    }

    /** Nanoseconds spent inside session runs so far (all threads). */
    long modelNanos() {
        return modelNanos.get();
    }

    /** The text encoder's last hidden state for one prompt's ids: [77 * D]. */
    float[] encodeText(long[] ids) throws OrtException {
        long[] shape = {1, ids.length};
        OnnxTensor in = idsInt32
                ? OnnxTensor.createTensor(env, IntBuffer.wrap(Arrays.stream(ids).mapToInt(x -> (int) x).toArray()), shape)
                : OnnxTensor.createTensor(env, LongBuffer.wrap(ids.clone()), shape);
        try (in) {
            return runFloat(text, Map.of(idsName, in));
        }
    }

    /**
     * One UNet call over {@code n} items: latents [n, 4, h, w], conditioning [n, 77, D]; the model's
     * output [n * 4 * h * w]. A fixed batch dimension is honoured by padding (the pad's output is dropped).
     */
    float[] unet(float[] latents, float[] cond, int n, int h, int w, int timestep) throws OrtException {
        int fixed = (int) unetBatch;
        if (fixed > 0 && fixed != n) {
            return chunked(latents, cond, n, h, w, timestep, fixed);
        }
        return unetDirect(latents, cond, n, h, w, timestep);
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
            float[] r = unetDirect(l, c, fixed, h, w, timestep);
            System.arraycopy(r, 0, out, from * li, Math.min(fixed, n - from) * li);
        }
        return out;
    }

    private float[] unetDirect(float[] l, float[] c, int n, int h, int w, int timestep) throws OrtException {
        Map<String, OnnxTensor> in = new LinkedHashMap<>();
        try {
            in.put("sample", OnnxTensor.createTensor(env, FloatBuffer.wrap(l), new long[] {n, 4, h, w}));
            in.put("encoder_hidden_states", OnnxTensor.createTensor(env, FloatBuffer.wrap(c), new long[] {n, c.length / n / hidden, hidden}));
            long[] t = new long[n];
            Arrays.fill(t, timestep);
            float[] tf = new float[n];
            Arrays.fill(tf, timestep);
            in.put("timestep", switch (timestepKind) {
                case FLOAT_SCALAR -> OnnxTensor.createTensor(env, (float) timestep);
                case FLOAT_BATCH -> OnnxTensor.createTensor(env, FloatBuffer.wrap(tf), new long[] {n});
                case INT64_BATCH -> OnnxTensor.createTensor(env, LongBuffer.wrap(t), new long[] {n});
            });
            return runFloat(unet, in);
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    /** Decodes latents [n, 4, h, w] (already divided by the scaling factor) to images [n, 3, 8h, 8w] in [-1, 1]. */
    float[] decode(float[] latents, int n, int h, int w) throws OrtException {
        try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(latents), new long[] {n, 4, h, w})) {
            return runFloat(vae, Map.of(vaeInput, in));
        }
    }

    private float[] runFloat(OrtSession session, Map<String, OnnxTensor> inputs) throws OrtException {
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
            modelNanos.addAndGet(System.nanoTime() - t0);
            if (lock != null) {
                lock.unlock();
            }
        }
    }

    private OrtSession open(Path model) throws OrtException {
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.valueOf(System.getProperty("storyreel.ort.opt", "ALL_OPT")));
            opts.setInterOpNumThreads(1);
            if (effective.cuda()) {
                opts.setMemoryPatternOptimization(false);
                try (OrtCUDAProviderOptions cuda = new OrtCUDAProviderOptions(effective.id())) {
                    cuda.add("arena_extend_strategy", "kSameAsRequested");
                    opts.addCUDA(cuda);
                }
            } else {
                opts.setIntraOpNumThreads(Integer.getInteger("storyreel.ort.threads", 1));
            }
            return env.createSession(model.toString(), opts);
        }
    }

    private static Map<String, TensorInfo> inputs(OrtSession s, String file) throws OrtException {
        return tensors(s.getInputInfo(), file);
    }

    private static Map<String, TensorInfo> outputs(OrtSession s, String file) throws OrtException {
        return tensors(s.getOutputInfo(), file);
    }

    private static Map<String, TensorInfo> tensors(Map<String, NodeInfo> nodes, String file) {
        Map<String, TensorInfo> out = new HashMap<>();
        nodes.forEach((k, v) -> {
            if (v.getInfo() instanceof TensorInfo t) {
                out.put(k, t);
            }
        });
        return out;
    }

    private TensorInfo require(Map<String, TensorInfo> tensors, String name, String file, int rank) {
        TensorInfo t = tensors.get(name);
        if (t == null) {
            throw new ModelException(file + ": no tensor '" + name + "' (has " + tensors.keySet() + ")");
        }
        if (t.getShape().length != rank) {
            throw bad(file, "'" + name + "' must have rank " + rank, t);
        }
        if (!"input_ids".equals(name) && t.type != OnnxJavaType.FLOAT) {
            throw bad(file, "'" + name + "' must be float32 (export without --fp16 for this renderer)", t);
        }
        return t;
    }

    private static ModelException bad(String file, String expected, TensorInfo found) {
        return new ModelException(file + ": " + expected + ", found " + found.type + " " + Arrays.toString(found.getShape()));
    }

    private static void closeQuietly(OrtSession... sessions) {
        for (OrtSession s : sessions) {
            if (s != null) {
                try {
                    s.close();
                } catch (OrtException ignored) {
                    // closing after a failed load: the load's error is the one to report
                }
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(text, unet, vae);
    }
}
