package dev.storyreel.screenplay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One line per optional suite under {@code target/test-suites/NAME.txt}, written when the suite
 * passed; {@code submit-scripts/test.sh} prints them after the build.
 */
final class SuiteSummary {

    private SuiteSummary() {
    }

    static void write(String name, String line) {
        Path dir = Path.of("target", "test-suites");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".txt"), line + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
