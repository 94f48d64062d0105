package dev.storyreel.fuzz;

/** Jazzer's standalone entry point for the translation reader (bench/fuzz.sh); the check is {@link FuzzTargets#translation}. */
public final class TranslationFuzzer {
    private TranslationFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        FuzzTargets.translation(data);
    }
}
