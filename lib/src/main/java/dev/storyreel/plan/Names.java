package dev.storyreel.plan;

/** How names and one-line texts are normalised: every Unicode space (U+00A0 too) read as a plain space. */
final class Names {
    private Names() {
    }

    /** A name with Unicode spaces made plain, runs collapsed, ends trimmed ("ODILE\u00a0" is "ODILE"). */
    static String normal(String name) {
        return name.replaceAll("[\\p{Z}\\s\\u200B\\uFEFF]+", " ").strip();
    }

    /** A text on one line: line breaks and space runs become one space. */
    static String oneLine(String text) {
        return normal(text);
    }
}
