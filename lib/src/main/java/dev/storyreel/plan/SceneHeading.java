package dev.storyreel.plan;

import dev.storyreel.shot.Setting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a scene heading ("INT. LIGHTHOUSE - LANTERN ROOM - NIGHT") into a {@link Setting}: exposure from the
 * prefix, then the rest cut at any separator found in real scripts (" - ", " -- ", "--", dashes, ", ", "/"),
 * trailing time segments (a time of day, a continuity word, a year, "(1973)") taken off the end, the first
 * remaining segment as the location and the others as the sub-location.
 */
final class SceneHeading {
    private static final Pattern PREFIX = Pattern.compile(
            "^(INT\\.?\\s*/\\s*EXT\\.?|EXT\\.?\\s*/\\s*INT\\.?|INT\\.?-EXT\\.?|I\\.?\\s*/\\s*E\\.?|E\\.?\\s*/\\s*I\\.?"
                    + "|INT\\.?|EXT\\.?|EST\\.?)(\\s+|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:--+|[—–]|\\s-\\s|,\\s|/)\\s*");
    /** Times of day; the first word a segment contains names the time. */
    private static final Pattern TIME = Pattern.compile("\\b(DAY|NIGHT|MORNING|AFTERNOON|EVENING|DAWN|DUSK|SUNSET|"
            + "SUNRISE|NOON|MIDNIGHT|TWILIGHT|DAYBREAK|NIGHTFALL|DAYTIME|NIGHTTIME|MIDDAY)\\b");
    private static final Pattern CONTINUITY = Pattern.compile("\\b(CONTINUOUS|LATER|SAME|SIMULTANEOUS|"
            + "MOMENTS? LATER|MOMENTS? BEFORE|CONT'D|CONTINUED)\\b");
    private static final Pattern YEAR = Pattern.compile("^\\(?\\s*(?:(?:SUMMER|WINTER|SPRING|AUTUMN|FALL)\\s+)?"
            + "(1[0-9]{3}|20[0-9]{2})S?\\s*\\)?$");
    private static final Pattern TRAILING_PAREN = Pattern.compile("\\s*\\(([^()]*)\\)\\s*$");
    /** Words that qualify a time ("LATE NIGHT", "EARLY MORNING", "THAT NIGHT"). */
    private static final Pattern TIME_PHRASE = Pattern.compile("^(?:(?:LATE|EARLY|MID|THAT|THE|NEXT|SAME|LATER|"
            + "FOLLOWING|BEFORE|AT|TIME|IN|A|FEW|MOMENTS?|MINUTES?|HOURS?|DAYS?|WEEKS?|YEARS?|\\d+|ONE|TWO|THREE|"
            + "CONTINUOUS|SIMULTANEOUS|PRESENT|FLASHBACK|DREAM|-)\\s*)*$");

    /** A heading read apart. */
    record Parsed(Setting setting, boolean explicitTime, boolean continuity) {
    }

    private SceneHeading() {
    }

    /** The setting of a heading; {@code previousTime} is used for CONTINUOUS, LATER and headings with no time. */
    static Setting parse(String heading, String previousTime) {
        return read(heading, previousTime).setting();
    }

    /** The heading read apart, with whether it named a time itself or by a continuity word. */
    static Parsed read(String heading, String previousTime) {
        String h = heading.strip().replaceAll("[\\p{Z}\\s]+", " ");
        Setting.Exposure exposure = Setting.Exposure.INT;
        Matcher m = PREFIX.matcher(h);
        if (m.find()) {
            String p = m.group(1).toUpperCase(Locale.ROOT).replace(".", "").replace(" ", "");
            exposure = p.contains("/") || p.contains("-") ? Setting.Exposure.INT_EXT
                    : p.startsWith("EXT") || p.startsWith("EST") ? Setting.Exposure.EXT : Setting.Exposure.INT;
            h = h.substring(m.end());
        }
        String time = "";
        boolean continuity = false;
        // Trailing parentheses: "(1973)", "(FLASHBACK)", "(NIGHT)".
        Matcher paren = TRAILING_PAREN.matcher(h);
        while (paren.find()) {
            String inside = paren.group(1).toUpperCase(Locale.ROOT);
            Matcher t = TIME.matcher(inside);
            if (t.find() && time.isEmpty()) {
                time = t.group(1);
            }
            h = h.substring(0, paren.start());
            paren = TRAILING_PAREN.matcher(h);
        }
        List<String> segments = new ArrayList<>();
        for (String s : SEPARATOR.split(h)) {
            if (!s.isBlank()) {
                segments.add(s.strip());
            }
        }
        // Time segments come off the end.
        while (segments.size() > 1 || (segments.size() == 1 && isTimeSegment(segments.get(0)))) {
            String last = segments.get(segments.size() - 1);
            String u = last.toUpperCase(Locale.ROOT);
            if (!isTimeSegment(last)) {
                break;
            }
            Matcher t = TIME.matcher(u);
            if (t.find()) {
                if (time.isEmpty()) {
                    time = t.group(1);
                }
            } else if (CONTINUITY.matcher(u).find()) {
                continuity = true;
            }
            segments.remove(segments.size() - 1);
        }
        // "EXT. STREET - NIGHT - RAIN": a time segment before a trailing note.
        if (time.isEmpty() && !continuity) {
            for (int i = segments.size() - 1; i >= 1; i--) {
                Matcher t = TIME.matcher(segments.get(i).toUpperCase(Locale.ROOT));
                if (isTimeSegment(segments.get(i)) && t.find()) {
                    time = t.group(1);
                    segments.remove(i);
                    break;
                }
            }
        }
        // "EXT. BEACH NIGHT": a bare time word ending a location of several words.
        if (time.isEmpty() && segments.size() == 1) {
            String only = segments.get(0);
            int sp = only.lastIndexOf(' ');
            if (sp > 0) {
                String tail = only.substring(sp + 1).toUpperCase(Locale.ROOT);
                if (TIME.matcher(tail).matches()) {
                    time = tail;
                    segments.set(0, only.substring(0, sp).strip());
                }
            }
        }
        boolean explicit = !time.isEmpty();
        if (time.isEmpty()) {
            time = previousTime == null ? "" : previousTime;
        }
        String location = segments.isEmpty() ? "" : segments.get(0);
        String sub = segments.size() > 1 ? String.join(" - ", segments.subList(1, segments.size())) : "";
        return new Parsed(new Setting(exposure, location.toUpperCase(Locale.ROOT), time.toUpperCase(Locale.ROOT),
                sub.toUpperCase(Locale.ROOT)), explicit, continuity);
    }

    /** Whether a segment names a time: a time of day, a continuity word or a year, with qualifying words. */
    static boolean isTimeSegment(String segment) {
        String u = segment.toUpperCase(Locale.ROOT).strip();
        if (YEAR.matcher(u).matches()) {
            return true;
        }
        String rest = TIME.matcher(u).replaceAll(" ");
        rest = CONTINUITY.matcher(rest).replaceAll(" ").replaceAll("\\(?\\b(1[0-9]{3}|20[0-9]{2})S?\\b\\)?", " ").strip();
        boolean named = TIME.matcher(u).find() || CONTINUITY.matcher(u).find();
        return named && TIME_PHRASE.matcher(rest).matches();
    }
}
