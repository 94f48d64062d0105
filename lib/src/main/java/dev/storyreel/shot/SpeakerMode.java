package dev.storyreel.shot;

import java.util.Locale;

/** Where a line's speaker is: in the shot's world and visible ({@code ON}), voice-over, or off-screen. */
public enum SpeakerMode {
    ON, VO, OS;

    /** Lower-case name used in tables ("vo"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
