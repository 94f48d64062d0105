package dev.storyreel.shot;

/** What a shot shows, which decides its framing. */
public enum ShotKind {
    /** The film's title card, from the title page. */
    TITLE,
    /** A wide shot that opens a scene on its location. */
    ESTABLISHING,
    /** Action lines: what happens, framed wide or medium. */
    ACTION,
    /** A character speaking (single). */
    DIALOGUE,
    /** The listener while another character speaks (reverse of a dialogue single). */
    REVERSE,
    /** Two characters speaking at once (dual dialogue). */
    TWO_SHOT;

    /** Lower-case name used in tables and prompts. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
