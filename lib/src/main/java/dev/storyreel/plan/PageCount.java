package dev.storyreel.plan;

import dev.storyreel.screenplay.Element;
import dev.storyreel.screenplay.Screenplay;

/**
 * Estimates a screenplay's length in standard pages (Courier 12, 55 lines a page): action and
 * headings wrap at 61 characters, dialogue at 35, parentheticals at 25, one blank line between
 * elements. It is how "a minute a page" is checked against the planner's timing.
 */
public final class PageCount {
    static final int LINES_PER_PAGE = 55;

    private PageCount() {
    }

    /** Estimated pages of the screenplay's body. */
    public static double pages(Screenplay screenplay) {
        int lines = 0;
        for (Element e : screenplay.elements()) {
            lines += switch (e.type()) {
                case SCENE_HEADING, TRANSITION -> 2 + wrapped(e.text(), 61);
                case ACTION, LYRICS -> 1 + wrapped(e.text(), 61);
                case CHARACTER -> 1 + 1;
                case DIALOGUE -> wrapped(e.text(), 35);
                case PARENTHETICAL -> wrapped(e.text(), 25);
                case SECTION, SYNOPSIS, PAGE_BREAK -> 0;
            };
        }
        return (double) lines / LINES_PER_PAGE;
    }

    private static int wrapped(String text, int width) {
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            int col = 0;
            int n = 1;
            for (String word : paragraph.strip().split("\\s+")) {
                if (col > 0 && col + 1 + word.length() > width) {
                    n++;
                    col = word.length();
                } else {
                    col += (col > 0 ? 1 : 0) + word.length();
                }
            }
            lines += n;
        }
        return lines;
    }
}
