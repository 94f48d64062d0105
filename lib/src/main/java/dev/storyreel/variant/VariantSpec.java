package dev.storyreel.variant;

import dev.storyreel.plan.FilmVariant;
import java.util.ArrayList;
import java.util.List;

/**
 * One variant of a film, as the catalogue's variant matrix asks for it. Empty / zero fields keep the
 * run's setting. The id is derived from the settings alone, so it is stable across runs.
 *
 * @param aspect     aspect ratio "W:H" (16:9, 9:16, 1:1, 4:5), or "" for the run's frame size
 * @param resolution the short side in pixels (720 gives 1280x720 at 16:9 and 720x1280 at 9:16), 0 for the run's
 * @param style      style preset name, or "" for the catalogue row's style
 * @param maxSeconds cut-down length in seconds, 0 for the full film
 * @param language   subtitle language besides the screenplay's own, or "" for the screenplay's text
 */
public record VariantSpec(String aspect, int resolution, String style, int maxSeconds, String language)
        implements java.io.Serializable {

    /** The variant of a film whose catalogue row asks for none. */
    public static final VariantSpec MAIN = new VariantSpec("", 0, "", 0, "");

    /** The id of the variant with every setting left to the run. */
    public static final String MAIN_ID = FilmVariant.MAIN;

    /** A readable id from the settings that are set, e.g. {@code 9x16-720p-noir-30s-fr}; {@code main} when none is. */
    public String id() {
        List<String> parts = new ArrayList<>();
        if (!aspect.isEmpty()) {
            parts.add(aspect.replace(':', 'x'));
        }
        if (resolution > 0) {
            parts.add(resolution + "p");
        }
        if (!style.isEmpty()) {
            parts.add(style);
        }
        if (maxSeconds > 0) {
            parts.add(maxSeconds + "s");
        }
        if (!language.isEmpty()) {
            parts.add(language);
        }
        return parts.isEmpty() ? MAIN_ID : String.join("-", parts);
    }
}
