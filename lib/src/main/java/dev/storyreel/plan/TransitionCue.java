package dev.storyreel.plan;

import dev.storyreel.shot.Transition;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads transitions and endings ("FADE IN:", "CUT TO:", "DISSOLVE TO:", "SMASH CUT TO:", "MATCH CUT TO:",
 * "FADE OUT.", "FADE TO BLACK.", "CUT TO BLACK.", "THE END") into the {@link Transition} the next shot
 * begins with. They become the boundary between shots, never a shot of their own.
 */
final class TransitionCue {
    private static final Pattern TRANSITION = Pattern.compile(
            "^(?:FADE IN|FADE UP|FADE OUT|FADE TO (?:BLACK|WHITE)|CUT TO BLACK|SMASH CUT(?: TO)?(?: BLACK)?|"
                    + "MATCH CUT(?: TO)?|(?:SLOW |QUICK |LAP )?DISSOLVE(?: TO)?|(?:HARD |QUICK |JUMP |TIME )?CUT(?: TO)?|"
                    + "CUT BACK TO|BACK TO|IRIS (?:IN|OUT)|WIPE TO|THE END|END|FADE TO|INTERCUT|FLASH CUT(?: TO)?)"
                    + "(?:\\s*[:.!]*)$");

    private TransitionCue() {
    }

    /** Whether a paragraph (or transition element) is a transition or an ending, as a whole. */
    static boolean is(String text) {
        return TRANSITION.matcher(normal(text)).matches();
    }

    /** The transition the next shot begins with. */
    static Transition of(String text) {
        String t = normal(text);
        if (t.startsWith("FADE IN") || t.startsWith("FADE UP") || t.startsWith("IRIS IN")) {
            return Transition.FADE_IN;
        }
        if (t.startsWith("FADE") || t.contains("BLACK") || t.startsWith("THE END") || t.equals("END")
                || t.startsWith("IRIS OUT")) {
            return Transition.FADE_FROM_BLACK;
        }
        if (t.contains("DISSOLVE") || t.startsWith("WIPE")) {
            return Transition.DISSOLVE;
        }
        if (t.startsWith("SMASH") || t.startsWith("FLASH")) {
            return Transition.SMASH_CUT;
        }
        if (t.startsWith("MATCH")) {
            return Transition.MATCH_CUT;
        }
        return Transition.CUT;
    }

    private static String normal(String text) {
        return text.strip().replaceAll("[\\p{Z}\\s]+", " ").toUpperCase(Locale.ROOT);
    }
}
