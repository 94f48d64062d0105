package dev.storyreel.render.diffusion;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's tokenizer over a {@code vocab.json} and {@code merges.txt}: NFC, whitespace collapsed,
 * lower-cased, CLIP's pre-tokenisation, byte-level symbols, BPE with {@code </w>} word ends; ids
 * framed by BOS 49406 and EOS 49407 (as the vocabulary says), truncated and padded to 77. Symbols
 * missing from the vocabulary become the unknown token. Thread-safe.
 */
public final class ClipTokenizer implements PromptTokenizer {
    /** CLIP's context length. */
    public static final int CONTEXT = 77;

    private static final Pattern WORDS = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|\\p{L}+|\\p{N}|[^\\s\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Map<String, Integer> vocab;
    private final Map<String, Integer> ranks;
    private final int bos;
    private final int eos;
    private final int pad;
    private final int unk;
    private final Map<String, int[]> cache = new java.util.concurrent.ConcurrentHashMap<>();

    ClipTokenizer(Map<String, Integer> vocab, List<String> merges, String padToken) {
        this.vocab = Map.copyOf(vocab);
        Map<String, Integer> r = new HashMap<>();
        for (String m : merges) {
            r.putIfAbsent(m, r.size());
        }
        this.ranks = r;
        this.bos = id("<|startoftext|>");
        this.eos = id("<|endoftext|>");
        this.unk = eos;
        Integer p = vocab.get(padToken);
        this.pad = p == null ? eos : p;
    }

    private int id(String token) {
        Integer i = vocab.get(token);
        if (i == null) {
            throw new IllegalArgumentException("vocabulary has no " + token);
        }
        return i;
    }

    /** Reads {@code vocab.json}, {@code merges.txt} and the pad token (special_tokens_map.json, default EOS). */
    public static ClipTokenizer read(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> vocab = json.readValue(dir.resolve("vocab.json").toFile(), new TypeReference<LinkedHashMap<String, Integer>>() { });
        List<String> merges = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("merges.txt"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#version") || line.isBlank()) {
                continue;
            }
            merges.add(line.strip());
        }
        String padToken = "<|endoftext|>";
        Path special = dir.resolve("special_tokens_map.json");
        if (Files.isRegularFile(special)) {
            JsonNode pad = json.readTree(special.toFile()).get("pad_token");
            if (pad != null) {
                padToken = pad.isTextual() ? pad.asText() : pad.path("content").asText(padToken);
            }
        }
        return new ClipTokenizer(vocab, merges, padToken);
    }

    @Override
    public long[] encode(String text) {
        List<Integer> ids = new ArrayList<>();
        ids.add(bos);
        String clean = SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip()
                .toLowerCase(Locale.ROOT);
        Matcher m = WORDS.matcher(clean);
        while (m.find() && ids.size() < CONTEXT) {
            for (int id : word(m.group())) {
                ids.add(id);
            }
        }
        long[] out = new long[CONTEXT];
        int n = Math.min(ids.size(), CONTEXT - 1);
        for (int i = 0; i < n; i++) {
            out[i] = ids.get(i);
        }
        out[n] = eos;
        Arrays.fill(out, n + 1, CONTEXT, pad);
        return out;
    }

    /** The ids of one pre-tokenised word. */
    private int[] word(String word) {
        return cache.computeIfAbsent(word, w -> {
            if (vocab.containsKey(w) && w.startsWith("<|")) {
                return new int[] {vocab.get(w)};
            }
            byte[] bytes = w.getBytes(StandardCharsets.UTF_8);
            List<String> symbols = new ArrayList<>(bytes.length);
            for (int i = 0; i < bytes.length; i++) {
                String s = String.valueOf(ByteLevel.of(bytes[i]));
                symbols.add(i == bytes.length - 1 ? s + "</w>" : s);
            }
            bpe(symbols);
            int[] ids = new int[symbols.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = vocab.getOrDefault(symbols.get(i), unk);
            }
            return ids;
        });
    }

    /** Merges the lowest-ranked adjacent pair, everywhere it occurs, until no pair has a rank. */
    private void bpe(List<String> symbols) {
        while (symbols.size() > 1) {
            int best = Integer.MAX_VALUE;
            String first = null;
            String second = null;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                Integer r = ranks.get(symbols.get(i) + " " + symbols.get(i + 1));
                if (r != null && r < best) {
                    best = r;
                    first = symbols.get(i);
                    second = symbols.get(i + 1);
                }
            }
            if (first == null) {
                return;
            }
            List<String> merged = new ArrayList<>(symbols.size());
            for (int i = 0; i < symbols.size(); i++) {
                if (i + 1 < symbols.size() && symbols.get(i).equals(first) && symbols.get(i + 1).equals(second)) {
                    merged.add(first + second);
                    i++;
                } else {
                    merged.add(symbols.get(i));
                }
            }
            symbols.clear();
            symbols.addAll(merged);
        }
    }
}
