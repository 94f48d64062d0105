package dev.storyreel.assemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShotEncoderTest {

    private static final EncoderSettings SETTINGS = EncoderSettings.of(160, 90, 12);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 25})
    void everyFrameWrittenIsDecodedOnce(int frames) throws Exception {
        Path file = new SyntheticShot(0, 160, 90).encode(dir.resolve("shot.mp4"), SETTINGS, frames);

        DecodedVideo video = DecodedVideo.of(file);
        assertEquals("h264", video.codec());
        assertEquals("yuv420p", video.pixelFormat());
        assertEquals(160, video.width());
        assertEquals(90, video.height());
        assertEquals("12/1", video.frameRate());
        assertEquals(frames, video.packets().size());
        assertEquals(frames, video.frames().size());
        assertEquals(frames / 12.0, video.durationSeconds(), 1e-3);
        // Presentation timestamps are 0, 1, 2, ... frame durations, each once, in order.
        long tick = video.frames().size() > 1 ? video.frames().get(1).pts() - video.frames().get(0).pts() : 1;
        assertEquals(LongStream.range(0, frames).map(i -> i * tick).boxed().toList(),
                video.frames().stream().map(DecodedVideo.Frame::pts).toList());
    }

    @Test
    void segmentStartsWithKeyframeAndReordersBFrames() throws Exception {
        Path file = new SyntheticShot(1, 160, 90).encode(dir.resolve("shot.mp4"), SETTINGS, 25);

        List<DecodedVideo.Packet> packets = DecodedVideo.of(file).packets();
        assertTrue(packets.get(0).key(), "first packet is a keyframe");
        assertEquals(0, packets.get(0).pts());
        assertTrue(packets.get(0).dts() < 0, "B-frame delay makes the first dts negative: " + packets.get(0));
        boolean reordered = false;
        for (int i = 1; i < packets.size(); i++) {
            assertTrue(packets.get(i).dts() > packets.get(i - 1).dts(), "dts strictly increasing");
            reordered |= packets.get(i).pts() < packets.get(i - 1).pts();
        }
        assertTrue(reordered, "veryfast uses B-frames, so decode order differs from display order");
    }

    @Test
    void sameFramesGiveByteIdenticalSegments() throws Exception {
        // Before MB-tree was turned off, about every other repeat in one JVM differed; other
        // encodes in between leave the heap in a different state each time.
        SyntheticShot shot = new SyntheticShot(2, 160, 90);
        Path first = shot.encode(dir.resolve("first.mp4"), SETTINGS, 25);
        byte[] expected = Files.readAllBytes(first);
        List<String> expectedFrames = DecodedVideo.of(first).md5s();
        for (int run = 0; run < 4; run++) {
            new SyntheticShot(run, 160, 90).encode(dir.resolve("other.mp4"), SETTINGS, 3 + run);
            Path again = shot.encode(dir.resolve("again-" + run + ".mp4"), SETTINGS, 25);
            assertEquals(expectedFrames, DecodedVideo.of(again).md5s(), "decoded frames, run " + run);
            assertArrayEquals(expected, Files.readAllBytes(again), "file bytes, run " + run);
        }
    }

    @Test
    void threadCountDoesNotChangeSpsPps() throws Exception {
        SyntheticShot shot = new SyntheticShot(2, 160, 90);
        Path one = dir.resolve("one.mp4");
        Path four = dir.resolve("four.mp4");
        for (var run : List.of(new Object[] {one, 1}, new Object[] {four, 4})) {
            try (ShotEncoder encoder = new ShotEncoder((Path) run[0], SETTINGS, (Integer) run[1])) {
                for (int i = 0; i < 12; i++) {
                    encoder.write(shot.frame(i));
                }
            }
        }
        Path joined = dir.resolve("joined.mp4");
        new SegmentJoiner().join(List.of(one, four), joined);
        assertEquals(24, DecodedVideo.of(joined).frames().size());
    }

    @Test
    void subImageIsEncodedLikeItsCopy() throws Exception {
        SyntheticShot shot = new SyntheticShot(3, 160, 90);
        Path copied = shot.encode(dir.resolve("copied.mp4"), SETTINGS, 5);
        Path viewed = dir.resolve("viewed.mp4");
        try (ShotEncoder encoder = new ShotEncoder(viewed, SETTINGS)) {
            for (int i = 0; i < 5; i++) {
                BufferedImage big = new BufferedImage(200, 120, BufferedImage.TYPE_3BYTE_BGR);
                big.getGraphics().drawImage(shot.frame(i), 17, 11, null);
                encoder.write(big.getSubimage(17, 11, 160, 90));
            }
        }
        assertEquals(DecodedVideo.of(copied).md5s(), DecodedVideo.of(viewed).md5s());
    }

    @Test
    void rejectsImagesOfWrongTypeOrSizeAndKeepsGoing() throws Exception {
        Path file = dir.resolve("shot.mp4");
        try (ShotEncoder encoder = new ShotEncoder(file, SETTINGS)) {
            IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                    () -> encoder.write(new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB)));
            assertTrue(type.getMessage().contains("TYPE_3BYTE_BGR"), type.getMessage());
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                    () -> encoder.write(new BufferedImage(320, 180, BufferedImage.TYPE_3BYTE_BGR)));
            assertTrue(size.getMessage().contains("160x90"), size.getMessage());
            encoder.write(new SyntheticShot(0, 160, 90).frame(0));
            assertEquals(1, encoder.framesWritten());
        }
        assertEquals(1, DecodedVideo.of(file).frames().size());
    }

    @Test
    void unwritableOutputNamesTheFile() {
        Path missingDir = dir.resolve("no-such-dir").resolve("shot.mp4");
        FfmpegException e = assertThrows(FfmpegException.class, () -> new ShotEncoder(missingDir, SETTINGS).close());
        assertTrue(e.getMessage().contains(missingDir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("No such file or directory"), e.getMessage());
    }

    @Test
    void closeIsIdempotentAndWriteAfterCloseFails() throws Exception {
        ShotEncoder encoder = new ShotEncoder(dir.resolve("shot.mp4"), SETTINGS);
        encoder.write(new SyntheticShot(0, 160, 90).frame(0));
        encoder.close();
        encoder.close();
        assertThrows(IllegalStateException.class, () -> encoder.write(new SyntheticShot(0, 160, 90).frame(1)));
    }
}
