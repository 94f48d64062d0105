package dev.storyreel.qc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Delivery QC: checks one written deliverable (an MP4, its subtitle files, its plan's shot boundaries)
 * against a {@link DeliveryProfile}, the way a broadcaster's QC would before calling it done:
 * loudness (integrated, true peak, range) and audio/video duration, black at head, tail and inside,
 * frozen stretches, photosensitive flashes (ITU-R BT.1702), detected cuts against planned shot
 * boundaries, subtitle line length, line count and reading speed.
 *
 * <p>A deliverable without an audio stream fails loudness QC, unless the run is silent by request
 * ({@code sound == false}), where loudness is not checked and the result says so. Thread-safe: it
 * holds only the profile.
 */
public final class DeliveryQc {
    /** Detections at most this many frames apart are one transient (a flash that returns), not two cuts. */
    private static final int TRANSIENT_FRAMES = 3;

    private final DeliveryProfile profile;
    private final boolean sound;

    /** QC against {@code profile}; {@code sound} false for a run that is silent by request. */
    public DeliveryQc(DeliveryProfile profile, boolean sound) {
        this.profile = profile;
        this.sound = sound;
    }

    /** Checks one deliverable. Throws only when the MP4 cannot be read at all. */
    public QcResult check(Deliverable d) throws IOException {
        DeliveryProfile.Checks c = profile.checks();
        List<String> reasons = new ArrayList<>();
        VideoScan.Findings v = VideoScan.scan(d.video(), d.fps(), c, c.maxFrozenS() / 2);
        if (v.frames() != d.frames()) {
            reasons.add(v.frames() + " frames decoded, the plan has " + d.frames());
        }

        LoudnessCheck how = LoudnessCheck.SKIPPED;
        Double lufs = null;
        Double peak = null;
        Double range = null;
        Double avDiff = null;
        if (sound) {
            LoudnessScan.Loudness a = LoudnessScan.measure(d.video());
            if (a == null) {
                how = LoudnessCheck.NO_AUDIO;
                reasons.add("no audio stream: a silent deliverable fails loudness QC (run with --no-sound for a silent run)");
            } else {
                how = LoudnessCheck.MEASURED;
                lufs = a.integratedLufs();
                peak = a.truePeakDbtp();
                range = a.loudnessRangeLu();
                avDiff = Math.abs(a.endS() - (v.startS() + v.frames() / (double) d.fps()));
                loudness(a, reasons);
                if (avDiff >= c.maxAvDiffFrames() / d.fps()) {
                    reasons.add(fmt("audio and video durations differ by %.3f s (limit %.3f s, %s frame(s))", avDiff,
                            c.maxAvDiffFrames() / d.fps(), trim(c.maxAvDiffFrames())));
                }
            }
        }

        for (Span s : v.black()) {
            if (s.startFrame() == 0 && s.endFrame() >= v.frames()) {
                reasons.add(fmt("the whole picture is black (%.2f s)", s.seconds()));
            } else if (s.startFrame() == 0) {
                limit(reasons, s.seconds() > c.maxBlackHeadS(), "black at the head for %.2f s (limit %.2f s)", s.seconds(), c.maxBlackHeadS());
            } else if (s.endFrame() >= v.frames()) {
                limit(reasons, s.seconds() > c.maxBlackTailS(), "black at the tail for %.2f s from %.2f s (limit %.2f s)", s.seconds(), s.startS(), c.maxBlackTailS());
            } else {
                limit(reasons, s.seconds() > c.maxBlackInsideS(), "black for %.2f s at %.2f s (limit %.2f s inside)", s.seconds(), s.startS(), c.maxBlackInsideS());
            }
        }
        for (Span s : v.frozen()) {
            limit(reasons, s.seconds() > c.maxFrozenS(), "picture frozen for %.2f s from %.2f s (limit %.2f s)", s.seconds(), s.startS(), c.maxFrozenS());
        }
        if (v.maxFlashesPerS() > c.maxFlashesPerS()) {
            String kind = v.maxRedFlashesPerS() > v.maxGeneralFlashesPerS() ? "red" : "general";
            reasons.add(fmt("photosensitive flash risk: %.1f %s flashes in one second from %.2f s (ITU-R BT.1702 allows %s)",
                    v.maxFlashesPerS(), kind, v.worstFlashFrame() / (double) d.fps(), trim(c.maxFlashesPerS())));
        }

        List<Integer> boundaries = d.shotStarts().stream().filter(f -> f > 0 && f < d.frames()).distinct().sorted().toList();
        int fade = (int) Math.round(c.fadeWindowS() * d.fps());
        List<Integer> detected = v.cutFrames();
        int half = d.fps() / 2;
        CutFindings cuts = CutFindings.match(boundaries, detected, c.cutToleranceFrames(), f -> v.black().stream()
                .anyMatch(b -> f >= b.endFrame() && f <= b.endFrame() + fade || f >= b.startFrame() - fade && f <= b.startFrame())
                // A burst of detections within a second is motion inside a shot (rain, a whip pan), not a cut.
                || detected.stream().filter(x -> Math.abs(x - f) <= half).count() >= c.motionBurstCuts()
                // Two detections a few frames apart are a transient (lightning, a lamp flaring): the picture
                // jumps and comes back, which no cut between two shots does. Flashes are judged by BT.1702 above.
                || detected.stream().anyMatch(x -> x != f && Math.abs(x - f) <= TRANSIENT_FRAMES));
        if (cuts.unplanned().size() > c.maxUnplannedCuts()) {
            reasons.add(fmt("%d cut(s) detected where the plan has no shot boundary (frames %s; limit %d)",
                    cuts.unplanned().size(), head(cuts.unplanned()), c.maxUnplannedCuts()));
        }
        if (cuts.foundShare() < c.minPlannedCutsFound()) {
            reasons.add(fmt("only %d of %d planned shot boundaries show as cuts (need %.0f%%; missed frames %s)",
                    cuts.matched(), cuts.planned(), c.minPlannedCutsFound() * 100, head(cuts.missed())));
        }

        int maxLine = 0;
        int maxLines = 0;
        double maxCps = 0;
        for (Map.Entry<String, String> file : d.subtitles().entrySet()) {
            SubtitleCheck.Layout l = SubtitleCheck.measure(SubtitleCheck.read(file.getKey(), file.getValue()));
            maxLine = Math.max(maxLine, l.maxLineChars());
            maxLines = Math.max(maxLines, l.maxLines());
            maxCps = Math.max(maxCps, l.maxCps());
            if (l.maxLineChars() > c.subtitleMaxLineChars()) {
                reasons.add(fmt("%s: a line of %d characters in cue %d at %s (limit %d)", file.getKey(), l.maxLineChars(),
                        l.widestCue().number(), SubtitleCheck.at(l.widestCue()), c.subtitleMaxLineChars()));
            }
            if (l.maxLines() > c.subtitleMaxLines()) {
                reasons.add(fmt("%s: %d lines in cue %d at %s (limit %d)", file.getKey(), l.maxLines(),
                        l.mostLinesCue().number(), SubtitleCheck.at(l.mostLinesCue()), c.subtitleMaxLines()));
            }
            if (l.maxCps() > c.subtitleMaxCps()) {
                reasons.add(fmt("%s: reading speed %.1f characters/s in cue %d at %s (limit %s)", file.getKey(), l.maxCps(),
                        l.fastestCue().number(), SubtitleCheck.at(l.fastestCue()), trim(c.subtitleMaxCps())));
            }
        }
        return new QcResult(reasons.isEmpty() ? QcStatus.PASS : QcStatus.FAIL, reasons, profile.name(), how, lufs, peak,
                range, avDiff, v.maxFlashesPerS(), maxLine, maxLines, maxCps, v.frames(), v.black(), v.frozen(), cuts);
    }

    private void loudness(LoudnessScan.Loudness a, List<String> reasons) {
        DeliveryProfile.Loudness t = profile.loudness();
        if (!(a.integratedLufs() > LoudnessScan.SILENCE_LUFS)) {
            reasons.add(fmt("the audio is silent (integrated loudness at or under %.0f LUFS; target %.1f LUFS)",
                    LoudnessScan.SILENCE_LUFS, t.integratedLufs()));
            return;
        }
        if (Math.abs(a.integratedLufs() - t.integratedLufs()) > t.toleranceLu()) {
            reasons.add(fmt("integrated loudness %.1f LUFS, want %.1f ± %.1f", a.integratedLufs(), t.integratedLufs(), t.toleranceLu()));
        }
        if (a.truePeakDbtp() > t.maxTruePeakDbtp()) {
            reasons.add(fmt("true peak %.1f dBTP over %.1f dBTP", a.truePeakDbtp(), t.maxTruePeakDbtp()));
        }
        if (a.loudnessRangeLu() > t.maxLoudnessRangeLu()) {
            reasons.add(fmt("loudness range %.1f LU over %.1f LU", a.loudnessRangeLu(), t.maxLoudnessRangeLu()));
        }
    }

    private static void limit(List<String> reasons, boolean over, String format, Object... args) {
        if (over) {
            reasons.add(fmt(format, args));
        }
    }

    private static String head(List<Integer> frames) {
        return frames.size() <= 8 ? frames.toString() : frames.subList(0, 8) + "...";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
