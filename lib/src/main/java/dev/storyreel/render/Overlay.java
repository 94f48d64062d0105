package dev.storyreel.render;

import java.util.Locale;

/** Whether the procedural renderer burns a technical label (heading, shot kind, camera, set) and name tags in. */
public enum Overlay {
    /** Clean pictures (films, datasets). */
    NONE,
    /** Review copies: the label in the top-left corner and a name tag over every face. */
    LABEL;

    /** The option value ("none", "label"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an option value, case-insensitively. */
    public static Overlay parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
