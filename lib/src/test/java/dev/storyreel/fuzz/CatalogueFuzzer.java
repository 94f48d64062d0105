package dev.storyreel.fuzz;

/** Jazzer's standalone entry point for the catalogue reader (bench/fuzz.sh); the check is {@link FuzzTargets#catalogue}. */
public final class CatalogueFuzzer {
    private CatalogueFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        FuzzTargets.catalogue(data);
    }
}
