package dev.storyreel.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.assemble.FfmpegCli;
import dev.storyreel.assemble.FfmpegTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryQcTest {
    @TempDir
    static Path dir;
    static DeliveryProfile ebu;

    @BeforeAll
    static void profiles() throws Exception {
        Map<String, DeliveryProfile> all = DeliveryProfile.parseYaml("conf/delivery.yaml",
                Files.readAllBytes(Path.of("..", "conf", "delivery.yaml")));
        ebu = DeliveryProfile.select(all, "ebu");
        assertEquals(-14.0, all.get("web").loudness().integratedLufs());
        assertEquals(all, DeliveryProfile.bundled(), "the jar carries conf/delivery.yaml");
    }

    private static Deliverable film(Path mp4, int frames) {
        return new Deliverable(mp4.getFileName().toString(), mp4, TestFilm.FPS, frames, List.of(0), Map.of());
    }

    @Test
    void toneAtAKnownLevelMeasuresRightAndAgreesWithTheFfmpegProgram() throws Exception {
        Path mp4 = TestFilm.write(dir.resolve("tone.mp4"), 96, TestFilm.movingBox(90), TestFilm.tone(-23.0));
        QcResult r = new DeliveryQc(ebu, true).check(film(mp4, 96));
        // Stereo 997 Hz sine of peak A: BS.1770 gives 20 log10(A) LUFS (the K-filter's +0.69 dB at 1 kHz
        // cancels the -0.691 constant), and its true peak is A.
        assertEquals(-23.0, r.integratedLufs(), 0.3, r.toString());
        assertEquals(-23.0, r.truePeakDbtp(), 0.5, r.toString());
        assertEquals(LoudnessCheck.MEASURED, r.loudness());
        assertTrue(r.avDurationDiffS() < 1.0 / TestFilm.FPS, r.toString());
        assertEquals(QcStatus.PASS, r.status(), r.reasons().toString());
        assertEquals(96, r.videoFrames());

        FfmpegCli.requireRunnable();
        Path err = dir.resolve("ebur128.txt");
        Process p = FfmpegTools.process(List.of(FfmpegTools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-nostats",
                "-i", mp4.toString(), "-map", "0:a:0", "-af", "ebur128=peak=true", "-f", "null", "-"))
                .redirectErrorStream(true).redirectOutput(err.toFile()).start();
        assertEquals(0, p.waitFor());
        String log = Files.readString(err);
        String summary = log.substring(log.lastIndexOf("Summary:"));
        assertEquals(number(summary, "I:\\s*(-?[0-9.]+) LUFS"), r.integratedLufs(), 0.051);
        assertEquals(number(summary, "LRA:\\s*(-?[0-9.]+) LU"), r.loudnessRangeLu(), 0.051);
        assertEquals(number(summary, "True peak:\\s*Peak:\\s*(-?[0-9.]+) dBFS"), r.truePeakDbtp(), 0.051);
    }

    @Test
    void aLouderToneFailsTheEbuProfileAndPassesWeb() throws Exception {
        Path mp4 = TestFilm.write(dir.resolve("loud.mp4"), 72, TestFilm.movingBox(90), TestFilm.tone(-14.0));
        QcResult r = new DeliveryQc(ebu, true).check(film(mp4, 72));
        assertEquals(QcStatus.FAIL, r.status());
        assertTrue(r.reasons().stream().anyMatch(s -> s.startsWith("integrated loudness -14.")), r.reasons().toString());
    }

    @Test
    void aFilmWithoutAudioFailsLoudnessUnlessTheRunIsSilentByRequest() throws Exception {
        Path mp4 = TestFilm.write(dir.resolve("silent.mp4"), 48, TestFilm.movingBox(90), null);
        QcResult r = new DeliveryQc(ebu, true).check(film(mp4, 48));
        assertEquals(QcStatus.FAIL, r.status());
        assertEquals(LoudnessCheck.NO_AUDIO, r.loudness());
        assertNull(r.integratedLufs());
        assertTrue(r.reasons().get(0).startsWith("no audio stream"), r.reasons().toString());

        QcResult skipped = new DeliveryQc(ebu, false).check(film(mp4, 48));
        assertEquals(QcStatus.PASS, skipped.status(), skipped.reasons().toString());
        assertEquals(LoudnessCheck.SKIPPED, skipped.loudness());
        assertEquals("skipped", skipped.asMap().get("loudness"));
    }

    @Test
    void aSilentAudioTrackFailsLoudness() throws Exception {
        Path mp4 = TestFilm.write(dir.resolve("zeros.mp4"), 48, TestFilm.movingBox(90), (n, ch) -> 0.0);
        QcResult r = new DeliveryQc(ebu, true).check(film(mp4, 48));
        assertEquals(QcStatus.FAIL, r.status());
        assertEquals(LoudnessCheck.MEASURED, r.loudness());
        assertTrue(r.reasons().stream().anyMatch(s -> s.startsWith("the audio is silent")), r.reasons().toString());
    }

    @Test
    void aPlantedFlashingClipFailsPseAndASlowBlinkDoesNot() throws Exception {
        // Black and white swapping every 3 frames at 24 fps: 8 transitions, 4 flashes a second.
        TestFilm.Painter fast = (i, bgr) -> java.util.Arrays.fill(bgr, (byte) ((i / 3) % 2 == 0 ? 20 : 235));
        Path mp4 = TestFilm.write(dir.resolve("flash.mp4"), 48, fast, TestFilm.tone(-23.0));
        QcResult r = new DeliveryQc(ebu, true).check(film(mp4, 48));
        assertEquals(QcStatus.FAIL, r.status());
        assertTrue(r.flashesMaxPerS() >= 3.5, r.toString());
        assertTrue(r.reasons().stream().anyMatch(s -> s.startsWith("photosensitive flash risk")), r.reasons().toString());

        // Every 6 frames: 2 flashes a second, within BT.1702's three.
        TestFilm.Painter slow = (i, bgr) -> java.util.Arrays.fill(bgr, (byte) ((i / 6) % 2 == 0 ? 20 : 235));
        Path ok = TestFilm.write(dir.resolve("blink.mp4"), 48, slow, TestFilm.tone(-23.0));
        QcResult s = new DeliveryQc(ebu, true).check(film(ok, 48));
        assertEquals(2.0, s.flashesMaxPerS(), 0.51, s.toString());
        assertFalse(s.reasons().stream().anyMatch(x -> x.startsWith("photosensitive")), s.reasons().toString());
    }

    @Test
    void blackAtTheHeadIsDetectedAndTimed() throws Exception {
        TestFilm.Painter box = TestFilm.movingBox(90);
        TestFilm.Painter blackHead = (i, bgr) -> {
            if (i < 24) {
                java.util.Arrays.fill(bgr, (byte) 0);
            } else {
                box.paint(i, bgr);
            }
        };
        Path mp4 = TestFilm.write(dir.resolve("blackhead.mp4"), 72, blackHead, TestFilm.tone(-23.0));
        Deliverable d = new Deliverable("blackhead", mp4, TestFilm.FPS, 72, List.of(0, 24), Map.of());
        QcResult r = new DeliveryQc(ebu, true).check(d);
        assertEquals(1, r.black().size(), r.toString());
        assertEquals(0, r.black().get(0).startFrame());
        assertEquals(24, r.black().get(0).endFrame());
        assertEquals(List.of("black at the head for 1.00 s (limit 0.50 s)"), r.reasons());
        // The cut from black to picture is where the plan has its boundary.
        assertEquals(1, r.cuts().matched(), r.cuts().toString());
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return Double.parseDouble(m.group(1));
    }
}
