package dev.storyreel.screenplay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Emphasis markup removal. */
class EmphasisTest {

    @Test
    void removesEachKindOfMarkup() {
        assertEquals("italic bold bold italic underline",
                Emphasis.strip("*italic* **bold** ***bold italic*** _underline_"));
        assertEquals("Steel's face FILLS the Leupold Mark 4 scope",
                Emphasis.strip("_Steel's face FILLS the *Leupold Mark 4* scope_"));
    }

    @Test
    void escapesGiveLiteralCharacters() {
        assertEquals("Steel enters the code on the keypad: *9765*",
                Emphasis.strip("Steel enters the code on the keypad: **\\*9765\\***"));
        assertEquals("a_b", Emphasis.strip("a\\_b"));
    }

    @Test
    void spacingMatters() {
        assertEquals("He dialed *69 and then *23, and then hung up.",
                Emphasis.strip("He dialed *69 and then *23, and then hung up."));
        assertEquals("He dialed 69 and then 23, and then hung up.",
                Emphasis.strip("He dialed *69 and then 23*, and then hung up."));
        assertEquals("snake_case_name", Emphasis.strip("snake_case_name"));
    }

    @Test
    void doesNotSpanLines() {
        assertEquals("*start\nend*", Emphasis.strip("*start\nend*"));
    }

    @Test
    void escapeRoundTrips() {
        String literal = "2 * 3 = 6_ish *really*";
        assertEquals(literal, Emphasis.strip(Emphasis.escape(literal)));
    }
}
