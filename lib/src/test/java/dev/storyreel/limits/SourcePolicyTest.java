package dev.storyreel.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SourcePolicy: sources stay inside the catalogue's folder tree unless conf/limits.yaml allows more. */
class SourcePolicyTest {
    @TempDir
    Path tmp;

    @Test
    void relativeSourcesInsideTheFolderAreAllowed() {
        SourcePolicy p = SourcePolicy.CONFINED;
        assertEquals(Optional.empty(), p.refusal("a.fountain"));
        assertEquals(Optional.empty(), p.refusal("scripts/../b.fdx"));
        assertEquals(Optional.empty(), p.refusal("./x/y/z.fountain"));
    }

    @Test
    void absolutePathsParentsAndAddressesAreRefused() {
        SourcePolicy p = SourcePolicy.CONFINED;
        assertTrue(p.refusal("/etc/passwd").orElseThrow().startsWith("the source is an absolute path"));
        assertTrue(p.refusal("~/x.fountain").orElseThrow().startsWith("the source is an absolute path"));
        assertTrue(p.refusal("../secret.fountain").orElseThrow().contains("leaves the catalogue's folder"));
        assertTrue(p.refusal("a/../../secret.fountain").orElseThrow().contains("leaves the catalogue's folder"));
        assertTrue(p.refusal("http://127.0.0.1:8080/x.fountain").orElseThrow().startsWith("the source is a web address (http://)"));
        assertTrue(p.refusal("HTTPS://example.org/x.fdx").orElseThrow().startsWith("the source is a web address (https://)"));
        assertTrue(p.refusal("file:///etc/passwd").orElseThrow().contains("'file:'"));
        assertTrue(p.refusal("s3a://bucket/x.fountain").orElseThrow().contains("'s3a:'"));
        assertTrue(p.refusal("a\u0000.fountain").orElseThrow().contains("control characters"));
    }

    @Test
    void confAllowsRootsAndSchemes() {
        SourcePolicy p = new SourcePolicy(List.of("/data/scripts", "s3a://bucket/shared/"), List.of("HTTPS"));
        assertEquals(Optional.empty(), p.refusal("/data/scripts/a.fountain"));
        assertTrue(p.refusal("/data/scripts/../../etc/passwd").isPresent());
        assertTrue(p.refusal("/data/scriptsx/a.fountain").isPresent());
        assertEquals(Optional.empty(), p.refusal("s3a://bucket/shared/a.fountain"));
        assertTrue(p.refusal("s3a://bucket/other/a.fountain").isPresent());
        assertEquals(Optional.empty(), p.refusal("https://example.org/x.fountain"));
        assertTrue(p.refusal("http://example.org/x.fountain").isPresent());
    }

    @Test
    void linksLeavingTheFolderAndFoldersAreRefusedOnDisk() throws Exception {
        Path cat = Files.createDirectories(tmp.resolve("cat"));
        Path outside = Files.writeString(tmp.resolve("secret.fountain"), "INT. VAULT - NIGHT\n");
        Path inside = Files.writeString(cat.resolve("a.fountain"), "INT. ROOM - DAY\n");
        Files.createSymbolicLink(cat.resolve("link.fountain"), outside);
        Files.createSymbolicLink(cat.resolve("alias.fountain"), inside);
        Files.createDirectories(cat.resolve("dir.fountain"));
        SourcePolicy p = SourcePolicy.CONFINED;
        assertEquals(Optional.empty(), p.refusalOnDisk(cat, inside));
        assertEquals(Optional.empty(), p.refusalOnDisk(cat, cat.resolve("alias.fountain")));
        assertEquals(Optional.of("the source is a link leading outside the catalogue's folder"),
                p.refusalOnDisk(cat, cat.resolve("link.fountain")));
        assertEquals(Optional.of("the source is a folder, not a screenplay file"), p.refusalOnDisk(cat, cat.resolve("dir.fountain")));
        assertEquals(Optional.of("screenplay not found"), p.refusalOnDisk(cat, cat.resolve("none.fountain")));
        assertEquals(Optional.empty(), new SourcePolicy(List.of(tmp.toString()), List.of())
                .refusalOnDisk(cat, cat.resolve("link.fountain")));
    }
}
