package dev.storyreel.render.diffusion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes a tiny Stable-Diffusion-layout ONNX model folder (diffusers/Optimum export layout, real
 * tensor names and dtypes, random but fixed weights) so the diffusion path runs without weights.
 * Also the benchmark's larger model ({@link Size#bench()}).
 *
 * <p>Text encoder: a Gather embedding ({@code input_ids} → {@code last_hidden_state}). UNet
 * ({@code sample}, {@code timestep}, {@code encoder_hidden_states} → {@code out_sample}): convolutions
 * predicting the noise, plus a prompt-dependent bias. VAE decoder ({@code latent_sample} →
 * {@code sample}): a convolution to RGB then 8× bilinear upsampling
 * (a transposed convolution). A CLIP-style byte-level vocabulary with a
 * few merges, BOS 49406 and EOS 49407.
 */
public final class TinyModelWriter {
    /** Ids of CLIP's special tokens (and so the rows of the embedding table). */
    static final int BOS = 49406;
    static final int EOS = 49407;
    static final int VOCAB_ROWS = 49408;

    /** How {@code timestep} is declared: int64 [B], float [B] or a float scalar. */
    public enum TimestepType { INT64, FLOAT, FLOAT_SCALAR }

    /**
     * Model size: text embedding width, UNet hidden channels and extra hidden layers, VAE kernel.
     *
     * @param hidden     text embedding width
     * @param channels   UNet hidden channels
     * @param layers     extra C→C 3x3 convolutions in the UNet
     * @param vaeKernel  VAE decoder convolution kernel (1 or 3)
     */
    public record Size(int hidden, int channels, int layers, int vaeKernel) {
        /** The default: tiny and fast. */
        public static Size tiny() {
            return new Size(16, 8, 0, 1);
        }

        /** Large enough for model calls to dominate a render (≈4.9 GFLOP per UNet item at latent 64x64). */
        public static Size bench() {
            return new Size(64, 128, 4, 3);
        }
    }

    private static final String[] WORDS = {"a", "and", "of", "the", "film", "still", "style", "shot", "wide",
        "close", "up", "medium", "interior", "exterior", "night", "day", "light", "lighthouse", "camera", "pan",
        "push", "in", "sepia", "neon", "noir", "cinematic", "speaking", "two", "over", "shoulder", "reverse"};

    private TinyModelWriter() {
    }

    /** Usage: {@code TinyModelWriter DIR [--timestep int64|float|float-scalar] [--input-ids int32|int64] [--size tiny|bench]}. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: TinyModelWriter DIR [--timestep int64|float|float-scalar] [--input-ids int32|int64] [--size tiny|bench]");
            System.exit(2);
        }
        TimestepType timestep = TimestepType.INT64;
        boolean int32Ids = false;
        Size size = Size.tiny();
        for (int i = 1; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--timestep" -> timestep = TimestepType.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
                case "--input-ids" -> int32Ids = switch (value) {
                    case "int32" -> true;
                    case "int64" -> false;
                    default -> throw new IllegalArgumentException("--input-ids int32|int64, got " + value);
                };
                case "--size" -> size = "bench".equals(value) ? Size.bench() : Size.tiny();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Path.of(args[0]);
        write(dir, timestep, int32Ids, size);
        System.out.println("wrote " + dir.toAbsolutePath());
    }

    /** Writes the folder. */
    public static void write(Path dir, TimestepType timestep, boolean int32Ids, Size size) throws IOException {
        Random rnd = new Random(20261121L);
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("_class_name", "OnnxStableDiffusionPipeline");
        index.put("_diffusers_version", "0.30.0");
        index.put("text_encoder", List.of("diffusers", "OnnxRuntimeModel"));
        index.put("unet", List.of("diffusers", "OnnxRuntimeModel"));
        index.put("vae_decoder", List.of("diffusers", "OnnxRuntimeModel"));
        index.put("tokenizer", List.of("transformers", "CLIPTokenizer"));
        index.put("scheduler", List.of("diffusers", "EulerDiscreteScheduler"));
        json.writeValue(dir.resolve("model_index.json").toFile(), index);

        Map<String, Object> sched = new LinkedHashMap<>();
        sched.put("_class_name", "EulerDiscreteScheduler");
        sched.put("num_train_timesteps", 1000);
        sched.put("beta_start", 0.00085);
        sched.put("beta_end", 0.012);
        sched.put("beta_schedule", "scaled_linear");
        sched.put("prediction_type", "epsilon");
        sched.put("timestep_spacing", "trailing");
        sched.put("steps_offset", 1);
        Files.createDirectories(dir.resolve("scheduler"));
        json.writeValue(dir.resolve("scheduler/scheduler_config.json").toFile(), sched);

        writeTokenizer(dir.resolve("tokenizer"), json);
        textEncoder(rnd, size, int32Ids).write(dir.resolve("text_encoder/model.onnx"));
        unet(rnd, size, timestep).write(dir.resolve("unet/model.onnx"));
        vaeDecoder(rnd, size).write(dir.resolve("vae_decoder/model.onnx"));
        Files.createDirectories(dir.resolve("vae_decoder"));
        json.writeValue(dir.resolve("vae_decoder/config.json").toFile(), Map.of("scaling_factor", 0.18215));
    }

    private static OnnxGraph textEncoder(Random rnd, Size size, boolean int32Ids) {
        float[] table = new float[VOCAB_ROWS * size.hidden()];
        for (int i = 0; i < table.length; i++) {
            table[i] = rnd.nextFloat() * 2 - 1;
        }
        return new OnnxGraph("text_encoder", null)
                .input("input_ids", int32Ids ? OnnxGraph.INT32 : OnnxGraph.INT64, "batch", "sequence")
                .output("last_hidden_state", OnnxGraph.FLOAT, "batch", "sequence", (long) size.hidden())
                .floats("embedding", table, VOCAB_ROWS, size.hidden())
                .node("Gather", List.of("embedding", "input_ids"), List.of("last_hidden_state"), "axis", 0L);
    }

    private static OnnxGraph unet(Random rnd, Size size, TimestepType timestep) {
        int c = size.channels();
        OnnxGraph g = new OnnxGraph("unet", "model.onnx_data");
        switch (timestep) {
            case INT64 -> g.input("timestep", OnnxGraph.INT64, "batch");
            case FLOAT -> g.input("timestep", OnnxGraph.FLOAT, "batch");
            case FLOAT_SCALAR -> g.input("timestep", OnnxGraph.FLOAT);
        }
        g.input("sample", OnnxGraph.FLOAT, "batch", 4L, "height", "width")
                .input("encoder_hidden_states", OnnxGraph.FLOAT, "batch", "sequence", (long) size.hidden())
                .output("out_sample", OnnxGraph.FLOAT, "batch", 4L, "height", "width");
        // A smoothing first layer (a blur plus a little noise) so the predicted noise has blobs, not grain.
        g.floats("conv_in.weight", kernel(rnd, c, 4, 9, 0.08f, 0.02f), c, 4, 3, 3)
                .floats("conv_in.bias", uniform(rnd, c, 0.05f), c)
                .node("Conv", List.of("sample", "conv_in.weight", "conv_in.bias"), List.of("h0"), "pads", new long[] {1, 1, 1, 1})
                .node("Relu", List.of("h0"), List.of("r0"));
        String h = "r0";
        for (int l = 0; l < size.layers(); l++) {
            g.floats("mid" + l + ".weight", kernel(rnd, c, c, 9, 0.3f / c, 0.3f / c), c, c, 3, 3)
                    .floats("mid" + l + ".bias", uniform(rnd, c, 0.02f), c)
                    .node("Conv", List.of(h, "mid" + l + ".weight", "mid" + l + ".bias"), List.of("m" + l), "pads", new long[] {1, 1, 1, 1})
                    .node("Relu", List.of("m" + l), List.of("mr" + l));
            h = "mr" + l;
        }
        g.floats("conv_out.weight", kernel(rnd, 4, c, 9, 0.0f, 0.6f / c), 4, c, 3, 3)
                .floats("conv_out.bias", uniform(rnd, 4, 0.01f), 4)
                .node("Conv", List.of(h, "conv_out.weight", "conv_out.bias"), List.of("d"), "pads", new long[] {1, 1, 1, 1})
                .floats("residual_scale", new float[] {0.05f})
                .node("Mul", List.of("d", "residual_scale"), List.of("d_scaled"))
                // The prompt's bias: mean over tokens times a [D, 4] projection, written as one 1x1 Conv over
                // the flattened hidden states so each item is its own dot product (ORT's Reduce and MatMul
                // kernels pick summation orders by shape, so their last bit may depend on the batch size).
                .longs("flat_shape", 0, -1, 1, 1)
                .node("Reshape", List.of("encoder_hidden_states", "flat_shape"), List.of("text_flat"))
                .floats("text_proj", textProjection(rnd, size.hidden()), 4, ClipTokenizer.CONTEXT * size.hidden(), 1, 1)
                .node("Conv", List.of("text_flat", "text_proj"), List.of("text_bias4"))
                .node("Cast", List.of("timestep"), List.of("t_float"), "to", (long) OnnxGraph.FLOAT)
                .longs("t_shape", -1, 1, 1, 1)
                .node("Reshape", List.of("t_float", "t_shape"), List.of("t4"))
                .floats("t_scale", new float[] {1e-5f})
                .node("Mul", List.of("t4", "t_scale"), List.of("t_bias"))
                .node("Add", List.of("sample", "d_scaled"), List.of("s1"))
                .node("Add", List.of("s1", "text_bias4"), List.of("s2"))
                .node("Add", List.of("s2", "t_bias"), List.of("out_sample"));
        return g;
    }

    private static OnnxGraph vaeDecoder(Random rnd, Size size) {
        int k = size.vaeKernel();
        long p = k / 2;
        return new OnnxGraph("vae_decoder", null)
                .input("latent_sample", OnnxGraph.FLOAT, "batch", 4L, "latent_height", "latent_width")
                .output("sample", OnnxGraph.FLOAT, "batch", 3L, "height", "width")
                .floats("conv.weight", kernel(rnd, 3, 4, k * k, 0.0f, 0.12f / (k * k)), 3, 4, k, k)
                .floats("conv.bias", uniform(rnd, 3, 0.1f), 3)
                .node("Conv", List.of("latent_sample", "conv.weight", "conv.bias"), List.of("rgb"), "pads", new long[] {p, p, p, p})
                // 8x bilinear upsampling as a grouped transposed convolution (cheaper than ONNX Runtime's Resize).
                .floats("upsample", bilinear(8, 3), 3, 1, 16, 16)
                .node("ConvTranspose", List.of("rgb", "upsample"), List.of("sample"), "group", 3L,
                        "strides", new long[] {8, 8}, "pads", new long[] {4, 4, 4, 4});
    }

    /** A [channels, 1, 2f, 2f] kernel that upsamples by {@code f} bilinearly as a transposed convolution. */
    private static float[] bilinear(int f, int channels) {
        int k = 2 * f;
        double c = (k - 1) / 2.0;
        float[] w = new float[channels * k * k];
        for (int ch = 0; ch < channels; ch++) {
            for (int y = 0; y < k; y++) {
                for (int x = 0; x < k; x++) {
                    w[(ch * k + y) * k + x] = (float) ((1 - Math.abs(y - c) / f) * (1 - Math.abs(x - c) / f));
                }
            }
        }
        return w;
    }

    /** A conv kernel [out, in, k, k]: {@code mean} everywhere plus uniform noise of ±{@code spread}. */
    private static float[] kernel(Random rnd, int out, int in, int k, float mean, float spread) {
        float[] w = new float[out * in * k];
        for (int i = 0; i < w.length; i++) {
            w[i] = mean + (rnd.nextFloat() * 2 - 1) * spread;
        }
        return w;
    }

    /** A [D, 4] projection spread over 77 tokens as a [4, 77 * D] 1x1 kernel (so it applies to the token mean). */
    private static float[] textProjection(Random rnd, int hidden) {
        float[] proj = uniform(rnd, hidden * 4, 0.25f);
        int tokens = ClipTokenizer.CONTEXT;
        float[] w = new float[4 * tokens * hidden];
        for (int c = 0; c < 4; c++) {
            for (int t = 0; t < tokens; t++) {
                for (int d = 0; d < hidden; d++) {
                    w[(c * tokens + t) * hidden + d] = proj[d * 4 + c] / tokens;
                }
            }
        }
        return w;
    }

    private static float[] uniform(Random rnd, int n, float spread) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (rnd.nextFloat() * 2 - 1) * spread;
        }
        return w;
    }

    /** vocab.json (byte alphabet, the same with {@code </w>}, merged words, specials at 49406/49407) and merges.txt. */
    static void writeTokenizer(Path dir, ObjectMapper json) throws IOException {
        Files.createDirectories(dir);
        Map<String, Integer> vocab = new LinkedHashMap<>();
        List<String> alphabet = ByteLevel.alphabet();
        alphabet.forEach(s -> vocab.put(s, vocab.size()));
        alphabet.forEach(s -> vocab.put(s + "</w>", vocab.size()));
        Set<String> merges = new LinkedHashSet<>();
        for (String w : WORDS) {
            List<String> symbols = new ArrayList<>();
            for (int i = 0; i < w.length(); i++) {
                symbols.add(i == w.length() - 1 ? w.charAt(i) + "</w>" : String.valueOf(w.charAt(i)));
            }
            String left = symbols.get(0);
            for (int i = 1; i < symbols.size(); i++) {
                String merged = left + symbols.get(i);
                if (merges.add(left + " " + symbols.get(i))) {
                    vocab.putIfAbsent(merged, vocab.size());
                }
                left = merged;
            }
        }
        vocab.put("<|startoftext|>", BOS);
        vocab.put("<|endoftext|>", EOS);
        json.writeValue(dir.resolve("vocab.json").toFile(), vocab);
        Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\n" + String.join("\n", merges) + "\n", StandardCharsets.UTF_8);
        json.writeValue(dir.resolve("special_tokens_map.json").toFile(), Map.of(
                "bos_token", "<|startoftext|>", "eos_token", "<|endoftext|>", "unk_token", "<|endoftext|>",
                "pad_token", "<|endoftext|>"));
        json.writeValue(dir.resolve("tokenizer_config.json").toFile(), Map.of(
                "model_max_length", 77, "do_lower_case", true, "pad_token", "<|endoftext|>",
                "tokenizer_class", "CLIPTokenizer"));
    }
}
