package dev.storyreel.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.jobs.run.WriterOptions;
import dev.storyreel.jobs.stage.PlanStage;
import dev.storyreel.jobs.stage.WriteStage;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.writer.FakeChatServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writers' room stage: logline and brief rows become rows pointing at stored screenplays; reruns call nobody. */
class WriteStageTest {
    private static final String SCRIPT = """
            Title: The Tea Run
            Author: A Fake Writer

            INT. HARBOUR CANTEEN - NIGHT

            Steam rises. JUNO pours two cups.

            JUNO
            Night shift. Tea first.
            """;

    @TempDir
    Path tmp;

    @Test
    void loglineAndBriefRowsGetScreenplaysOnceAndFailWithoutAWriter() throws Exception {
        Path csv = tmp.resolve("catalogue.csv");
        Files.writeString(csv, """
                film_id,title,source,logline,brief,variants,style,seed
                kite,Kite,,Two rival kite makers share a hill,,,sepia,11
                tea,,,,product: Harbour Tea; audience: night-shift workers; tone: warm; length: 30,2,,4
                """);
        Path out = tmp.resolve("out");
        OutputStore store = new OutputStore(out.toString(), new Configuration());
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (FakeChatServer chat = new FakeChatServer("", "no screenplay here", SCRIPT)) {
            WriterOptions writer = new WriterOptions(chat.url(), "fake-chat", 2, 0.7);
            PlanStage.Source source = WriteStage.run(PlanStage.readCatalogue(csv.toString(), new Configuration(), 0), writer,
                    store, console);
            List<CatalogueEntry> entries = source.catalogue().entries();
            assertEquals(List.of("kite", "tea-v1", "tea-v2"), entries.stream().map(CatalogueEntry::filmId).toList());
            assertEquals(List.of(), source.catalogue().failures());
            assertEquals(4, chat.requests().size(), "kite: a rejected screenplay and a good one; each tea alternative: one");
            for (CatalogueEntry e : entries) {
                Path stored = out.resolve("screenplays/" + e.filmId() + ".fountain");
                assertEquals(SCRIPT.strip() + "\n", Files.readString(stored));
                assertTrue(e.source().endsWith("screenplays/" + e.filmId() + ".fountain"), e.source());
                assertEquals("", e.option("logline") + e.option("brief"));
            }
            assertTrue(chat.requests().get(3).toString().contains("alternative 2 of 2"));
            assertTrue(entries.get(1).seed() != entries.get(2).seed(), "alternatives are asked with their own seeds");

            WriteStage.run(PlanStage.readCatalogue(csv.toString(), new Configuration(), 0), writer, store, console);
            assertEquals(4, chat.requests().size(), "a rerun calls nobody");
        }
        PlanStage.Source without = WriteStage.run(PlanStage.readCatalogue(csv.toString(), new Configuration(), 0),
                WriterOptions.NONE, store, console);
        assertEquals(List.of(), without.catalogue().entries());
        assertEquals(2, without.catalogue().failures().size());
        assertTrue(without.catalogue().failures().get(0).message().contains("--writer-url"));
    }
}
