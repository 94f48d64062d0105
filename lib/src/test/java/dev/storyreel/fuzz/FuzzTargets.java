package dev.storyreel.fuzz;

import dev.storyreel.catalogue.Catalogue;
import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.catalogue.CatalogueException;
import dev.storyreel.catalogue.CatalogueParser;
import dev.storyreel.catalogue.FilmFailure;
import dev.storyreel.screenplay.Element;
import dev.storyreel.screenplay.FdxParser;
import dev.storyreel.screenplay.FountainParser;
import dev.storyreel.screenplay.ParseOptions;
import dev.storyreel.screenplay.Screenplay;
import dev.storyreel.screenplay.ScreenplayException;
import dev.storyreel.subtitle.Subtitles;
import dev.storyreel.subtitle.Translation;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the fuzz targets check for each reader of untrusted input: it returns or throws its own named
 * error, never anything else, and what it returns keeps its promises (no control characters in text,
 * ids confined to {@code [a-z0-9._-]}, unique). Any other throwable is a finding.
 */
final class FuzzTargets {
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029&&[^\\n\\t]]");
    private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,94}[a-z0-9])?");

    private FuzzTargets() {
    }

    static void fountain(byte[] data) {
        try {
            elements(new FountainParser(new ParseOptions(true)).parse("fuzz.fountain", data));
        } catch (ScreenplayException e) {
            named(e, "fuzz.fountain");
        }
    }

    static void fdx(byte[] data) {
        try {
            elements(new FdxParser(new ParseOptions(true)).parse("fuzz.fdx", data));
        } catch (ScreenplayException e) {
            named(e, "fuzz.fdx");
        }
    }

    static void catalogue(byte[] data) {
        String csv = new String(data, StandardCharsets.UTF_8);
        Catalogue c;
        try {
            c = new CatalogueParser(7).parseCsv("fuzz.csv", csv);
        } catch (CatalogueException e) {
            named(e, "fuzz.csv");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (CatalogueEntry e : c.entries()) {
            check(ID.matcher(e.filmId()).matches(), "film id outside [a-z0-9._-]: " + e.filmId());
            check(ids.add(e.filmId()), "two entries share the id " + e.filmId());
            check(!CONTROL.matcher(e.title() + e.source() + e.style()).find(), "control characters in a row: " + e);
            check(e.line() >= 2, "an entry without its line: " + e);
        }
        for (FilmFailure f : c.failures()) {
            check(ids.add(f.filmId()), "a failure shares the id of another film: " + f.filmId());
            check(f.line() >= 2, "a failure without its line: " + f);
        }
    }

    static void translation(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Translation t;
        try {
            t = Translation.parse("fuzz.fr.txt", text);
        } catch (IllegalArgumentException e) {
            check(e.getMessage() != null && e.getMessage().startsWith("fuzz.fr.txt:"), "an error without file and line: " + e);
            return;
        }
        for (int line = 1; line <= 64; line++) {
            String s = t.line(line);
            if (s != null) {
                String srt = Subtitles.srtText(s);
                check(!srt.contains("-->") && !srt.contains("\n\n"), "a translated cue that breaks SRT: " + srt);
                check(!Subtitles.vttText(s).contains("<"), "a translated cue with a WebVTT tag");
            }
        }
    }

    private static void elements(Screenplay s) {
        for (Element e : s.elements()) {
            check(e.line() >= 1, "an element without a line: " + e);
            check(!CONTROL.matcher(e.text()).find(), "control characters reach an element: " + e);
        }
    }

    private static void named(Exception e, String file) {
        check(e.getMessage() != null && e.getMessage().startsWith(file), "an error that does not name the file: " + e);
    }

    private static void check(boolean ok, String finding) {
        if (!ok) {
            throw new AssertionError(finding);
        }
    }
}
