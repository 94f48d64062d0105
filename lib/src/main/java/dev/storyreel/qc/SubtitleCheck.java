package dev.storyreel.qc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a delivered SubRip or WebVTT file back and measures its layout: the longest line, the most
 * lines in one cue and the fastest reading speed (characters shown per second, spaces included, line
 * breaks and markup tags not).
 */
public final class SubtitleCheck {
    private static final Pattern TIMING = Pattern.compile(
            "^\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[,.]\\d{3})\\s*-->\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[,.]\\d{3})");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private SubtitleCheck() {
    }

    /** One cue as read back: times in milliseconds and its visible lines. */
    public record ReadCue(int number, long startMs, long endMs, List<String> lines) {
        /** Visible characters (code points) over all lines. */
        public int chars() {
            return lines.stream().mapToInt(l -> l.codePointCount(0, l.length())).sum();
        }

        /** Characters per second shown. */
        public double cps() {
            return chars() * 1000.0 / Math.max(1, endMs - startMs);
        }
    }

    /**
     * What one subtitle file measures.
     *
     * @param cues          cues read
     * @param maxLineChars  longest line (characters)
     * @param maxLines      most lines in a cue
     * @param maxCps        fastest reading speed (characters per second)
     * @param widestCue     the cue with the longest line (null when none)
     * @param mostLinesCue  the cue with the most lines (null when none)
     * @param fastestCue    the fastest cue (null when none)
     */
    public record Layout(int cues, int maxLineChars, int maxLines, double maxCps, ReadCue widestCue,
                         ReadCue mostLinesCue, ReadCue fastestCue) {
    }

    /** Reads SubRip or WebVTT text; {@code file} names it in errors (with the line). */
    public static List<ReadCue> read(String file, String text) {
        String[] rows = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<ReadCue> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            Matcher m = TIMING.matcher(rows[i]);
            if (!m.find()) {
                if (rows[i].contains("-->")) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": bad cue timing '" + rows[i].strip() + "'");
                }
                continue;
            }
            long start = millis(file, i + 1, m.group(1));
            long end = millis(file, i + 1, m.group(2));
            List<String> lines = new ArrayList<>();
            while (i + 1 < rows.length && !rows[i + 1].isBlank()) {
                i++;
                lines.add(TAG.matcher(rows[i]).replaceAll("").strip());
            }
            out.add(new ReadCue(out.size() + 1, start, end, lines));
        }
        return out;
    }

    /** The layout figures of {@code cues}. */
    public static Layout measure(List<ReadCue> cues) {
        ReadCue widest = null;
        ReadCue most = null;
        ReadCue fastest = null;
        int maxLine = 0;
        for (ReadCue c : cues) {
            for (String l : c.lines()) {
                int n = l.codePointCount(0, l.length());
                if (n > maxLine) {
                    maxLine = n;
                    widest = c;
                }
            }
            if (most == null || c.lines().size() > most.lines().size()) {
                most = c;
            }
            if (fastest == null || c.cps() > fastest.cps()) {
                fastest = c;
            }
        }
        return new Layout(cues.size(), maxLine, most == null ? 0 : most.lines().size(),
                fastest == null ? 0 : fastest.cps(), widest, most, fastest);
    }

    /** hh:mm:ss.mmm of a cue's start, for reasons. */
    static String at(ReadCue c) {
        long ms = c.startMs();
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    private static long millis(String file, int line, String t) {
        String[] hms = t.replace(',', '.').split("[:.]");
        try {
            long h = hms.length == 4 ? Long.parseLong(hms[0]) : 0;
            int o = hms.length == 4 ? 1 : 0;
            return ((h * 60 + Long.parseLong(hms[o])) * 60 + Long.parseLong(hms[o + 1])) * 1000 + Long.parseLong(hms[o + 2]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(file + ":" + line + ": bad cue time '" + t + "'", e);
        }
    }
}
