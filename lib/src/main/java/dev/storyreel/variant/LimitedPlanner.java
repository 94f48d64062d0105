package dev.storyreel.variant;

import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.limits.Limit;
import dev.storyreel.limits.Limits;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.screenplay.Element;
import dev.storyreel.screenplay.Screenplay;
import dev.storyreel.screenplay.ScreenplayException;
import dev.storyreel.screenplay.ScreenplayReader;
import java.util.List;
import java.util.Locale;

/**
 * Plans one catalogue row within the run's {@link Limits}: the screenplay's size and line lengths are
 * checked before it is parsed, its elements' text after, the variant matrix is counted before it is
 * expanded, and each variant's frame size, shots and frames before it is accepted. A limit exceeded
 * throws {@link dev.storyreel.limits.LimitExceeded} naming the limit, the file and the line.
 */
public final class LimitedPlanner {
    private final VariantPlanner planner;
    private final Limits limits;

    public LimitedPlanner(VariantPlanner planner, Limits limits) {
        this.planner = planner;
        this.limits = limits;
    }

    /**
     * The row's variants from the screenplay's bytes (read with {@link Limits#readCapped}).
     *
     * @param catalogue the catalogue file, named in errors about the row
     * @param shown     the screenplay as people name it (its extension picks the parser)
     */
    public List<VariantPlan> plan(CatalogueEntry entry, String catalogue, String shown, byte[] bytes) throws ScreenplayException {
        long combinations = VariantMatrix.combinations(entry);
        limits.check(Limit.VARIANTS, combinations, catalogue, entry.line());
        limits.check(Limit.SCREENPLAY_BYTES, bytes.length, shown, 0);
        if (!shown.toLowerCase(Locale.ROOT).endsWith(".fdx")) {
            limits.checkLines(bytes, shown);
        }
        Screenplay screenplay = ScreenplayReader.read(shown, bytes, true);
        for (Element e : screenplay.elements()) {
            limits.check(Limit.LINE_CHARS, e.text().codePointCount(0, e.text().length()), shown, e.line());
        }
        if (combinations > 1) {
            // One plan first: a screenplay over the shot or frame limit fails before the matrix multiplies it.
            java.util.Map<String, String> plain = new java.util.TreeMap<>(entry.options());
            VariantMatrix.COLUMNS.forEach(plain::remove);
            check(planner.plan(new CatalogueEntry(entry.filmId(), entry.title(), entry.source(), entry.style(), entry.seed(),
                    entry.line(), plain), screenplay), entry, catalogue, shown);
        }
        return check(planner.plan(entry, screenplay), entry, catalogue, shown);
    }

    private List<VariantPlan> check(List<VariantPlan> variants, CatalogueEntry entry, String catalogue, String shown) {
        for (VariantPlan v : variants) {
            FilmPlan p = v.plan();
            if (!p.shots().isEmpty()) {
                limits.check(Limit.FRAME_WIDTH, p.shots().get(0).spec().width(), catalogue, entry.line());
                limits.check(Limit.FRAME_HEIGHT, p.shots().get(0).spec().height(), catalogue, entry.line());
            }
            limits.check(Limit.SHOTS, p.shots().size(), shown, 0);
            limits.check(Limit.FRAMES, p.frames(), shown, 0);
        }
        return variants;
    }
}
