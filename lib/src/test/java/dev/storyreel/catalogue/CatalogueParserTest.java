package dev.storyreel.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueParserTest {

    @Test
    void readsRowsWithQuotesAndLineNumbers() throws Exception {
        String csv = "film_id,title,source,style,seed\n"
                + "alpha,\"Alpha, the film\",a.fountain,noir,7\n"
                + "\n"
                + "Beta Film!,Beta,scripts/b.fountain,,\n";
        Catalogue c = new CatalogueParser(0).parseCsv("cat.csv", csv);
        assertEquals(List.of(), c.failures());
        assertEquals(List.of(
                new CatalogueEntry("alpha", "Alpha, the film", "a.fountain", "noir", 7, 2),
                new CatalogueEntry("beta-film", "Beta", "scripts/b.fountain", "", 0, 4)), c.entries());
    }

    @Test
    void badRowsFailTheirFilmOnly() throws Exception {
        String csv = "film_id,title,source,style,seed\n"
                + "good,Good,g.fountain,,1\n"
                + "good,Again,h.fountain,,2\n"
                + "seedless,S,s.fountain,,twelve\n"
                + "../..,Escape,e.fountain,,3\n"
                + "nosource,N,,,4\n";
        Catalogue c = new CatalogueParser(0).parseCsv("cat.csv", csv);
        assertEquals(List.of("good"), c.entries().stream().map(CatalogueEntry::filmId).toList());
        assertEquals(List.of(
                new FilmFailure("good@3", "cat.csv", 3,
                        "duplicate film_id: 'good' on line 3 is already used on line 2 (line 2's film is made)"),
                new FilmFailure("seedless", "cat.csv", 4, "seed 'twelve' is not an integer"),
                new FilmFailure("@5", "cat.csv", 5, "film_id '../..' has no usable characters (allowed: a-z 0-9 . _ -)"),
                new FilmFailure("nosource", "cat.csv", 6, "no source screenplay given (nor a logline or brief)")), c.failures());
    }

    @Test
    void rowsWithUnusableIdsAreNamedByTheirLinesNeverTheSame() throws Exception {
        // Found by the catalogue fuzzer: two rows whose id is a lone U+FEFF failed under one id.
        String csv = "film_id,title,source,style,seed\n\uFEFF,A,a.fountain,,1\n\uFEFF,B,b.fountain,,2\n";
        Catalogue c = new CatalogueParser(0).parseCsv("cat.csv", csv);
        assertEquals(List.of("@2", "@3"), c.failures().stream().map(FilmFailure::filmId).toList());
    }

    @Test
    void missingHeaderFailsTheCatalogue() {
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> new CatalogueParser(0).parseCsv("cat.csv", "a,b,c\n1,2,3\n"));
        assertTrue(e.getMessage().startsWith("cat.csv:1: the header must name"), e.getMessage());
    }

    @Test
    void filmIdsNeverNameAPathOutsideTheRoot() {
        for (String hostile : List.of("..", ".", "../../etc/passwd", "/abs/path", "a/../../b", "C:\\win", "..\\..", " ")) {
            FilmId.sanitise(hostile).ifPresent(id -> {
                assertTrue(id.matches("[a-z0-9][a-z0-9._-]*[a-z0-9]|[a-z0-9]"), hostile + " -> " + id);
                assertTrue(!id.contains("/") && !id.equals(".") && !id.equals(".."), hostile + " -> " + id);
            });
        }
        assertEquals("etc-passwd", FilmId.sanitise("../../etc/passwd").orElseThrow());
        assertEquals("my-film_2.v1", FilmId.sanitise("My Film_2.v1").orElseThrow());
    }

    @Test
    void folderCatalogueUsesSanitisedStemsInNameOrder() throws Exception {
        Catalogue c = new CatalogueParser(0).fromFolder("dir", List.of("Zed Story.fountain", "notes.txt", "alpha.fountain", "b.fdx"));
        assertEquals(List.of("alpha", "b", "zed-story"), c.entries().stream().map(CatalogueEntry::filmId).toList());
    }

    @Test
    void runSeedReseedsEveryFilmReproducibly() throws Exception {
        String csv = "film_id,title,source,style,seed\nx,X,x.fountain,,5\n";
        long a = new CatalogueParser(1).parseCsv("c", csv).entries().get(0).seed();
        long b = new CatalogueParser(1).parseCsv("c", csv).entries().get(0).seed();
        long c = new CatalogueParser(2).parseCsv("c", csv).entries().get(0).seed();
        assertEquals(a, b);
        assertTrue(a != c && a != 5);
        assertEquals(5, new CatalogueParser(0).parseCsv("c", csv).entries().get(0).seed());
    }

    @Test
    void idsThatCollideAfterSanitisingFailTheLaterRowNamingBothLines() throws Exception {
        String csv = "film_id,title,source,style,seed\n"
                + "Film A,First,a.fountain,,1\n"
                + "film-a,Second,b.fountain,,2\n"
                + ",Stem,c/story.fountain,,3\n"
                + "story,Named,d.fountain,,4\n";
        Catalogue c = new CatalogueParser(0).parseCsv("cat.csv", csv);
        assertEquals(List.of("film-a", "story"), c.entries().stream().map(CatalogueEntry::filmId).toList());
        assertEquals(List.of(2, 4), c.entries().stream().map(CatalogueEntry::line).toList());
        assertEquals(List.of(
                new FilmFailure("film-a@3", "cat.csv", 3,
                        "duplicate film_id: 'film-a' on line 3 is already used on line 2 (line 2's film is made)"),
                new FilmFailure("story@5", "cat.csv", 5,
                        "duplicate film_id: 'story' on line 5 is already used on line 4 (line 4's film is made)")),
                c.failures());
        // Every failure has an id of its own: reporting it can never fail the earlier row's film.
        var ids = new java.util.HashSet<String>();
        c.entries().forEach(e -> ids.add(e.filmId()));
        c.failures().forEach(f -> assertTrue(ids.add(f.filmId()), f.filmId()));
    }

    @Test
    void anEmptyIdTakingAStemAlreadyUsedFailsItself() throws Exception {
        String csv = "film_id,title,source,style,seed\nstory,Named,d.fountain,,4\n,Stem,Story.fountain,,3\n";
        Catalogue c = new CatalogueParser(0).parseCsv("cat.csv", csv);
        assertEquals(List.of("story"), c.entries().stream().map(CatalogueEntry::filmId).toList());
        assertEquals("duplicate film_id: the id 'story' taken from the file name on line 3 is already used on line 2"
                + " (line 2's film is made)", c.failures().get(0).message());
    }

    @Test
    void longIdsKeepAHashOfTheWholeInsteadOfColliding() throws Exception {
        String a = "x".repeat(299) + "a";
        String b = "x".repeat(299) + "b";
        String csv = "film_id,title,source,style,seed\n" + a + ",A,a.fountain,,1\n" + b + ",B,b.fountain,,2\n";
        Catalogue c = new CatalogueParser(0).parseCsv("cat.csv", csv);
        assertEquals(List.of(), c.failures());
        List<String> ids = c.entries().stream().map(CatalogueEntry::filmId).toList();
        assertEquals(2, ids.stream().distinct().count(), ids.toString());
        ids.forEach(id -> {
            assertEquals(96, id.length(), id);
            assertTrue(id.matches("x+-[0-9a-f]{16}"), id);
        });
        assertEquals(ids.get(0), FilmId.sanitise(a).orElseThrow(), "the same id every time");
    }

    @Test
    void aCatalogueWithoutFilmsIsAnError() {
        CatalogueException header = assertThrows(CatalogueException.class,
                () -> new CatalogueParser(0).parseCsv("cat.csv", "film_id,title,source,style,seed\n\n"));
        assertTrue(header.getMessage().startsWith("cat.csv: no films"), header.getMessage());
        CatalogueException folder = assertThrows(CatalogueException.class,
                () -> new CatalogueParser(0).fromFolder("dir", List.of("notes.md", "a.txt")));
        assertTrue(folder.getMessage().startsWith("dir: no films: the folder holds no screenplay"), folder.getMessage());
    }

    @Test
    void moreRowsThanTheLimitRefuseTheCatalogueByName() {
        var limits = dev.storyreel.limits.Limits.defaults().with(dev.storyreel.limits.Limit.CATALOGUE_ROWS, 2);
        String csv = "film_id,title,source,style,seed\na,,a.fountain,,\nb,,b.fountain,,\nc,,c.fountain,,\nd,,d.fountain,,\n";
        CatalogueException e = assertThrows(CatalogueException.class, () -> new CatalogueParser(0, limits).parseCsv("cat.csv", csv));
        assertEquals("cat.csv:4: limit catalogue_rows exceeded: more than 2 catalogue rows (conf/limits.yaml)",
                e.getMessage());
    }

    @Test
    void controlCharactersNeverReachTitlesOrIds() throws Exception {
        String csv = "film_id,title,source,style,seed\nab\u0000c,Ti\u0000tle\u001b[31m,a.fountain,,1\n";
        CatalogueEntry e = new CatalogueParser(0).parseCsv("cat.csv", csv).entries().get(0);
        assertEquals("ab-c", e.filmId());
        assertEquals("Ti tle [31m", e.title());
    }
}
