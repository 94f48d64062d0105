package dev.storyreel.plan;

import dev.storyreel.shot.Setting;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a scene heading ("INT. KITCHEN - NIGHT") into a {@link Setting}. */
final class SceneHeading {
    private static final Pattern PREFIX = Pattern.compile(
            "^(INT\\.?/EXT\\.?|EXT\\.?/INT\\.?|I\\.?/E\\.?|E\\.?/I\\.?|INT\\.?|EXT\\.?|EST\\.?)\\s+",
            Pattern.CASE_INSENSITIVE);
    /** Times of day a heading may end with; the continuity ones inherit the previous scene's. */
    private static final List<String> TIMES = List.of("DAY", "NIGHT", "MORNING", "AFTERNOON", "EVENING", "DAWN",
            "DUSK", "SUNSET", "SUNRISE", "NOON", "MIDNIGHT", "TWILIGHT");
    private static final List<String> CONTINUITY = List.of("CONTINUOUS", "LATER", "MOMENTS LATER", "SAME",
            "SAME TIME", "SIMULTANEOUS");

    private SceneHeading() {
    }

    /** The setting of a heading; {@code previousTime} is used for CONTINUOUS, LATER and the like. */
    static Setting parse(String heading, String previousTime) {
        String h = heading.strip();
        Setting.Exposure exposure = Setting.Exposure.INT;
        Matcher m = PREFIX.matcher(h);
        if (m.find()) {
            String p = m.group(1).toUpperCase(Locale.ROOT).replace(".", "");
            exposure = p.contains("/") ? Setting.Exposure.INT_EXT
                    : p.startsWith("EXT") || p.startsWith("EST") ? Setting.Exposure.EXT : Setting.Exposure.INT;
            h = h.substring(m.end());
        }
        String location = h;
        String time = "";
        int dash = h.lastIndexOf(" - ");
        if (dash >= 0) {
            String candidate = h.substring(dash + 3).strip().toUpperCase(Locale.ROOT);
            if (TIMES.contains(candidate) || CONTINUITY.contains(candidate)) {
                location = h.substring(0, dash).strip();
                time = CONTINUITY.contains(candidate) ? previousTime : candidate;
            }
        }
        return new Setting(exposure, location.toUpperCase(Locale.ROOT), time);
    }
}
