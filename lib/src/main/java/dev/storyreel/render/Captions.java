package dev.storyreel.render;

import java.util.Locale;

/** Whether the procedural renderer burns the shot's line into the picture (subtitles are tracks by default). */
public enum Captions {
    /** No caption in the picture. */
    NONE,
    /** The line (speaker, text, parenthetical) in a band at the bottom of the title-safe area. */
    BURN;

    /** The option value ("none", "burn"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an option value, case-insensitively. */
    public static Captions parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
