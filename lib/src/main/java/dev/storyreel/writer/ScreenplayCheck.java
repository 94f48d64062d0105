package dev.storyreel.writer;

import dev.storyreel.plan.PageCount;
import dev.storyreel.screenplay.ElementType;
import dev.storyreel.screenplay.FountainParser;
import dev.storyreel.screenplay.ParseOptions;
import dev.storyreel.screenplay.Screenplay;
import dev.storyreel.screenplay.ScreenplayException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a written screenplay is one storyreel can film: it parses with our Fountain parser and has a
 * title page with a title, at least one scene heading, dialogue, and no more pages than the budget allows.
 */
public final class ScreenplayCheck {

    private ScreenplayCheck() {
    }

    /** The problems of the text, said so a writer can fix it, or empty when it is fine. */
    public static Optional<String> problem(String name, String fountain, double pageBudget) {
        Screenplay s;
        try {
            s = new FountainParser(ParseOptions.STRIP_EMPHASIS).parse(name, fountain);
        } catch (ScreenplayException e) {
            return Optional.of("it does not parse as Fountain (line " + e.line() + ": " + e.reason() + ")");
        }
        java.util.List<String> problems = new java.util.ArrayList<>();
        if (s.titleEntry("title", "").isBlank()) {
            problems.add("it has no title page: begin with 'Title: ...' and 'Author: ...' lines, then a blank line");
        }
        if (s.elements().stream().noneMatch(e -> e.type() == ElementType.SCENE_HEADING)) {
            problems.add("it has no scene heading: each scene must begin with a line such as 'INT. KITCHEN - DAY'"
                    + " or 'EXT. HARBOUR - NIGHT', with a blank line before and after");
        }
        if (s.elements().stream().noneMatch(e -> e.type() == ElementType.DIALOGUE)) {
            problems.add("it has no dialogue: a character's name in capitals on its own line, the line of dialogue"
                    + " right under it");
        }
        double pages = PageCount.pages(s);
        if (pages > pageBudget * 1.5 + 0.5) {
            problems.add(String.format(Locale.ROOT, "it is %.1f pages long; the budget is %.1f pages", pages,
                    pageBudget));
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }
}
