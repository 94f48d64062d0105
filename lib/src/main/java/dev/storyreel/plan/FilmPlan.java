package dev.storyreel.plan;

import java.util.List;
import java.util.Objects;

/**
 * The plan of one film: its shots in screen order, its character and location bible, and its length in
 * screenplay pages.
 *
 * @param filmId  the film
 * @param variant the variant ("main")
 * @param title   the film's title
 * @param source  the screenplay file it was planned from
 * @param shots   shots in screen order; start frames are contiguous from 0
 * @param bible   the film's characters and locations (empty for plans cut from another, such as variants)
 * @param pages   the screenplay's length by {@link PageCount} (0 when not known)
 */
public record FilmPlan(String filmId, String variant, String title, String source, List<PlannedShot> shots,
                       CharacterBible bible, double pages) implements java.io.Serializable {

    public FilmPlan {
        shots = List.copyOf(shots);
        bible = Objects.requireNonNullElse(bible, CharacterBible.empty());
    }

    /** A plan without a bible or page count (variants re-cut a planned film). */
    public FilmPlan(String filmId, String variant, String title, String source, List<PlannedShot> shots) {
        this(filmId, variant, title, source, shots, CharacterBible.empty(), 0);
    }

    /** Total frames of the film. */
    public int frames() {
        return shots.stream().mapToInt(PlannedShot::frames).sum();
    }

    /** Running time in minutes. */
    public double minutes() {
        return shots.isEmpty() ? 0 : frames() / (double) shots.get(0).spec().fps() / 60.0;
    }

    /** Minutes of film per screenplay page (0 when the page count is not known). */
    public double minutesPerPage() {
        return pages > 0 ? minutes() / pages : 0;
    }

    /** Number of scenes (the title card not counted). */
    public long scenes() {
        return shots.stream().mapToInt(PlannedShot::scene).filter(s -> s > 0).distinct().count();
    }
}
