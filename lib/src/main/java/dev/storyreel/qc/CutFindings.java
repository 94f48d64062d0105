package dev.storyreel.qc;

import java.util.List;

/**
 * Detected cuts (FFmpeg {@code scdet}) against the plan's shot boundaries.
 *
 * @param planned   planned boundaries (the start frame of every shot but the first)
 * @param detected  cuts detected
 * @param matched   planned boundaries with a detected cut within the tolerance
 * @param unplanned detected cuts near no planned boundary (frames)
 * @param missed    planned boundaries with no detected cut (frames)
 */
public record CutFindings(int planned, int detected, int matched, List<Integer> unplanned, List<Integer> missed)
        implements java.io.Serializable {

    /** Matches detected cut frames to planned boundary frames, each within {@code tolerance} frames. */
    public static CutFindings match(List<Integer> planned, List<Integer> detected, int tolerance) {
        return match(planned, detected, tolerance, f -> false);
    }

    /**
     * As {@link #match(List, List, int)}, but a detected cut near no planned boundary is not reported
     * as unplanned when {@code gradual} says it is part of a gradual transition (a fade).
     */
    public static CutFindings match(List<Integer> planned, List<Integer> detected, int tolerance,
                                    java.util.function.IntPredicate gradual) {
        int matched = 0;
        List<Integer> missed = new java.util.ArrayList<>();
        for (int b : planned) {
            if (detected.stream().anyMatch(d -> Math.abs(d - b) <= tolerance)) {
                matched++;
            } else {
                missed.add(b);
            }
        }
        List<Integer> unplanned = detected.stream()
                .filter(d -> planned.stream().noneMatch(b -> Math.abs(d - b) <= tolerance))
                .filter(d -> !gradual.test(d)).toList();
        return new CutFindings(planned.size(), detected.size(), matched, unplanned, List.copyOf(missed));
    }

    /** Share of planned boundaries detected (1 when none are planned). */
    public double foundShare() {
        return planned == 0 ? 1.0 : matched / (double) planned;
    }
}
