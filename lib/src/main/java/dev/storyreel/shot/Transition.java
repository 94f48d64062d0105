package dev.storyreel.shot;

import java.util.Locale;

/** How a shot begins relative to the one before it (carried in the plan for assembly and timelines). */
public enum Transition {
    CUT, FADE_IN, DISSOLVE, SMASH_CUT, MATCH_CUT, FADE_FROM_BLACK;

    /** Lower-case name used in tables and timelines ("fade_in"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
