package dev.storyreel.render.diffusion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Stable-Diffusion model folder in the diffusers/Optimum ONNX export layout, checked: every part
 * present ({@code model_index.json}, {@code text_encoder/model.onnx}, {@code unet/model.onnx} with any
 * external data beside it, {@code vae_decoder/model.onnx}, optional {@code vae_encoder/model.onnx},
 * {@code tokenizer/} with {@code vocab.json}+{@code merges.txt} or {@code tokenizer.json},
 * {@code scheduler/scheduler_config.json}) and a content hash over every file.
 *
 * @param root        the folder
 * @param hash        SHA-256 (hex) over every file's relative path, size and bytes, in path order
 * @param scheduler   the scheduler config
 * @param vaeScaling  the VAE's latent scaling factor (vae_decoder/config.json, default 0.18215)
 * @param hasEncoder  whether vae_encoder/model.onnx is there
 */
public record ModelFolder(Path root, String hash, SchedulerConfig scheduler, float vaeScaling, boolean hasEncoder) {

    private static final List<String> REQUIRED = List.of("model_index.json", "text_encoder/model.onnx", "unet/model.onnx",
            "vae_decoder/model.onnx", "scheduler/scheduler_config.json");

    /**
     * Checks the layout and hashes every file (for a real model, seconds: callers that open a folder
     * often keep the result, keyed by {@link #stamp}).
     */
    public static ModelFolder open(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new ModelException(dir + ": not a model folder (no such directory)");
        }
        for (String part : REQUIRED) {
            if (!Files.isRegularFile(dir.resolve(part))) {
                throw new ModelException(dir.resolve(part) + ": missing (a diffusers/Optimum ONNX export has "
                        + String.join(", ", REQUIRED) + ", tokenizer/)");
            }
        }
        Path tok = dir.resolve("tokenizer");
        boolean bpe = Files.isRegularFile(tok.resolve("vocab.json")) && Files.isRegularFile(tok.resolve("merges.txt"));
        if (!bpe && !Files.isRegularFile(tok.resolve("tokenizer.json"))) {
            throw new ModelException(tok + ": missing vocab.json + merges.txt (or tokenizer.json)");
        }
        return read(dir);
    }

    private static ModelFolder read(Path dir) {
        try {
            SchedulerConfig sched = SchedulerConfig.read(dir.resolve("scheduler/scheduler_config.json"));
            float scaling = 0.18215f;
            Path vaeConfig = dir.resolve("vae_decoder/config.json");
            if (Files.isRegularFile(vaeConfig)) {
                JsonNode n = new ObjectMapper().readTree(vaeConfig.toFile());
                scaling = (float) n.path("scaling_factor").asDouble(scaling);
            }
            return new ModelFolder(dir, hash(dir), sched, scaling, Files.isRegularFile(dir.resolve("vae_encoder/model.onnx")));
        } catch (IOException e) {
            throw new ModelException(dir + ": unreadable model folder: " + e.getMessage(), e);
        }
    }

    /** The tokenizer the folder ships. */
    public PromptTokenizer tokenizer() {
        Path tok = root.resolve("tokenizer");
        try {
            if (Files.isRegularFile(tok.resolve("vocab.json")) && Files.isRegularFile(tok.resolve("merges.txt"))) {
                return ClipTokenizer.read(tok);
            }
            return HfClipTokenizer.read(tok);
        } catch (IOException e) {
            throw new ModelException(tok + ": unreadable tokenizer: " + e.getMessage(), e);
        }
    }

    /** Every file under the folder, relative, sorted. */
    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder's path and its files' paths, sizes and modification times: a cheap key for "same folder state". */
    public static String stamp(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            return dir.toString();
        }
        StringBuilder sb = new StringBuilder(dir.toString());
        try {
            for (Path p : files(dir)) {
                Path f = dir.resolve(p);
                sb.append('\n').append(p).append(' ').append(Files.size(f)).append(' ').append(Files.getLastModifiedTime(f).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** SHA-256 over relative path, size and content of every file. */
    static String hash(Path dir) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 20];
        for (Path p : files(dir)) {
            Path f = dir.resolve(p);
            md.update((p.toString().replace('\\', '/') + "\0" + Files.size(f) + "\0").getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(f)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
