package dev.storyreel.subtitle;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a speech's text out as subtitle cues the way broadcast subtitling guidelines ask: lines of at
 * most {@link #maxLineChars()} characters (wrapped at spaces, balanced when a cue has two), at most
 * {@link #maxLines()} lines per cue, and a speech too long for one cue split into several that share
 * its time in proportion to their characters. When the speech's time is too short for
 * {@link #maxCps()} characters per second, its last cue may run on into the silence after it, up to the
 * next speech (never over it), until the reading speed fits.
 *
 * @param maxLineChars characters per line (42 in the EBU/BBC/Netflix tradition)
 * @param maxLines     lines per cue
 * @param maxCps       reading speed: characters (spaces included) per second
 */
public record SubtitleLayout(int maxLineChars, int maxLines, double maxCps) {

    /** 42 characters, two lines, 20 characters per second. */
    public static SubtitleLayout standard() {
        return new SubtitleLayout(42, 2, 20.0);
    }

    public SubtitleLayout {
        if (maxLineChars < 8 || maxLines < 1 || !(maxCps > 0)) {
            throw new IllegalArgumentException("layout limits too small: " + maxLineChars + ", " + maxLines + ", " + maxCps);
        }
    }

    /**
     * Lays out every speech of a film. {@code speeches} are one cue per speech, in time order and not
     * overlapping; {@code filmEndMs} is when the film ends. Returns the cues as shown.
     */
    public List<Cue> layout(List<Cue> speeches, long filmEndMs) {
        List<Cue> out = new ArrayList<>();
        for (int i = 0; i < speeches.size(); i++) {
            Cue s = speeches.get(i);
            long limit = i + 1 < speeches.size() ? speeches.get(i + 1).startMs() : Math.max(filmEndMs, s.endMs());
            out.addAll(layout(s.startMs(), s.endMs(), Math.max(limit, s.endMs()), s.text()));
        }
        return out;
    }

    /**
     * One speech shown from {@code startMs} to {@code endMs}, which may run on to {@code limitMs} when
     * it reads too fast: one or more cues, each of at most {@link #maxLines()} wrapped lines.
     */
    public List<Cue> layout(long startMs, long endMs, long limitMs, String text) {
        List<String> lines = wrap(text);
        List<String> cues = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += maxLines) {
            List<String> group = lines.subList(i, Math.min(lines.size(), i + maxLines));
            cues.add(String.join("\n", balance(group)));
        }
        int chars = cues.stream().mapToInt(SubtitleLayout::visible).sum();
        long needed = (long) Math.ceil(chars * 1000.0 / maxCps);
        long end = Math.max(endMs, Math.min(limitMs, startMs + needed));
        List<Cue> out = new ArrayList<>();
        long t = startMs;
        int done = 0;
        for (int i = 0; i < cues.size(); i++) {
            done += visible(cues.get(i));
            long next = i == cues.size() - 1 ? end : startMs + Math.round((end - startMs) * (double) done / chars);
            if (next > t) {
                out.add(new Cue(t, next, cues.get(i)));
                t = next;
            } else if (!out.isEmpty()) {
                // Too little time to show it alone: it joins the cue before.
                Cue last = out.remove(out.size() - 1);
                out.add(new Cue(last.startMs(), last.endMs(), last.text() + "\n" + cues.get(i)));
            }
        }
        return out;
    }

    /** The text as lines of at most {@link #maxLineChars()} characters (a longer word is broken). */
    public List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            while (length(word) > maxLineChars) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                int cut = word.offsetByCodePoints(0, maxLineChars);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            if (line.length() > 0 && length(line) + 1 + length(word) > maxLineChars) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Two greedy lines re-broken at the space that makes them most even (the top line never longer). */
    private List<String> balance(List<String> group) {
        if (group.size() != 2) {
            return group;
        }
        String all = group.get(0) + " " + group.get(1);
        int best = -1;
        int bestLongest = Integer.MAX_VALUE;
        for (int i = all.indexOf(' '); i >= 0; i = all.indexOf(' ', i + 1)) {
            int top = length(all.substring(0, i));
            int bottom = length(all.substring(i + 1));
            int longest = Math.max(top, bottom);
            if (longest <= maxLineChars && (longest < bestLongest || longest == bestLongest && top <= bottom)) {
                best = i;
                bestLongest = longest;
            }
        }
        return best < 0 ? group : List.of(all.substring(0, best), all.substring(best + 1));
    }

    private static int visible(String cue) {
        return length(cue.replace("\n", ""));
    }

    private static int length(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }
}
