package dev.storyreel.trailer;

import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.variant.BeatScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a trailer of exactly a target length from a film's rendered shots, deterministically: the title
 * card opens and closes it; in between, shots chosen by {@link BeatScore} with a penalty for repeating
 * a scene or a speaker (variety), never from the last scene (no spoilers), in story order, with cuts
 * that shorten towards the end (the rhythm accelerates).
 */
public final class TrailerCutter {
    static final double CARD_SECONDS = 2.0;
    static final double LONGEST_CUT = 3.0;
    static final double SHORTEST_CUT = 1.0;
    static final double SCENE_REPEAT_PENALTY = 1.5;
    static final double SPEAKER_REPEAT_PENALTY = 1.0;

    private TrailerCutter() {
    }

    /**
     * The cuts of a {@code seconds}-long trailer of {@code plan}; their frames add up to exactly
     * {@code seconds × fps}.
     *
     * @throws IllegalArgumentException the film has too little material before its last scene
     */
    public static List<TrailerCut> cut(FilmPlan plan, int seconds) {
        List<PlannedShot> shots = plan.shots();
        if (shots.isEmpty()) {
            throw new IllegalArgumentException("no shots to cut a trailer from");
        }
        int fps = shots.get(0).spec().fps();
        int total = seconds * fps;
        PlannedShot title = shots.stream().filter(s -> s.spec().kind() == ShotKind.TITLE).findFirst().orElse(null);
        int card = title == null ? 0 : Math.min(title.frames(), (int) Math.round(CARD_SECONDS * fps));
        int body = total - 2 * card;
        int lastScene = shots.stream().mapToInt(PlannedShot::scene).max().orElse(0);
        List<PlannedShot> pool = new ArrayList<>();
        for (PlannedShot s : shots) {
            if (s.scene() > 0 && (s.scene() < lastScene || lastScene == 1)) {
                pool.add(s);
            }
        }
        List<PlannedShot> chosen = choose(pool, body, fps);
        chosen.sort(Comparator.comparingInt(PlannedShot::startFrame));
        int[] lengths = lengths(chosen, body, fps);
        List<TrailerCut> out = new ArrayList<>();
        if (card > 0) {
            out.add(new TrailerCut(title, 0, card));
        }
        for (int i = 0; i < chosen.size(); i++) {
            if (lengths[i] > 0) {
                PlannedShot s = chosen.get(i);
                // Dialogue from its first word; action from its middle, where the move is under way.
                int from = BeatScore.isDialogue(s.spec()) ? 0 : (s.frames() - lengths[i]) / 2;
                out.add(new TrailerCut(s, from, lengths[i]));
            }
        }
        if (card > 0) {
            out.add(new TrailerCut(title, title.frames() - card, card));
        }
        return out;
    }

    /** Picks shots by score, less for scenes and speakers already used, until they can fill the body. */
    private static List<PlannedShot> choose(List<PlannedShot> pool, int body, int fps) {
        int longest = (int) Math.round(LONGEST_CUT * fps);
        Map<Integer, Integer> sceneUses = new HashMap<>();
        Map<String, Integer> speakerUses = new HashMap<>();
        Set<PlannedShot> taken = new HashSet<>();
        List<PlannedShot> chosen = new ArrayList<>();
        long capacity = 0;
        while (capacity < body) {
            PlannedShot best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (PlannedShot s : pool) {
                if (taken.contains(s)) {
                    continue;
                }
                double score = BeatScore.of(s) - SCENE_REPEAT_PENALTY * sceneUses.getOrDefault(s.scene(), 0)
                        - SPEAKER_REPEAT_PENALTY * speakerUses.getOrDefault(s.spec().speaker(), 0);
                if (score > bestScore) {
                    best = s;
                    bestScore = score;
                }
            }
            if (best == null) {
                throw new IllegalArgumentException("the film has " + capacity / fps + " s of shots before its last scene, "
                        + "too little for a " + (body / fps) + " s trailer body");
            }
            taken.add(best);
            chosen.add(best);
            sceneUses.merge(best.scene(), 1, Integer::sum);
            if (!best.spec().speaker().isEmpty()) {
                speakerUses.merge(best.spec().speaker(), 1, Integer::sum);
            }
            capacity += Math.min(best.frames(), longest);
        }
        return chosen;
    }

    /**
     * Cut lengths falling linearly from the longest to the shortest cut, scaled so they add up to
     * {@code body} exactly, none longer than its shot.
     */
    static int[] lengths(List<PlannedShot> chosen, int body, int fps) {
        int n = chosen.size();
        double[] shape = new double[n];
        for (int i = 0; i < n; i++) {
            shape[i] = n == 1 ? LONGEST_CUT : LONGEST_CUT - (LONGEST_CUT - SHORTEST_CUT) * i / (n - 1);
        }
        double lo = 0;
        double hi = (double) body / fps + 1;
        int[] out = new int[n];
        for (int iter = 0; iter < 60; iter++) {
            double mid = (lo + hi) / 2;
            if (fill(chosen, shape, mid, fps, out) < body) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        long sum = fill(chosen, shape, lo, fps, out);
        // Rounding leaves a few frames: add them from the last cut backwards where the shot has room.
        for (int i = n - 1; sum < body && i >= 0; i = i == 0 ? n - 1 : i - 1) {
            if (out[i] < chosen.get(i).frames()) {
                out[i]++;
                sum++;
            } else if (allFull(chosen, out)) {
                break;
            }
        }
        return out;
    }

    private static long fill(List<PlannedShot> chosen, double[] shape, double scale, int fps, int[] out) {
        long sum = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) Math.min(chosen.get(i).frames(), Math.floor(shape[i] * scale * fps));
            sum += out[i];
        }
        return sum;
    }

    private static boolean allFull(List<PlannedShot> chosen, int[] out) {
        for (int i = 0; i < out.length; i++) {
            if (out[i] < chosen.get(i).frames()) {
                return false;
            }
        }
        return true;
    }
}
