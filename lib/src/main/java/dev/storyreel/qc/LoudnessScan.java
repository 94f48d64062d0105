package dev.storyreel.qc;

import dev.storyreel.assemble.FfmpegLogging;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Measures a file's first audio stream with FFmpeg's {@code ebur128} filter (ITU-R BS.1770 / EBU R128)
 * through JavaCV: the file is decoded, pushed through the filter, and the filter's running figures
 * are read from the {@code lavfi.r128.*} metadata it attaches to the frames. The integrated loudness
 * and loudness range of the last measured block are the programme's (the filter's closing summary
 * prints the same values). The true peak comes from a second chain (see {@link #TRUE_PEAK}), the
 * highest over every channel.
 */
public final class LoudnessScan {
    /** Integrated loudness and loudness range: ebur128, whose {@code lavfi.r128.*} figures are printed to 0.001. */
    static final String LOUDNESS = "ebur128=metadata=1";
    /**
     * True peak: the peak of the signal oversampled 4× to 192 kHz by libswresample, as ebur128's own
     * {@code peak=true} measures it (ebur128's frame metadata prints that peak as a linear value to
     * 0.001, too coarse below about -20 dBTP); astats prints it in dB to 0.000001.
     */
    static final String TRUE_PEAK = "aresample=192000,astats=metadata=1:reset=0:measure_perchannel=none:measure_overall=Peak_level";

    /** ebur128's floor: a silent programme measures at or under this (LUFS). */
    public static final double SILENCE_LUFS = -70.0;

    private LoudnessScan() {
    }

    /**
     * What the audio of a file measures.
     *
     * @param integratedLufs   integrated loudness (LUFS; at or under {@link #SILENCE_LUFS} for silence)
     * @param truePeakDbtp     highest true peak over all channels (dBTP; -inf for digital silence)
     * @param loudnessRangeLu  loudness range (LU)
     * @param startS           first sample's time (s)
     * @param durationS        decoded duration (s)
     * @param sampleRate       sample rate (Hz)
     * @param channels         channel count
     */
    public record Loudness(double integratedLufs, double truePeakDbtp, double loudnessRangeLu, double startS,
                           double durationS, int sampleRate, int channels) {
        /** When the audio ends (s). */
        public double endS() {
            return startS + durationS;
        }
    }

    /** Measures the first audio stream of {@code file}; null when the file has none. */
    public static Loudness measure(Path file) throws IOException {
        FfmpegLogging.quiet();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            if (!grabber.hasAudio() || grabber.getAudioChannels() <= 0) {
                return null;
            }
            int channels = grabber.getAudioChannels();
            Running run = new Running(channels);
            try (FFmpegFrameFilter filter = audioFilter(LOUDNESS, grabber);
                 FFmpegFrameFilter peaks = audioFilter(TRUE_PEAK, grabber)) {
                long samples = 0;
                double start = Double.NaN;
                Frame f;
                while ((f = grabber.grabSamples()) != null) {
                    if (f.samples == null) {
                        continue;
                    }
                    if (Double.isNaN(start)) {
                        start = f.timestamp / 1e6;
                    }
                    samples += samplesIn(f);
                    filter.push(f);
                    peaks.push(f);
                    drain(filter, peaks, run);
                }
                filter.push(null);
                peaks.push(null);
                drain(filter, peaks, run);
                double rate = grabber.getSampleRate();
                return new Loudness(run.integrated, run.truePeakDb, run.range, Double.isNaN(start) ? 0 : start,
                        samples / rate, grabber.getSampleRate(), channels);
            }
        } catch (FrameGrabber.Exception | FrameFilter.Exception e) {
            throw new IOException("cannot measure the audio of " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static long samplesIn(Frame f) {
        Buffer b = f.samples[0];
        return f.samples.length > 1 ? b.limit() : b.limit() / Math.max(1, f.audioChannels);
    }

    private static FFmpegFrameFilter audioFilter(String chain, FFmpegFrameGrabber grabber) throws FrameFilter.Exception {
        FFmpegFrameFilter f = new FFmpegFrameFilter(chain, grabber.getAudioChannels());
        f.setSampleRate(grabber.getSampleRate());
        f.setSampleFormat(grabber.getSampleFormat());
        f.start();
        return f;
    }

    private static void drain(FFmpegFrameFilter filter, FFmpegFrameFilter peaks, Running run) throws FrameFilter.Exception {
        Frame out;
        while ((out = filter.pullSamples()) != null) {
            double i = FilterMetadata.number(out, "lavfi.r128.I");
            if (!Double.isNaN(i)) {
                run.integrated = i;
                run.range = FilterMetadata.number(out, "lavfi.r128.LRA");
            }
        }
        while ((out = peaks.pullSamples()) != null) {
            double p = FilterMetadata.number(out, "lavfi.astats.Overall.Peak_level");
            if (!Double.isNaN(p)) {
                run.truePeakDb = Math.max(run.truePeakDb, p);
            }
        }
    }

    /** The filter's figures so far. */
    private static final class Running {
        final int channels;
        double integrated = Double.NEGATIVE_INFINITY;
        double range = 0;
        double truePeakDb = Double.NEGATIVE_INFINITY;

        Running(int channels) {
            this.channels = channels;
        }
    }
}
