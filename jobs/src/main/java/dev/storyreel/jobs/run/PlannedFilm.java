package dev.storyreel.jobs.run;

import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlannedShot;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * A planned film variant in a few numbers: what the driver keeps of a plan whose shots live in the
 * plan table only. {@code distinctFrames} counts each shot key of the variant once; {@code pages} is the
 * screenplay's length in pages.
 */
public record PlannedFilm(String filmId, String variant, String title, long scenes, int shots, long frames,
                          long distinctFrames, double pages) implements Serializable {

    /** The summary of a plan held in memory. */
    public static PlannedFilm of(FilmPlan p) {
        Set<String> keys = new HashSet<>();
        long distinct = 0;
        for (PlannedShot s : p.shots()) {
            if (keys.add(s.shotKey())) {
                distinct += s.frames();
            }
        }
        return new PlannedFilm(p.filmId(), p.variant(), p.title(), p.scenes(), p.shots().size(), p.frames(), distinct,
                p.pages());
    }
}
