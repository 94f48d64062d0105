package dev.storyreel.jobs.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderBinsTest {

    private static long frames(List<Integer> bin) {
        return bin.stream().mapToLong(Integer::longValue).sum();
    }

    @Test
    void binsKeepPlanOrderWithinAndBetweenThemBalancedByFramesLongestFirst() {
        List<Integer> shots = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            shots.add(12 + (i * 37) % 200);   // 12..211 frames, mixed lengths
        }
        List<List<Integer>> bins = RenderBins.pack(shots, 8, Integer::longValue);
        List<Integer> flat = new ArrayList<>();
        bins.forEach(flat::addAll);
        assertEquals(shots.size(), flat.size());
        assertTrue(flat.containsAll(shots));
        long total = frames(shots);
        for (List<Integer> b : bins) {
            // Consecutive shots of the plan (a film's shots stay together: few files per film).
            int first = shots.indexOf(b.get(0));
            assertEquals(shots.subList(first, first + b.size()), b);
            assertTrue(frames(b) <= total / 8 + 211, "bin of " + frames(b) + " frames, share " + total / 8);
        }
        for (int i = 1; i < bins.size(); i++) {
            assertTrue(frames(bins.get(i - 1)) >= frames(bins.get(i)), "longest first");
        }
        assertTrue(bins.size() >= 7 && bins.size() <= 9, "bins: " + bins.size());
    }

    @Test
    void aShotLongerThanAShareIsATaskOfItsOwnAndPackingIsDeterministic() {
        List<Integer> shots = List.of(10, 10, 1000, 10, 10, 10, 10);
        List<List<Integer>> bins = RenderBins.pack(shots, 4, Integer::longValue);
        assertEquals(List.of(1000), bins.get(0));
        assertEquals(bins, RenderBins.pack(shots, 4, Integer::longValue));
        assertEquals(List.of(List.of(5)), RenderBins.pack(List.of(5), 16, Integer::longValue));
    }
}
