package dev.storyreel.render.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CLIP tokenisation on a hand-built vocabulary: ids checked by hand, then DJL's HuggingFace tokenizer as a second reader. */
class ClipTokenizerTest {
    static final int BOS = 49406;
    static final int EOS = 49407;
    // Hand-built ids: a..z 0..25, a</w>..z</w> 26..51, then punctuation and merged words.
    static final int HELLO = 61;
    static final int WORLD = 65;
    static final int BANG = 52;
    static final int BANG_END = 53;
    static final int COMMA_END = 55;
    static final int APOS_S = 67;

    @TempDir
    Path tmp;

    static Map<String, Integer> vocab() {
        Map<String, Integer> v = new LinkedHashMap<>();
        for (char c = 'a'; c <= 'z'; c++) {
            v.put(String.valueOf(c), c - 'a');
        }
        for (char c = 'a'; c <= 'z'; c++) {
            v.put(c + "</w>", 26 + c - 'a');
        }
        v.put("!", 52);
        v.put("!</w>", 53);
        v.put(",", 54);
        v.put(",</w>", 55);
        v.put(".", 56);
        v.put(".</w>", 57);
        v.put("he", 58);
        v.put("ll", 59);
        v.put("hell", 60);
        v.put("hello</w>", 61);
        v.put("wo", 62);
        v.put("wor", 63);
        v.put("worl", 64);
        v.put("world</w>", 65);
        v.put("'", 66);
        v.put("'s</w>", 67);
        v.put("<|startoftext|>", BOS);
        v.put("<|endoftext|>", EOS);
        return v;
    }

    static List<String> merges() {
        return List.of("h e", "l l", "he ll", "hell o</w>", "w o", "wo r", "wor l", "worl d</w>", "' s</w>");
    }

    static ClipTokenizer tokenizer(String pad) {
        return new ClipTokenizer(vocab(), merges(), pad);
    }

    static long[] expect(long pad, long... middle) {
        long[] out = new long[77];
        out[0] = BOS;
        for (int i = 0; i < middle.length; i++) {
            out[1 + i] = middle[i];
        }
        out[1 + middle.length] = EOS;
        for (int i = 2 + middle.length; i < 77; i++) {
            out[i] = pad;
        }
        return out;
    }

    @Test
    void lowerCasesAndCollapsesWhitespace() {
        ClipTokenizer t = tokenizer("<|endoftext|>");
        assertArrayEquals(expect(EOS, HELLO, WORLD), t.encode("Hello WORLD"));
        assertArrayEquals(expect(EOS, HELLO, WORLD), t.encode("  hello\t\n  world  "));
        assertEquals(77, t.encode("").length);
        assertArrayEquals(expect(EOS), t.encode(""));
    }

    @Test
    void punctuationIsItsOwnWordAndContractionsSplit() {
        ClipTokenizer t = tokenizer("<|endoftext|>");
        assertArrayEquals(expect(EOS, HELLO, COMMA_END, WORLD, BANG_END), t.encode("hello, world!"));
        assertArrayEquals(expect(EOS, HELLO, BANG, BANG_END), t.encode("hello!!"));
        // "anna's": letters without merges fall back to single symbols; "'s" is CLIP's contraction token.
        assertArrayEquals(expect(EOS, 0, 13, 13, 26, APOS_S), t.encode("Anna's"));
    }

    @Test
    void unknownSymbolsBecomeTheUnknownToken() {
        ClipTokenizer t = tokenizer("<|endoftext|>");
        // "é" is two UTF-8 bytes, neither in this vocabulary; "#" neither.
        assertArrayEquals(expect(EOS, HELLO, EOS, EOS, EOS), t.encode("hello é #"));
    }

    @Test
    void truncatesTo77WithEosLastAndPadsWithThePadToken() {
        ClipTokenizer t = tokenizer("<|endoftext|>");
        long[] ids = t.encode("hello ".repeat(100));
        assertEquals(77, ids.length);
        assertEquals(BOS, ids[0]);
        for (int i = 1; i < 76; i++) {
            assertEquals(HELLO, ids[i], "position " + i);
        }
        assertEquals(EOS, ids[76]);
        // SD 2.x pads with "!" rather than EOS.
        assertArrayEquals(expect(BANG, HELLO), tokenizer("!").encode("hello"));
    }

    @Test
    void djlHuggingFaceTokenizerAgreesOnATokenizerJsonBuiltFromTheSameFiles() throws IOException {
        Path dir = tmp.resolve("tok");
        Files.createDirectories(dir);
        writeTokenizerJson(dir.resolve("tokenizer.json"));
        PromptTokenizer djl = HfClipTokenizer.read(dir);
        ClipTokenizer ours = tokenizer("<|endoftext|>");
        for (String s : List.of("Hello WORLD", "hello, world!", "hello!!", "  hello\t\n  world  ", "hello ".repeat(100), "")) {
            assertArrayEquals(ours.encode(s), djl.encode(s), s);
        }
    }

    /** CLIP's tokenizer.json shape (normaliser, split regex, byte level, BPE with </w>, BOS/EOS framing). */
    static void writeTokenizerJson(Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", "1.0");
        root.put("truncation", null);
        root.put("padding", null);
        List<Object> added = new ArrayList<>();
        added.add(Map.of("id", BOS, "content", "<|startoftext|>", "single_word", false, "lstrip", false, "rstrip", false,
                "normalized", true, "special", true));
        added.add(Map.of("id", EOS, "content", "<|endoftext|>", "single_word", false, "lstrip", false, "rstrip", false,
                "normalized", true, "special", true));
        root.put("added_tokens", added);
        root.put("normalizer", Map.of("type", "Sequence", "normalizers", List.of(Map.of("type", "NFC"),
                Map.of("type", "Replace", "pattern", Map.of("Regex", "\\s+"), "content", " "), Map.of("type", "Lowercase"))));
        root.put("pre_tokenizer", Map.of("type", "Sequence", "pretokenizers", List.of(
                Map.of("type", "Split", "pattern", Map.of("Regex",
                        "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+"),
                        "behavior", "Removed", "invert", true),
                Map.of("type", "ByteLevel", "add_prefix_space", false, "trim_offsets", true, "use_regex", false))));
        root.put("post_processor", Map.of("type", "RobertaProcessing", "sep", List.of("<|endoftext|>", EOS),
                "cls", List.of("<|startoftext|>", BOS), "trim_offsets", false, "add_prefix_space", false));
        root.put("decoder", Map.of("type", "ByteLevel", "add_prefix_space", true, "trim_offsets", true, "use_regex", true));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "BPE");
        model.put("dropout", null);
        model.put("unk_token", "<|endoftext|>");
        model.put("continuing_subword_prefix", "");
        model.put("end_of_word_suffix", "</w>");
        model.put("fuse_unk", false);
        model.put("vocab", vocab());
        model.put("merges", merges());
        root.put("model", model);
        new ObjectMapper().writeValue(file.toFile(), root);
    }
}
