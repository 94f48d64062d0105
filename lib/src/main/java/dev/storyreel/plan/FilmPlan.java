package dev.storyreel.plan;

import java.util.List;

/**
 * The plan of one film: its shots in screen order.
 *
 * @param filmId  the film
 * @param variant the variant ("main")
 * @param title   the film's title
 * @param source  the screenplay file it was planned from
 * @param shots   shots in screen order; start frames are contiguous from 0
 */
public record FilmPlan(String filmId, String variant, String title, String source, List<PlannedShot> shots) implements java.io.Serializable {

    public FilmPlan {
        shots = List.copyOf(shots);
    }

    /** Total frames of the film. */
    public int frames() {
        return shots.stream().mapToInt(PlannedShot::frames).sum();
    }

    /** Number of scenes (the title card not counted). */
    public long scenes() {
        return shots.stream().mapToInt(PlannedShot::scene).filter(s -> s > 0).distinct().count();
    }
}
