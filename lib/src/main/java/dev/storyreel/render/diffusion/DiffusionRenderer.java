package dev.storyreel.render.diffusion;

import ai.onnxruntime.OrtException;
import dev.storyreel.shot.ShotSpec;
import dev.storyreel.render.RenderedFrame;
import dev.storyreel.render.Renderer;
import dev.storyreel.shot.RendererInfo;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders shots with a Stable-Diffusion-family ONNX model (SD 1.x/2.x, SD-Turbo): keyframes
 * denoised from seed-locked noise in UNet batches, frames between them spherically interpolated in
 * latent space, the camera move applied to the latent, every frame decoded by the VAE. The model
 * loads once, on first render, on the given device; one instance serves every task of a JVM.
 * Thread-safe. The version holds the model's content hash and the sampling settings, so shot keys
 * change with either.
 */
public final class DiffusionRenderer implements Renderer {
    /** The renderer's id. */
    public static final String ID = "diffusion";
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

    private final ModelFolder folder;
    private final DiffusionSettings settings;
    private final Device device;
    private final RendererInfo info;
    private final Map<String, float[]> embeddings = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > 256;
        }
    };
    private volatile OnnxModels models;
    private volatile PromptTokenizer tokenizer;

    private DiffusionRenderer(ModelFolder folder, DiffusionSettings settings, Device device) {
        this.folder = folder;
        this.settings = settings.resolve(folder.scheduler());
        this.device = device;
        this.info = new RendererInfo(ID, "1." + folder.hash().substring(0, 16) + "." + this.settings.signature());
    }

    /**
     * A renderer over the model folder at {@code model}: checks the layout and, once per JVM and
     * folder, every tensor's name, dtype and rank (fails fast, naming the file). Loads nothing yet.
     */
    public static DiffusionRenderer open(Path model, DiffusionSettings settings, Device device) {
        ModelFolder folder = ModelFolder.open(model);
        if (!CHECKED.contains(folder.hash())) {
            OnnxModels.check(folder);
            folder.tokenizer();
            CHECKED.add(folder.hash());
        }
        return new DiffusionRenderer(folder, settings, device);
    }

    /** How many times this JVM loaded a model for rendering (one per model and device, never per task). */
    public static int modelLoads() {
        return OnnxModels.loads();
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
        return models().effective();
    }

    /** The resolved settings. */
    public DiffusionSettings settings() {
        return settings;
    }

    /** Nanoseconds this renderer's model spent inside ONNX Runtime calls, all threads (0 before loading). */
    public long modelNanos() {
        OnnxModels m = models;
        return m == null ? 0 : m.modelNanos();
    }

    @Override
    public Iterator<RenderedFrame> render(Iterator<ShotSpec> shots) {
        Objects.requireNonNull(shots, "shots");
        return new FrameStream(this, shots);
    }

    OnnxModels models() {
        OnnxModels m = models;
        if (m == null) {
            synchronized (this) {
                m = models;
                if (m == null) {
                    tokenizer = folder.tokenizer();
                    m = OnnxModels.load(folder, device);
                    models = m;
                }
            }
        }
        return m;
    }

    ModelFolder folder() {
        return folder;
    }

    /** The text encoder's output for a prompt, cached by prompt. */
    float[] embedding(String prompt) {
        synchronized (embeddings) {
            float[] e = embeddings.get(prompt);
            if (e != null) {
                return e;
            }
        }
        OnnxModels m = models();
        float[] e;
        try {
            e = m.encodeText(tokenizer.encode(prompt));
        } catch (OrtException ex) {
            throw new IllegalStateException("text encoder failed: " + ex.getMessage(), ex);
        }
        synchronized (embeddings) {
            embeddings.put(prompt, e);
        }
        return e;
    }

    @Override
    public void close() {
        OnnxModels m = models;
        if (m != null) {
            m.close();
            models = null;
        }
    }
}
