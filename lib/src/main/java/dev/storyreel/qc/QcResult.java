package dev.storyreel.qc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivery QC of one deliverable: the verdict, why it failed, and what was measured. Figures that
 * could not be measured (no audio, a silent run) are null.
 *
 * @param status                the verdict
 * @param reasons               one line per failed check (empty when it passed)
 * @param profile               the delivery profile checked against
 * @param loudness              how loudness was checked
 * @param integratedLufs        integrated loudness (LUFS)
 * @param truePeakDbtp          true peak (dBTP)
 * @param loudnessRangeLu       loudness range (LU)
 * @param avDurationDiffS       |audio end - video end| (s)
 * @param flashesMaxPerS        most general or red flashes in any one second (ITU-R BT.1702)
 * @param subtitleMaxLineChars  longest subtitle line (characters; 0 without subtitles)
 * @param subtitleMaxLines      most lines in one cue
 * @param subtitleMaxCps        fastest reading speed (characters per second)
 * @param videoFrames           frames decoded
 * @param black                 black stretches
 * @param frozen                frozen stretches
 * @param cuts                  detected cuts against planned shot boundaries
 */
public record QcResult(QcStatus status, List<String> reasons, String profile, LoudnessCheck loudness,
                       Double integratedLufs, Double truePeakDbtp, Double loudnessRangeLu, Double avDurationDiffS,
                       double flashesMaxPerS, int subtitleMaxLineChars, int subtitleMaxLines, double subtitleMaxCps,
                       int videoFrames, List<Span> black, List<Span> frozen, CutFindings cuts) implements java.io.Serializable {

    public QcResult {
        reasons = List.copyOf(reasons);
        black = List.copyOf(black);
        frozen = List.copyOf(frozen);
    }

    /** A deliverable QC could not read at all: it fails with that reason and nothing measured. */
    public static QcResult unreadable(String profile, String reason) {
        return new QcResult(QcStatus.FAIL, List.of("QC cannot read it: " + reason), profile, LoudnessCheck.NO_AUDIO, null,
                null, null, null, 0, 0, 0, 0, 0, List.of(), List.of(), new CutFindings(0, 0, 0, List.of(), List.of()));
    }

    /** Whether it passed. */
    public boolean passed() {
        return status == QcStatus.PASS;
    }

    /** The run.json {@code qc} block: snake_case keys in a fixed order, numbers rounded, non-finite as null. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.json());
        m.put("reasons", reasons);
        m.put("profile", profile);
        m.put("loudness", loudness.json());
        m.put("integrated_lufs", round(integratedLufs, 2));
        m.put("true_peak_dbtp", round(truePeakDbtp, 2));
        m.put("loudness_range_lu", round(loudnessRangeLu, 2));
        m.put("av_duration_diff_s", round(avDurationDiffS, 4));
        m.put("flashes_max_per_s", round(flashesMaxPerS, 1));
        m.put("subtitle_max_line_chars", subtitleMaxLineChars);
        m.put("subtitle_max_lines", subtitleMaxLines);
        m.put("subtitle_max_cps", round(subtitleMaxCps, 2));
        m.put("video_frames", videoFrames);
        m.put("black", spans(black));
        m.put("frozen", spans(frozen));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("planned", cuts.planned());
        c.put("detected", cuts.detected());
        c.put("matched", cuts.matched());
        c.put("unplanned_frames", cuts.unplanned());
        c.put("missed_frames", cuts.missed());
        m.put("cuts", c);
        return m;
    }

    private static List<Map<String, Object>> spans(List<Span> spans) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Span s : spans) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start_s", round(s.startS(), 3));
            m.put("end_s", round(s.endS(), 3));
            out.add(m);
        }
        return out;
    }

    private static Double round(Double v, int places) {
        if (v == null || !Double.isFinite(v)) {
            return null;
        }
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
