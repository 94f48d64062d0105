package dev.storyreel.limits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits: conf/limits.yaml, capped reads, line checks, named errors. */
class LimitsTest {

    @Test
    void theShippedConfHoldsTheDefaults() throws IOException {
        Path conf = Path.of("..", "conf", "limits.yaml");
        Limits shipped = Limits.parseYaml(conf.toString(), Files.readAllBytes(conf));
        assertEquals(Limits.defaults(), shipped);
        assertEquals(8L << 20, shipped.max(Limit.SCREENPLAY_BYTES));
        assertEquals(SourcePolicy.CONFINED, shipped.sources());
    }

    @Test
    void yamlOverridesSomeLimitsAndAllowsSources() throws IOException {
        Limits l = Limits.parseYaml("l.yaml", "limits:\n  shots: 12\nsources:\n  roots: [/data/scripts]\n  schemes: [S3A]\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(12, l.max(Limit.SHOTS));
        assertEquals(Limit.FRAMES.byDefault(), l.max(Limit.FRAMES));
        assertEquals(List.of("/data/scripts"), l.sources().roots());
        assertEquals(List.of("s3a"), l.sources().schemes());
    }

    @Test
    void unknownKeysAndBadValuesAreNamed() {
        IOException key = assertThrows(IOException.class,
                () -> Limits.parseYaml("l.yaml", "limits:\n  shot: 3\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(key.getMessage().startsWith("l.yaml: unknown limit 'shot' (known: catalogue_rows,"), key.getMessage());
        IOException value = assertThrows(IOException.class,
                () -> Limits.parseYaml("l.yaml", "limits:\n  shots: -3\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("l.yaml: limits.shots must be a positive whole number (found -3)", value.getMessage());
        assertThrows(IOException.class, () -> Limits.parseYaml("l.yaml", "sourcez: {}\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void checkNamesTheLimitFileAndLine() {
        Limits l = Limits.defaults().with(Limit.VARIANTS, 64);
        l.check(Limit.VARIANTS, 64, "cat.csv", 3);
        LimitExceeded e = assertThrows(LimitExceeded.class, () -> l.check(Limit.VARIANTS, 267_000, "cat.csv", 3));
        assertEquals("cat.csv:3: limit variants exceeded: 267000 variant combinations, over the limit of 64 (conf/limits.yaml)",
                e.getMessage());
        assertEquals(Limit.VARIANTS, e.limit());
        assertEquals("limit variants exceeded: 267000 variant combinations, over the limit of 64 (conf/limits.yaml)", e.reason());
    }

    @Test
    void aCappedReadStopsOneByteAfterTheLimit() throws IOException {
        Limits l = Limits.defaults().with(Limit.SCREENPLAY_BYTES, 10);
        assertArrayEquals(new byte[10], l.readCapped(new ByteArrayInputStream(new byte[10]), Limit.SCREENPLAY_BYTES, "f"));
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'a';
            }
        };
        LimitExceeded e = assertThrows(LimitExceeded.class, () -> l.readCapped(endless, Limit.SCREENPLAY_BYTES, "big.fountain"));
        assertEquals("big.fountain: limit screenplay_bytes exceeded: more than 10 screenplay bytes (conf/limits.yaml)",
                e.getMessage());
        assertEquals(11, served[0], "reading stops at the limit");
    }

    @Test
    void anOverLongLineIsFoundBeforeDecodingAndCountsCharactersNotBytes() {
        Limits l = Limits.defaults().with(Limit.LINE_CHARS, 5);
        l.checkLines("ééééé\r\nabcde\rabc\n".getBytes(StandardCharsets.UTF_8), "ok.fountain");
        LimitExceeded e = assertThrows(LimitExceeded.class,
                () -> l.checkLines("ab\r\ncd\n\nabcdef\n".getBytes(StandardCharsets.UTF_8), "long.fountain"));
        assertEquals(4, e.line());
        assertEquals("long.fountain:4: limit line_chars exceeded: more than 5 characters on one line (conf/limits.yaml)",
                e.getMessage());
    }
}
