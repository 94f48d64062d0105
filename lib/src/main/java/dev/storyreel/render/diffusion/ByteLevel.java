package dev.storyreel.render.diffusion;

import java.util.ArrayList;
import java.util.List;

/** GPT-2/CLIP byte-level alphabet: each of the 256 byte values as one printable code point. */
final class ByteLevel {
    private static final char[] CHARS = new char[256];
    private static final List<Integer> ORDER = new ArrayList<>();

    static {
        boolean[] printable = new boolean[256];
        for (int b = '!'; b <= '~'; b++) {
            printable[b] = true;
        }
        for (int b = 0xA1; b <= 0xAC; b++) {
            printable[b] = true;
        }
        for (int b = 0xAE; b <= 0xFF; b++) {
            printable[b] = true;
        }
        for (int b = 0; b < 256; b++) {
            if (printable[b]) {
                CHARS[b] = (char) b;
                ORDER.add(b);
            }
        }
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if (!printable[b]) {
                CHARS[b] = (char) (256 + n++);
                ORDER.add(b);
            }
        }
    }

    private ByteLevel() {
    }

    /** The code point standing for byte {@code b} (0..255). */
    static char of(int b) {
        return CHARS[b & 0xFF];
    }

    /** The 256 symbols in CLIP's vocabulary order (printable bytes first). */
    static List<String> alphabet() {
        List<String> out = new ArrayList<>(256);
        for (int b : ORDER) {
            out.add(String.valueOf(CHARS[b]));
        }
        return out;
    }
}
