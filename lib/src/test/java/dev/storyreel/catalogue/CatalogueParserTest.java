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
                new FilmFailure("good", "cat.csv", 3, "duplicate film_id 'good' (first on line 2)"),
                new FilmFailure("seedless", "cat.csv", 4, "seed 'twelve' is not an integer"),
                new FilmFailure("../..", "cat.csv", 5, "film_id '../..' has no usable characters (allowed: a-z 0-9 . _ -)"),
                new FilmFailure("nosource", "cat.csv", 6, "no source screenplay given (nor a logline or brief)")), c.failures());
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
    void folderCatalogueUsesSanitisedStemsInNameOrder() {
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
}
