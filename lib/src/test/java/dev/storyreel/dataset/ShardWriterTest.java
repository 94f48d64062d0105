package dev.storyreel.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tar shards of (mp4, json) pairs read back by the system's tar; splits by film. */
class ShardWriterTest {
    @TempDir
    Path tmp;

    @Test
    void shardsHoldPairsAndRollOverAtTheLimit() throws Exception {
        Path clip = Files.write(tmp.resolve("clip.mp4"), new byte[3000]);
        List<Path> shards;
        try (ShardWriter w = new ShardWriter(tmp.resolve("out"), "train", 8000)) {
            for (int i = 0; i < 5; i++) {
                w.add("k" + i, clip, "{\"i\":" + i + "}");
            }
            shards = w.shards();
        }
        assertTrue(shards.size() >= 2, "rolled over: " + shards);
        assertEquals("train-000000.tar", shards.get(0).getFileName().toString());
        int pairs = 0;
        for (Path shard : shards) {
            Process p = new ProcessBuilder("tar", "-tf", shard.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, out);
            List<String> names = out.lines().toList();
            assertEquals(0, names.size() % 2, out);
            for (int i = 0; i < names.size(); i += 2) {
                String key = names.get(i).replace(".mp4", "");
                assertEquals(List.of(key + ".mp4", key + ".json"), names.subList(i, i + 2));
                pairs++;
            }
        }
        assertEquals(5, pairs);
        byte[] first = Files.readAllBytes(shards.get(0));
        try (ShardWriter w = new ShardWriter(tmp.resolve("again"), "train", 8000)) {
            for (int i = 0; i < 5; i++) {
                w.add("k" + i, clip, "{\"i\":" + i + "}");
            }
        }
        assertArrayEquals(first, Files.readAllBytes(tmp.resolve("again/train-000000.tar")), "byte-identical shards");
    }

    @Test
    void splitsAreDeterministicByFilmAndUseAllThree() {
        List<String> films = IntStream.range(0, 200).mapToObj(i -> "film-" + i).toList();
        List<String> a = films.stream().map(Splits::of).toList();
        assertEquals(a, films.stream().map(Splits::of).toList());
        Set<String> used = a.stream().collect(Collectors.toSet());
        assertEquals(Set.of("train", "val", "test"), used);
        long train = a.stream().filter("train"::equals).count();
        assertTrue(train > 130 && train < 190, "about 80% train: " + train);
        assertTrue(Arrays.asList("train", "val", "test").contains(Splits.of("night-ferry")));
    }
}
