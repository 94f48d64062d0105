package dev.storyreel.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Subtitle read-back: SubRip and WebVTT figures, and the reasons QC gives. */
class SubtitleCheckTest {
    static final String SRT = """
            1
            00:00:01,000 --> 00:00:03,000
            Hold the gate!

            2
            00:00:03,000 --> 00:00:05,000
            The ferry leaves at midnight whether or not the harbour master signs.
            <i>Go.</i>

            """;

    @Test
    void subripFiguresAreTheLongestLineMostLinesAndFastestCue() {
        SubtitleCheck.Layout l = SubtitleCheck.measure(SubtitleCheck.read("a.srt", SRT));
        assertEquals(2, l.cues());
        assertEquals(69, l.maxLineChars());
        assertEquals(2, l.maxLines());
        assertEquals((69 + 3) / 2.0, l.maxCps(), 1e-9);
        assertEquals(2, l.fastestCue().number());
    }

    @Test
    void webVttReadsTheSame() {
        String vtt = "WEBVTT\n\nNOTE made by hand\n\n1\n00:01.000 --> 00:03.000\nHold the gate!\n\n";
        SubtitleCheck.Layout l = SubtitleCheck.measure(SubtitleCheck.read("a.vtt", vtt));
        assertEquals(1, l.cues());
        assertEquals(14, l.maxLineChars());
        assertEquals(7.0, l.maxCps(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> SubtitleCheck.read("b.srt", "1\n00:00:01,000 --> 00:00:0x,000\nx\n"));
    }

    @Test
    void deliveryQcNamesTheFileAndCueOfEachSubtitleFailure() throws Exception {
        DeliveryProfile ebu = DeliveryProfile.select(DeliveryProfile.parseYaml("conf/delivery.yaml",
                Files.readAllBytes(Path.of("..", "conf", "delivery.yaml"))), "ebu");
        Path mp4 = TestFilm.write(Files.createTempDirectory("subs").resolve("s.mp4"), 24 * 6, TestFilm.movingBox(90), null);
        QcResult r = new DeliveryQc(ebu, false).check(new Deliverable("s", mp4, 24, 24 * 6, List.of(0), Map.of("s.srt", SRT)));
        assertEquals(QcStatus.FAIL, r.status());
        assertEquals(List.of("s.srt: a line of 69 characters in cue 2 at 00:00:03.000 (limit 42)",
                "s.srt: reading speed 36.0 characters/s in cue 2 at 00:00:03.000 (limit 20)"), r.reasons());
        assertEquals(69, r.subtitleMaxLineChars());
        assertEquals(36.0, r.subtitleMaxCps(), 1e-9);
        assertTrue(r.asMap().containsKey("subtitle_max_cps"));
    }

    @Test
    void aProfileWithAMissingOrUnknownKeyIsAnErrorNamingIt() {
        String yaml = "x:\n  loudness: {integrated_lufs: -23, tolerance_lu: 0.5, max_true_peak_dbtp: -1, max_loudness_range_lu: 20, lufs: 1}\n  qc: {}\n";
        Exception e = assertThrows(java.io.IOException.class, () -> DeliveryProfile.parseYaml("d.yaml", yaml.getBytes()));
        assertTrue(e.getMessage().startsWith("d.yaml: profile 'x': ") && e.getMessage().contains("lufs"), e.getMessage());
        Exception missing = assertThrows(java.io.IOException.class, () -> DeliveryProfile.parseYaml("d.yaml",
                "x:\n  loudness: {integrated_lufs: -23}\n  qc: {}\n".getBytes()));
        assertTrue(missing.getMessage().contains("tolerance_lu") || missing.getMessage().contains("toleranceLu"), missing.getMessage());
    }
}
