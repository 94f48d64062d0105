package dev.storyreel.dataset;

import dev.storyreel.shot.ShotKey;
import java.nio.charset.StandardCharsets;

/**
 * Train / val / test split of a dataset, by film: the SHA-256 of the film id decides, so a film's clips
 * never straddle splits and the split of a film never changes (80 / 10 / 10 of the hash space).
 */
public final class Splits {
    private Splits() {
    }

    /** "train", "val" or "test" for a film id. */
    public static String of(String filmId) {
        String hex = ShotKey.sha256(filmId.getBytes(StandardCharsets.UTF_8));
        int bucket = Integer.parseInt(hex.substring(0, 4), 16) % 100;
        return bucket < 80 ? "train" : bucket < 90 ? "val" : "test";
    }
}
