package dev.storyreel.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Detected cuts against planned boundaries: tolerance, unplanned and missed cuts, fades forgiven. */
class CutFindingsTest {
    @Test
    void cutsMatchWithinTheToleranceAndTheRestAreUnplannedOrMissed() {
        CutFindings f = CutFindings.match(List.of(24, 60, 100), List.of(25, 61, 80), 1);
        assertEquals(3, f.planned());
        assertEquals(2, f.matched());
        assertEquals(List.of(80), f.unplanned());
        assertEquals(List.of(100), f.missed());
        assertEquals(2 / 3.0, f.foundShare(), 1e-9);
    }

    @Test
    void aCutInsideAFadeIsNotUnplanned() {
        CutFindings f = CutFindings.match(List.of(50), List.of(2, 3, 50), 1, frame -> frame <= 10);
        assertEquals(List.of(), f.unplanned());
        assertEquals(1, f.matched());
        assertEquals(1.0, CutFindings.match(List.of(), List.of(), 1).foundShare());
    }
}
