package dev.storyreel.fuzz;

/** Jazzer's standalone entry point for the fountain reader (bench/fuzz.sh); the check is {@link FuzzTargets#fountain}. */
public final class FountainFuzzer {
    private FountainFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        FuzzTargets.fountain(data);
    }
}
