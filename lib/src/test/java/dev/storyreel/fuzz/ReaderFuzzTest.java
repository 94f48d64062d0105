package dev.storyreel.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The readers of untrusted input under Jazzer. In the test suite each target replays its corpus and
 * kept crashers (src/test/resources/dev/storyreel/fuzz/ReaderFuzzTestInputs/); bench/fuzz.sh fuzzes
 * each for a long run and records the executions in docs/reliability.md.
 */
class ReaderFuzzTest {

    @FuzzTest
    void fountain(byte[] data) {
        FuzzTargets.fountain(data);
    }

    @FuzzTest
    void fdx(byte[] data) {
        FuzzTargets.fdx(data);
    }

    @FuzzTest
    void catalogue(byte[] data) {
        FuzzTargets.catalogue(data);
    }

    @FuzzTest
    void translation(byte[] data) {
        FuzzTargets.translation(data);
    }
}
