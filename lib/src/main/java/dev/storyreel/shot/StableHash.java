package dev.storyreel.shot;

/** A 64-bit string hash fixed forever (unlike {@link String#hashCode()} in spirit), for colours and layouts. */
public final class StableHash {

    private StableHash() {
    }

    /** FNV-1a over the UTF-16 code units of {@code s}, finished with the SplitMix64 mixer. */
    public static long of(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** SplitMix64 finaliser: spreads every input bit over the output. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A value in [0, 1) from bits of {@code h} taken at {@code shift}. */
    public static double unit(long h, int shift) {
        return ((h >>> shift) & 0xFFFF) / 65536.0;
    }
}
