package dev.storyreel.sound;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;

import dev.storyreel.assemble.FfmpegLogging;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.Frame;

/**
 * Measures loudness with FFmpeg's own {@code ebur128} filter (through JavaCV), streaming: feed a
 * programme a chunk at a time, then {@link #finish()}. Also measures a file's first audio stream
 * ({@link #measure(Path)}). Integrated loudness, loudness range and true peak are those the filter
 * reports in its frame metadata ({@code lavfi.r128.*}).
 */
public final class LoudnessMeter implements AutoCloseable {
    private final FFmpegFrameFilter filter;
    private final int channels;
    private final int sampleRate;
    private double integrated = Double.NEGATIVE_INFINITY;
    private double range;
    private double peak;
    private float[] interleaved = new float[0];
    private boolean finished;

    /** A meter for {@code channels} channels of float samples at {@code sampleRate} Hz, true peak included. */
    public LoudnessMeter(int sampleRate, int channels) throws IOException {
        this(sampleRate, channels, true);
    }

    /**
     * A meter for {@code channels} channels of float samples at {@code sampleRate} Hz; without
     * {@code truePeak} it skips the filter's 4x oversampling (the peak then reads negative infinity).
     */
    public LoudnessMeter(int sampleRate, int channels, boolean truePeak) throws IOException {
        FfmpegLogging.quiet();
        this.channels = channels;
        this.sampleRate = sampleRate;
        filter = new FFmpegFrameFilter("ebur128=metadata=1" + (truePeak ? ":peak=true" : ""), channels);
        filter.setSampleFormat(AV_SAMPLE_FMT_FLT);
        filter.setSampleRate(sampleRate);
        try {
            filter.start();
        } catch (FrameFilter.Exception e) {
            throw new IOException("cannot start FFmpeg's ebur128 filter: " + e.getMessage(), e);
        }
    }

    /** Adds {@code n} stereo samples (for a mono meter, {@code right} is ignored). */
    public void add(float[] left, float[] right, int n) throws IOException {
        if (interleaved.length < n * channels) {
            interleaved = new float[n * channels];
        }
        for (int i = 0; i < n; i++) {
            interleaved[i * channels] = left[i];
            if (channels > 1) {
                interleaved[i * channels + 1] = right[i];
            }
        }
        push(FloatBuffer.wrap(interleaved, 0, n * channels));
    }

    private void push(java.nio.Buffer samples) throws IOException {
        try {
            filter.pushSamples(0, channels, sampleRate, AV_SAMPLE_FMT_FLT, samples);
            drain();
        } catch (FrameFilter.Exception e) {
            throw new IOException("ebur128 filter failed: " + e.getMessage(), e);
        }
    }

    private void drain() throws FrameFilter.Exception {
        Frame f;
        while ((f = filter.pullSamples()) != null) {
            if (f.opaque instanceof AVFrame frame && frame.metadata() != null) {
                integrated = value(frame, "lavfi.r128.I", integrated);
                range = value(frame, "lavfi.r128.LRA", range);
                peak = Math.max(peak, value(frame, "lavfi.r128.true_peak", 0));
            }
        }
    }

    private static double value(AVFrame frame, String key, double otherwise) {
        AVDictionaryEntry e = av_dict_get(frame.metadata(), key, null, 0);
        if (e == null || e.value() == null) {
            return otherwise;
        }
        try {
            return Double.parseDouble(e.value().getString().strip());
        } catch (NumberFormatException x) {
            return otherwise;
        }
    }

    /** Ends the programme and returns its loudness. */
    public Loudness finish() throws IOException {
        if (!finished) {
            finished = true;
            try {
                filter.push(null);
                drain();
            } catch (FrameFilter.Exception e) {
                throw new IOException("ebur128 filter failed at the end: " + e.getMessage(), e);
            }
        }
        double tp = peak > 0 ? 20 * Math.log10(peak) : Double.NEGATIVE_INFINITY;
        return new Loudness(integrated <= -70 ? Double.NEGATIVE_INFINITY : integrated, tp, range);
    }

    /** Measures the first audio stream of {@code file}, decoded by FFmpeg. */
    public static Loudness measure(Path file) throws IOException {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setSampleFormat(AV_SAMPLE_FMT_FLT);
            g.start();
            int ch = Math.max(1, g.getAudioChannels());
            if (g.getAudioStream() < 0 || g.getAudioChannels() <= 0) {
                throw new IOException(file + " has no audio stream");
            }
            try (LoudnessMeter m = new LoudnessMeter(g.getSampleRate(), ch)) {
                Frame f;
                while ((f = g.grabSamples()) != null) {
                    if (f.samples == null) {
                        continue;
                    }
                    java.nio.Buffer b = f.samples[0];
                    if (b instanceof FloatBuffer fb) {
                        m.push(fb);
                    } else if (b instanceof ShortBuffer) {
                        throw new IOException("unexpected 16-bit samples from " + file);
                    }
                }
                return m.finish();
            }
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new IOException("cannot decode " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            filter.close();
        } catch (FrameFilter.Exception e) {
            throw new IOException("cannot close the ebur128 filter: " + e.getMessage(), e);
        }
    }
}
