package dev.storyreel.variant;

import dev.storyreel.shot.CameraMove;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import java.util.Locale;
import java.util.Set;

/**
 * How much a shot carries the story, from its text alone (deterministic): dialogue lines that land
 * (short, exclamations and questions), action intensity (motion verbs, camera moves). Used to cut
 * films down and to pick trailer shots.
 */
public final class BeatScore {
    private static final Set<String> MOTION = Set.of("run", "runs", "running", "ran", "race", "races", "racing",
            "grab", "grabs", "slam", "slams", "fall", "falls", "jump", "jumps", "leap", "leaps", "crash", "crashes",
            "burst", "bursts", "chase", "chases", "throw", "throws", "kick", "kicks", "break", "breaks", "smash",
            "smashes", "pull", "pulls", "push", "pushes", "rush", "rushes", "flee", "flees", "spin", "spins", "swing",
            "swings", "dive", "dives", "explode", "explodes", "shatter", "shatters", "sprint", "sprints", "hurl",
            "hurls", "snatch", "snatches", "yank", "yanks", "dash", "dashes", "storm", "storms", "flash", "flashes",
            "blaze", "blazes", "roar", "roars", "scream", "screams", "fire", "fires", "drop", "drops", "tear", "tears");

    private BeatScore() {
    }

    /** Whether the shot is someone speaking (the subtitles' and the scorer's notion of dialogue). */
    public static boolean isDialogue(ShotSpec s) {
        // A voice-over may play over action or an establishing view: any shot with a speaker is spoken.
        return s.kind() == ShotKind.TWO_SHOT || (!s.speaker().isEmpty() && s.kind() != ShotKind.TITLE);
    }

    /** The shot's score: higher carries more. Title cards and establishing shots score 0. */
    public static double of(PlannedShot shot) {
        ShotSpec s = shot.spec();
        if (s.kind() == ShotKind.TITLE || s.kind() == ShotKind.ESTABLISHING) {
            return 0;
        }
        String text = s.caption().strip();
        double score = 0;
        if (isDialogue(s)) {
            int words = words(text);
            score += words <= 8 ? 3 : words <= 14 ? 1.5 : 0.5;
            if (text.endsWith("!") || text.endsWith("?")) {
                score += 2;
            } else if (text.contains("!") || text.contains("?")) {
                score += 1;
            }
            if (text.endsWith("...") || text.endsWith("…")) {
                score += 0.5;
            }
        } else {
            int hits = 0;
            for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (MOTION.contains(w)) {
                    hits++;
                }
            }
            score += 1.5 * Math.min(3, hits);
            if (text.contains("!")) {
                score += 1;
            }
        }
        if (s.camera() != CameraMove.STATIC) {
            score += 1;
        }
        return score;
    }

    static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
