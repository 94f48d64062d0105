package dev.storyreel.plan;

import java.util.Objects;

/** One deliverable cut of a film: its film id and variant id ("main" for a film without a variant matrix). */
public record FilmVariant(String filmId, String variant) implements java.io.Serializable {
    /** The variant id of a film without a variant matrix. */
    public static final String MAIN = "main";

    public FilmVariant {
        Objects.requireNonNull(filmId, "filmId");
        Objects.requireNonNull(variant, "variant");
    }

    /** The film variant a plan is for. */
    public static FilmVariant of(FilmPlan plan) {
        return new FilmVariant(plan.filmId(), plan.variant());
    }
}
