package dev.storyreel.jobs.run;

import dev.storyreel.estimate.RenderEstimate;
import dev.storyreel.plan.FilmPlan;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The plan table printed before rendering (and by {@code --plan-only}): one line per film variant with its
 * screenplay pages and minutes of film per page, then the estimate.
 */
public final class PlanSummary {
    private PlanSummary() {
    }

    /** Prints the plans of a run at {@code fps} and the render estimate. */
    public static void print(PrintStream console, List<FilmPlan> plans, RenderEstimate estimate, int fps) {
        console.printf("%-24s %-16s %6s %6s %8s %9s %7s %8s %12s %12s%n", "film", "variant", "scenes", "shots", "frames",
                "duration", "pages", "min/page", "est. render", "est. cost");
        for (FilmPlan p : plans) {
            RenderEstimate e = estimate.part(Estimates.distinctShots(List.of(p)).stream().mapToLong(s -> s.frames()).sum());
            console.printf(Locale.ROOT, "%-24s %-16s %6d %6d %8d %9s %7.1f %8.2f %12s %12s%n", p.filmId(), p.variant(),
                    p.scenes(), p.shots().size(), p.frames(), Progress.clock((double) p.frames() / fps), p.pages(),
                    p.pages() > 0 ? p.frames() / (double) fps / 60.0 / p.pages() : 0.0, Progress.clock(e.renderSeconds()),
                    e.costText());
        }
        console.printf(Locale.ROOT, "Estimated render: %s for %d frames on %d %s%s at %.4f s/frame (%s); "
                        + "%.3f %s-hours, cost %s%n", Progress.clock(estimate.renderSeconds()), estimate.frames(),
                estimate.workers(), estimate.unit(), estimate.workers() == 1 ? "" : "s", estimate.secondsPerFrame(),
                estimate.detail(), estimate.workerHours(), estimate.unit(), estimate.costText());
    }
}
