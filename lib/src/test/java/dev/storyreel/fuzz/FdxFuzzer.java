package dev.storyreel.fuzz;

/** Jazzer's standalone entry point for the fdx reader (bench/fuzz.sh); the check is {@link FuzzTargets#fdx}. */
public final class FdxFuzzer {
    private FdxFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        FuzzTargets.fdx(data);
    }
}
