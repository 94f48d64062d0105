package dev.storyreel.screenplay;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Finds the peer fixtures in {@code ../shared/peer-fixtures}: other projects' files, never in this
 * repository. CI has them beside the checkout; a public clone does not, and then every peer suite
 * ({@code *FixturesTest}) is skipped (a JUnit assumption) while our own cases and the differential
 * test still run. Present but incomplete fixtures fail.
 */
final class PeerFixtures {

    private static final String ABSENT = "peer fixtures not present: no ../shared/peer-fixtures (storyreel.shared="
            + System.getProperty("storyreel.shared") + "), nor a shared/peer-fixtures beside "
            + Path.of("").toAbsolutePath() + " or its parents";

    private PeerFixtures() {
    }

    /**
     * The peer-fixtures folder: {@code <storyreel.shared>/peer-fixtures} when surefire's property
     * names an existing folder, else the first {@code shared/peer-fixtures} found beside the
     * working directory or one of its ancestors (a worktree's {@code ../shared} may not exist).
     */
    static Path root() {
        Path root = find();
        return root != null ? root : Assumptions.abort(ABSENT);
    }

    /** Whether the peer fixtures are beside the checkout. */
    static boolean present() {
        return find() != null;
    }

    /**
     * What a peer suite's test factory returns when the fixtures are absent: one test, skipped by
     * the assumption, so the report counts the suite as skipped (an assumption thrown by the factory
     * itself, or in {@code @BeforeAll}, is reported by surefire as zero tests, SUREFIRE-2300).
     */
    static Stream<DynamicTest> absent() {
        return Stream.of(DynamicTest.dynamicTest("peer fixtures", () -> Assumptions.abort(ABSENT)));
    }

    private static Path find() {
        String property = System.getProperty("storyreel.shared");
        if (property != null && Files.isDirectory(Path.of(property, "peer-fixtures"))) {
            return Path.of(property, "peer-fixtures");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("peer-fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** A folder under the peer fixtures, which must exist. */
    static Path dir(String relative) {
        Path dir = root().resolve(relative);
        if (!Files.isDirectory(dir)) {
            fail("peer fixture folder missing: " + dir);
        }
        return dir;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files in a folder whose names end with the suffix, sorted; fails when there are none. */
    static List<Path> files(Path dir, String suffix) {
        try (var stream = Files.list(dir)) {
            List<Path> found = stream.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
            if (found.isEmpty()) {
                fail("no *" + suffix + " fixtures in " + dir);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text's lines as a line-by-line reader sees them (a final newline adds no empty line). */
    static List<String> sourceLines(String text) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = Arrays.asList(s.split("\n", -1));
        return s.endsWith("\n") ? lines.subList(0, lines.size() - 1) : lines;
    }
}
