package dev.storyreel.render.diffusion;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;

/**
 * The model's text encoder ({@code text_encoder/model.onnx}): token ids to the hidden states the
 * denoiser is conditioned on. Input {@code input_ids} int32 or int64 [B, 77], output
 * {@code last_hidden_state} float [B, 77, D]. Tokenising the prompt happens before (a
 * {@link PromptTokenizer}); this class only runs the model.
 */
final class TextEncoder implements AutoCloseable {
    private static final String IDS = "input_ids";

    private final StageSession session;
    private final boolean idsInt32;
    private final long width;

    private TextEncoder(StageSession session, boolean idsInt32, long width) {
        this.session = session;
        this.idsInt32 = idsInt32;
        this.width = width;
    }

    /** Opens and checks the encoder in {@code folder} (see {@link StageSession#open} for the arguments). */
    static TextEncoder open(Path folder, Device device, Lock lock, LongAdder nanos) {
        StageSession s = StageSession.open(folder.resolve("text_encoder/model.onnx"), device, lock, nanos);
        try {
            TensorInfo ids = s.input(IDS, 2);
            if (ids.type != OnnxJavaType.INT64 && ids.type != OnnxJavaType.INT32) {
                throw s.bad("input '" + IDS + "' must be int32 or int64", ids);
            }
            TensorInfo hidden = s.output("last_hidden_state", 3);
            return new TextEncoder(s, ids.type == OnnxJavaType.INT32, hidden.getShape()[2]);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The width D of a hidden state, or -1 where the export leaves it dynamic. */
    long width() {
        return width;
    }

    /** The last hidden state for one prompt's ids: [ids.length * D]. */
    float[] encode(long[] ids) throws OrtException {
        long[] shape = {1, ids.length};
        OnnxTensor in = idsInt32
                ? OnnxTensor.createTensor(session.env(), IntBuffer.wrap(Arrays.stream(ids).mapToInt(x -> (int) x).toArray()), shape)
                : OnnxTensor.createTensor(session.env(), LongBuffer.wrap(ids.clone()), shape);
        try (in) {
            return session.run(Map.of(IDS, in));
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
