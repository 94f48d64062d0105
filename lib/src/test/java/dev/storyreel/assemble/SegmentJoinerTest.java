package dev.storyreel.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentJoinerTest {

    private static final int W = 160;
    private static final int H = 90;
    private static final EncoderSettings SETTINGS = EncoderSettings.of(W, H, 12);
    private static final int[] SHOT_FRAMES = {7, 12, 25};
    private static final int TOTAL = 44;

    @TempDir
    static Path dir;

    private List<Path> segments;
    private Path film;
    private SegmentJoiner.Result result;
    private DecodedVideo decoded;

    @BeforeAll
    void encodeAndJoin() throws IOException {
        segments = new ArrayList<>();
        for (int s = 0; s < SHOT_FRAMES.length; s++) {
            segments.add(new SyntheticShot(s, W, H).encode(dir.resolve("shot-" + s + ".mp4"), SETTINGS, SHOT_FRAMES[s]));
        }
        film = dir.resolve("film.mp4");
        result = new SegmentJoiner().join(segments, film);
        decoded = DecodedVideo.of(film);
    }

    @Test
    void filmHasEveryFrameAtTheSegmentsFormat() {
        assertEquals(new SegmentJoiner.Result(3, TOTAL, result.duration()), result);
        assertEquals(TOTAL / 12.0, result.duration().toNanos() / 1e9, 1e-6);
        assertEquals("h264", decoded.codec());
        assertEquals("yuv420p", decoded.pixelFormat());
        assertEquals(W, decoded.width());
        assertEquals(H, decoded.height());
        assertEquals("12/1", decoded.frameRate());
        assertEquals(TOTAL, decoded.packets().size());
        assertEquals(TOTAL, decoded.frames().size());
        assertEquals(TOTAL / 12.0, decoded.durationSeconds(), 1e-3);
    }

    @Test
    void timestampsRunOnAcrossSegments() {
        List<DecodedVideo.Packet> packets = decoded.packets();
        for (int i = 1; i < packets.size(); i++) {
            assertTrue(packets.get(i).dts() > packets.get(i - 1).dts(), "dts strictly increasing at packet " + i);
            assertTrue(packets.get(i).pts() >= packets.get(i).dts(), "pts >= dts at packet " + i);
        }
        long tick = decoded.frames().get(1).pts() - decoded.frames().get(0).pts();
        assertEquals(LongStream.range(0, TOTAL).map(i -> i * tick).boxed().toList(),
                decoded.frames().stream().map(DecodedVideo.Frame::pts).toList());
        // Each segment starts with a keyframe at its place in the film.
        int first = 0;
        for (int frames : SHOT_FRAMES) {
            long start = first * tick;
            assertTrue(packets.stream().anyMatch(p -> p.key() && p.pts() == start), "keyframe at frame " + first);
            first += frames;
        }
    }

    @Test
    void decodedFramesAreTheSegmentsFramesInOrder() throws IOException {
        List<String> expected = new ArrayList<>();
        for (Path segment : segments) {
            expected.addAll(DecodedVideo.of(segment).md5s());
        }
        assertEquals(expected, decoded.md5s());
    }

    @Test
    void pixelsMatchWhatWasDrawn() {
        int k = 0;
        for (int s = 0; s < SHOT_FRAMES.length; s++) {
            SyntheticShot shot = new SyntheticShot(s, W, H);
            Color bg = shot.background();
            for (int i = 0; i < SHOT_FRAMES[s]; i++, k++) {
                DecodedVideo.Frame frame = decoded.frames().get(k);
                String where = "film frame " + k + " (shot " + s + ", frame " + i + ")";
                assertClose(bg.getBlue(), frame.mean(W, 0, 0, 2, W, 20), 10, where + " background blue");
                assertClose(bg.getGreen(), frame.mean(W, 1, 0, 2, W, 20), 10, where + " background green");
                assertClose(bg.getRed(), frame.mean(W, 2, 0, 2, W, 20), 10, where + " background red");
                int x = shot.boxX(i);
                assertClose(255, frame.mean(W, 1, x + 4, shot.boxY() + 4, SyntheticShot.BOX_W - 8, SyntheticShot.BOX_H - 8),
                        12, where + " box");
                // The box is STEP pixels further right than in the frame before: its left edge is at x.
                assertClose(bg.getGreen(), frame.mean(W, 1, x - 3, shot.boxY() + 4, 2, SyntheticShot.BOX_H - 8),
                        25, where + " left of box");
                assertClose(SyntheticShot.band(i), frame.mean(W, 1, 4, shot.bandY() + 3, W - 8, H - shot.bandY() - 6),
                        4, where + " grey band");
            }
        }
    }

    @Test
    void filmIsFaststart() throws IOException {
        List<String> boxes = topLevelBoxes(film);
        assertTrue(boxes.contains("moov") && boxes.contains("mdat"), boxes.toString());
        assertTrue(boxes.indexOf("moov") < boxes.indexOf("mdat"), "moov before mdat: " + boxes);
        assertTrue(topLevelBoxes(segments.get(0)).indexOf("moov") > topLevelBoxes(segments.get(0)).indexOf("mdat"),
                "segments themselves are not faststart, so the join did the move");
    }

    @Test
    void ffprobeSeesTheWholeFilm() throws Exception {
        FfmpegCli.requireRunnable();
        Map<String, String> probe = FfmpegCli.probe(film);
        assertEquals("h264", probe.get("codec_name"));
        assertEquals("yuv420p", probe.get("pix_fmt"));
        assertEquals("12/1", probe.get("r_frame_rate"));
        assertEquals(String.valueOf(TOTAL), probe.get("nb_read_frames"));
        assertEquals(TOTAL / 12.0, Double.parseDouble(probe.get("duration")), 0.01);
    }

    @Test
    void ffmpegFrameMd5OfFilmIsTheSegmentsConcatenated() throws Exception {
        FfmpegCli.requireRunnable();
        List<String> expected = new ArrayList<>();
        for (Path segment : segments) {
            expected.addAll(FfmpegCli.frameMd5(segment));
        }
        List<String> actual = FfmpegCli.frameMd5(film);
        assertEquals(TOTAL, actual.size());
        assertEquals(expected, actual);
        assertEquals(decoded.md5s(), actual, "the CLI and the in-process decoder agree");
    }

    @Test
    void segmentsOfDifferentSizeAreRejected() throws IOException {
        Path other = new SyntheticShot(0, 176, 96).encode(dir.resolve("other-size.mp4"), EncoderSettings.of(176, 96, 12), 3);
        Path out = dir.resolve("mismatch.mp4");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SegmentJoiner().join(List.of(segments.get(0), other), out));
        assertTrue(e.getMessage().contains("size 160x90 vs 176x96"), e.getMessage());
        assertTrue(e.getMessage().contains(other.toString()), e.getMessage());
        assertFalse(Files.exists(out), "a failed join leaves no output behind");
    }

    @Test
    void segmentsOfDifferentQualityAreRejected() throws IOException {
        EncoderSettings crf30 = new EncoderSettings(W, H, 12, "veryfast", 30);
        Path other = new SyntheticShot(0, W, H).encode(dir.resolve("crf30.mp4"), crf30, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SegmentJoiner().join(List.of(segments.get(0), other), dir.resolve("mismatch.mp4")));
        assertTrue(e.getMessage().contains("extradata (SPS/PPS) differs"), e.getMessage());
    }

    @Test
    void missingSegmentIsNamed() {
        Path missing = dir.resolve("missing.mp4");
        Path out = dir.resolve("never.mp4");
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> new SegmentJoiner().join(List.of(segments.get(0), missing), out));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void unreadableSegmentNamesFileAndFfmpegError() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.mp4"), "not a video");
        FfmpegException e = assertThrows(FfmpegException.class,
                () -> new SegmentJoiner().join(List.of(segments.get(0), junk), dir.resolve("junk-film.mp4")));
        assertTrue(e.getMessage().contains(junk.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("Invalid data found when processing input"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("junk-film.mp4")));
    }

    @Test
    void oneSegmentJoinsToTheSameFrames() throws IOException {
        Path out = dir.resolve("single.mp4");
        assertEquals(25, new SegmentJoiner().join(List.of(segments.get(2)), out).frames());
        assertEquals(DecodedVideo.of(segments.get(2)).md5s(), DecodedVideo.of(out).md5s());
    }

    @Test
    void oneAndTwoFrameSegmentsJoinWithMonotonicTimestamps() throws IOException {
        List<Path> tiny = new ArrayList<>();
        int[] counts = {1, 2, 1, 25, 1};
        List<String> expected = new ArrayList<>();
        for (int s = 0; s < counts.length; s++) {
            Path segment = new SyntheticShot(s, W, H).encode(dir.resolve("tiny-" + s + ".mp4"), SETTINGS, counts[s]);
            tiny.add(segment);
            expected.addAll(DecodedVideo.of(segment).md5s());
        }
        Path out = dir.resolve("tiny-film.mp4");
        assertEquals(30, new SegmentJoiner().join(tiny, out).frames());
        DecodedVideo video = DecodedVideo.of(out);
        assertEquals(expected, video.md5s());
        for (int i = 1; i < video.packets().size(); i++) {
            assertTrue(video.packets().get(i).dts() > video.packets().get(i - 1).dts(), "dts strictly increasing at " + i);
        }
        assertEquals(30 / 12.0, video.durationSeconds(), 1e-3);
    }

    private static void assertClose(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(expected - actual) <= tolerance, what + ": expected " + expected + " ± " + tolerance + ", got " + actual);
    }

    /** The types of the file's top-level ISO BMFF boxes, in file order. */
    private static List<String> topLevelBoxes(Path file) throws IOException {
        List<String> types = new ArrayList<>();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long pos = 0;
            long length = in.length();
            while (pos + 8 <= length) {
                in.seek(pos);
                long size = in.readInt() & 0xffffffffL;
                byte[] type = new byte[4];
                in.readFully(type);
                if (size == 1) {
                    size = in.readLong();
                } else if (size == 0) {
                    size = length - pos;
                }
                types.add(new String(type, java.nio.charset.StandardCharsets.US_ASCII));
                if (size < 8) {
                    throw new IOException("bad box size " + size + " at " + pos + " in " + file);
                }
                pos += size;
            }
        }
        return types;
    }
}
