package dev.storyreel.variant;

import dev.storyreel.plan.FilmPlan;

/**
 * A film's variant: its settings and its plan (whose {@code variant} is {@code spec.id()}).
 *
 * @param spec the variant's settings
 * @param plan the plan of its shots, start frames contiguous from 0
 */
public record VariantPlan(VariantSpec spec, FilmPlan plan) implements java.io.Serializable {
}
