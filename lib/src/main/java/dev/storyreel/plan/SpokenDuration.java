package dev.storyreel.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a line takes to say: words at a speaking rate, plus a pause after each sentence and a shorter
 * one at each comma or dash, plus a breath before the line. The constants are the calibration: the sound
 * stage can fit them against real synthesis ({@link #of(double, double, double, double)}) and plan with
 * the fitted values.
 *
 * @param wordsPerSecond speaking rate (2.8 is about 170 words a minute, brisk film dialogue)
 * @param sentencePause  seconds of silence after a sentence end (. ! ? …)
 * @param clausePause    seconds at a comma, semicolon, colon or dash
 * @param leadIn         seconds before the first word
 */
public record SpokenDuration(double wordsPerSecond, double sentencePause, double clausePause, double leadIn)
        implements java.io.Serializable {
    /** The planner's calibration. */
    public static final SpokenDuration DEFAULT = new SpokenDuration(2.8, 0.25, 0.1, 0.2);

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]+(?=\\s|$)");
    private static final Pattern CLAUSE = Pattern.compile("[,;:]|\\s--?\\s|—|–");

    public SpokenDuration {
        if (!(wordsPerSecond > 0) || sentencePause < 0 || clausePause < 0 || leadIn < 0) {
            throw new IllegalArgumentException("bad speech calibration: " + wordsPerSecond + " words/s");
        }
    }

    /** A calibration from measured values. */
    public static SpokenDuration of(double wordsPerSecond, double sentencePause, double clausePause, double leadIn) {
        return new SpokenDuration(wordsPerSecond, sentencePause, clausePause, leadIn);
    }

    /** Seconds to say {@code text}. */
    public double seconds(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return 0;
        }
        int words = t.split("\\s+").length;
        int sentences = count(SENTENCE_END, t);
        int clauses = count(CLAUSE, t);
        // The last sentence's pause is the cut, not silence inside the line.
        return leadIn + words / wordsPerSecond + Math.max(0, sentences - 1) * sentencePause + clauses * clausePause;
    }

    private static int count(Pattern p, String t) {
        Matcher m = p.matcher(t);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
