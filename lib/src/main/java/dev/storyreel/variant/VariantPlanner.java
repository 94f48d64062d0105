package dev.storyreel.variant;

import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlanSettings;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.plan.ShotPlanner;
import dev.storyreel.plan.StylePreset;
import dev.storyreel.screenplay.Screenplay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans every variant a catalogue row asks for: one shot plan per frame size and style, cut down and
 * relabelled per variant. Variants that differ only in length or subtitle language share their shots
 * (same keys), so they are rendered once.
 */
public final class VariantPlanner {
    private final PlanSettings base;
    private final Map<String, StylePreset> styles;

    /** @param base the run's frame size, fps and renderer; @param styles the named style presets */
    public VariantPlanner(PlanSettings base, Map<String, StylePreset> styles) {
        this.base = base;
        this.styles = Map.copyOf(styles);
    }

    /** The row's variants, in matrix order. */
    public List<VariantPlan> plan(CatalogueEntry entry, Screenplay screenplay) {
        List<VariantPlan> out = new ArrayList<>();
        Map<String, FilmPlan> full = new LinkedHashMap<>();
        for (VariantSpec v : VariantMatrix.of(entry)) {
            FrameSize size = FrameSize.of(v.aspect(), v.resolution(), base.width(), base.height());
            String style = v.style().isEmpty() ? entry.style() : v.style();
            FilmPlan whole = full.computeIfAbsent(size.width() + "x" + size.height() + "/" + style, k -> {
                PlanSettings settings = new PlanSettings(size.width(), size.height(), base.fps(), base.renderer());
                CatalogueEntry styled = new CatalogueEntry(entry.filmId(), entry.title(), entry.source(), style,
                        entry.seed(), entry.line(), entry.options());
                return new ShotPlanner(settings, styles).plan(styled, screenplay);
            });
            List<PlannedShot> shots = v.maxSeconds() > 0 ? CutDown.select(whole.shots(), base.fps(), v.maxSeconds())
                    : whole.shots();
            out.add(new VariantPlan(v, relabel(whole, v.id(), shots)));
        }
        return out;
    }

    /** The shots as variant {@code id}, start frames renumbered from 0; scene and shot numbers kept. */
    static FilmPlan relabel(FilmPlan whole, String id, List<PlannedShot> shots) {
        List<PlannedShot> out = new ArrayList<>(shots.size());
        int frame = 0;
        for (PlannedShot s : shots) {
            out.add(new PlannedShot(s.filmId(), id, s.scene(), s.sceneLabel(), s.shot(), frame, s.spec(), s.shotKey(),
                    s.sourceLine()));
            frame += s.frames();
        }
        return new FilmPlan(whole.filmId(), id, whole.title(), whole.source(), out, whole.bible(), whole.pages());
    }
}
