package dev.storyreel.shot;

import java.util.Locale;

/** How much of the subject a shot shows (the director's framing; renderers honour it). */
public enum ShotSize {
    EXTREME_WIDE, WIDE, MEDIUM, MEDIUM_CLOSE, CLOSE, INSERT, TWO_SHOT, OVER_SHOULDER, POV;

    /** Lower-case name used in tables and prompts ("medium_close"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
