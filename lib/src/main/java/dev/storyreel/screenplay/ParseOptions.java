package dev.storyreel.screenplay;

/**
 * Options shared by the screenplay parsers.
 *
 * @param stripEmphasis true to remove emphasis markup ({@code *italic*}, {@code **bold**},
 *                      {@code ***bold italic***}, {@code _underline_}) from element and title-page
 *                      text, resolving {@code \*} and {@code \_} escapes; false to keep the markup
 *                      exactly as written (see {@link Emphasis#strip(String)} to strip it later)
 */
public record ParseOptions(boolean stripEmphasis) {

    /** Keep emphasis markup in the text. */
    public static final ParseOptions KEEP_EMPHASIS = new ParseOptions(false);

    /** Remove emphasis markup from the text. */
    public static final ParseOptions STRIP_EMPHASIS = new ParseOptions(true);
}
