package dev.storyreel.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.limits.Limit;
import dev.storyreel.limits.LimitExceeded;
import dev.storyreel.limits.Limits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** LimitedPlanner: every limit of a film fails it by name, before the memory it guards is spent. */
class LimitedPlannerTest {
    static final VariantPlanner PLANNER = new VariantPlanner(VariantPlannerTest.SETTINGS, Map.of());

    static byte[] ferry() throws Exception {
        return Files.readAllBytes(VariantPlannerTest.SAMPLES.resolve("night-ferry.fountain"));
    }

    static LimitExceeded exceeded(Limits limits, CatalogueEntry entry, String shown, byte[] bytes) {
        return assertThrows(LimitExceeded.class, () -> new LimitedPlanner(PLANNER, limits).plan(entry, "cat.csv", shown, bytes));
    }

    @Test
    void withinTheDefaultsTheSampleIsPlannedAsBefore() throws Exception {
        CatalogueEntry e = VariantPlannerTest.entry(Map.of("aspects", "16:9;9:16", "max_seconds", "full;30"));
        List<VariantPlan> limited = new LimitedPlanner(PLANNER, Limits.defaults()).plan(e, "cat.csv", "night-ferry.fountain", ferry());
        assertEquals(PLANNER.plan(e, VariantPlannerTest.ferry()).stream().map(v -> v.plan().shots()).toList(),
                limited.stream().map(v -> v.plan().shots()).toList());
        assertEquals(4, limited.size());
    }

    @Test
    void aHugeVariantMatrixIsCountedNotExpanded() throws Exception {
        // 40 aspects x 40 resolutions x 40 styles x 4 lengths x (42 languages + the screenplay's own) = 11,008,000 combinations.
        Map<String, String> m = Map.of(
                "aspects", join(IntStream.rangeClosed(1, 40).mapToObj(i -> i + ":7")),
                "resolution", join(IntStream.rangeClosed(100, 139).mapToObj(String::valueOf)),
                "styles", join(IntStream.rangeClosed(1, 40).mapToObj(i -> "s" + i)),
                "max_seconds", "full;10;20;30",
                "languages", join(IntStream.rangeClosed(0, 41).mapToObj(i -> "x" + (char) ('a' + i / 26) + (char) ('a' + i % 26))));
        CatalogueEntry e = VariantPlannerTest.entry(m);
        assertEquals(11_008_000L, VariantMatrix.combinations(e));
        LimitExceeded x = exceeded(Limits.defaults(), e, "night-ferry.fountain", ferry());
        assertEquals("cat.csv:2: limit variants exceeded: 11008000 variant combinations, over the limit of 64 (conf/limits.yaml)",
                x.getMessage());
        assertEquals(VariantMatrix.of(VariantPlannerTest.entry(Map.of("aspects", "16:9;9:16", "languages", "fr"))).size(),
                VariantMatrix.combinations(VariantPlannerTest.entry(Map.of("aspects", "16:9;9:16", "languages", "fr"))));
    }

    @Test
    void screenplayBytesLinesShotsFramesAndSizeAreNamed() throws Exception {
        CatalogueEntry e = VariantPlannerTest.entry(Map.of());
        assertEquals(Limit.SCREENPLAY_BYTES,
                exceeded(Limits.defaults().with(Limit.SCREENPLAY_BYTES, 100), e, "night-ferry.fountain", ferry()).limit());
        byte[] longLine = ("INT. ROOM - DAY\n\n" + "word ".repeat(2_000) + "\n").getBytes(StandardCharsets.UTF_8);
        LimitExceeded line = exceeded(Limits.defaults(), e, "long.fountain", longLine);
        assertEquals("long.fountain:3: limit line_chars exceeded: more than 4000 characters on one line (conf/limits.yaml)",
                line.getMessage());
        assertEquals(Limit.SHOTS, exceeded(Limits.defaults().with(Limit.SHOTS, 5), e, "night-ferry.fountain", ferry()).limit());
        assertEquals(Limit.FRAMES, exceeded(Limits.defaults().with(Limit.FRAMES, 50), e, "night-ferry.fountain", ferry()).limit());
        LimitExceeded wide = exceeded(Limits.defaults(), VariantPlannerTest.entry(Map.of("aspects", "40:1", "resolution", "4000")),
                "night-ferry.fountain", ferry());
        assertEquals(Limit.FRAME_WIDTH, wide.limit());
        assertTrue(wide.getMessage().startsWith("cat.csv:2: limit frame_width exceeded: 160000 frame width"), wide.getMessage());
    }

    @Test
    void anFdxParagraphOverTheLineLimitIsNamedWithItsLine() throws Exception {
        String fdx = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FinalDraft DocumentType=\"Script\" Version=\"1\"><Content>\n"
                + "<Paragraph Type=\"Scene Heading\"><Text>INT. ROOM - DAY</Text></Paragraph>\n"
                + "<Paragraph Type=\"Action\"><Text>" + "x".repeat(5_000) + "</Text></Paragraph>\n"
                + "</Content></FinalDraft>\n";
        LimitExceeded x = exceeded(Limits.defaults(), VariantPlannerTest.entry(Map.of()), "a.fdx", fdx.getBytes(StandardCharsets.UTF_8));
        assertEquals(Limit.LINE_CHARS, x.limit());
        assertEquals(4, x.line());
    }

    private static String join(java.util.stream.Stream<String> values) {
        StringJoiner j = new StringJoiner(";");
        values.forEach(j::add);
        return j.toString();
    }
}
