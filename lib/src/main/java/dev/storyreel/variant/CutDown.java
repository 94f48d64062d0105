package dev.storyreel.variant;

import dev.storyreel.plan.PlannedShot;
import dev.storyreel.shot.ShotKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a film down to at most a number of seconds, keeping its key beats: the title card, then the
 * best-scoring shots ({@link BeatScore}; the film's opening beat and its last shot count extra),
 * each kept scene with its establishing shot, in screen order. Whole shots are kept, so a cut-down
 * shares every shot (key) with the full film and renders nothing new.
 */
public final class CutDown {
    static final double OPENING_BONUS = 2;
    static final double ENDING_BONUS = 4;

    private CutDown() {
    }

    /** The kept shots of {@code shots} (a film in screen order), in screen order, within {@code maxSeconds}. */
    public static List<PlannedShot> select(List<PlannedShot> shots, int fps, int maxSeconds) {
        long budget = (long) maxSeconds * fps;
        Set<Integer> keep = new HashSet<>();
        Map<Integer, Integer> establishing = new HashMap<>();
        long used = 0;
        for (int i = 0; i < shots.size(); i++) {
            PlannedShot s = shots.get(i);
            if (s.spec().kind() == ShotKind.TITLE) {
                keep.add(i);
                used += s.frames();
            } else if (s.spec().kind() == ShotKind.ESTABLISHING) {
                establishing.putIfAbsent(s.scene(), i);
            }
        }
        int first = -1;
        int last = -1;
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < shots.size(); i++) {
            ShotKind k = shots.get(i).spec().kind();
            if (k != ShotKind.TITLE && k != ShotKind.ESTABLISHING) {
                candidates.add(i);
                first = first < 0 ? i : first;
                last = i;
            }
        }
        Map<Integer, Double> score = new HashMap<>();
        for (int i : candidates) {
            double bonus = (i == first ? OPENING_BONUS : 0) + (i == last ? ENDING_BONUS : 0);
            score.put(i, BeatScore.of(shots.get(i)) + bonus);
        }
        candidates.sort(Comparator.comparingDouble((Integer i) -> -score.get(i)).thenComparingInt(i -> i));
        Set<Integer> scenesKept = new HashSet<>();
        for (int i : candidates) {
            PlannedShot s = shots.get(i);
            Integer est = scenesKept.contains(s.scene()) ? null : establishing.get(s.scene());
            long cost = s.frames() + (est == null ? 0 : shots.get(est).frames());
            if (used + cost <= budget) {
                keep.add(i);
                if (est != null) {
                    keep.add(est);
                }
                scenesKept.add(s.scene());
                used += cost;
            }
        }
        List<PlannedShot> out = new ArrayList<>();
        for (int i = 0; i < shots.size(); i++) {
            if (keep.contains(i)) {
                out.add(shots.get(i));
            }
        }
        return out;
    }
}
