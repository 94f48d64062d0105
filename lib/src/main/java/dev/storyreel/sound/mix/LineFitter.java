package dev.storyreel.sound.mix;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;

import dev.storyreel.sound.voice.Speech;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;

/**
 * Fits a synthesised line into the time its shot allows: trims the engine's leading and trailing
 * silence, resamples to the mix rate and, when the line is still too long, time-scales it (FFmpeg's
 * {@code atempo}: faster, same pitch) so it ends before the cut; then levels it (speech at a fixed RMS,
 * moved by the delivery's gain) with short fades so it never clicks.
 */
public final class LineFitter {
    /** Speech level in the dialogue stem before the film's loudness normalisation, dBFS RMS. */
    public static final double SPEECH_RMS_DB = -20.0;
    private static final double SILENCE = Math.pow(10, -45 / 20.0);

    /**
     * A fitted line.
     *
     * @param samples   mono float samples at the mix rate
     * @param spoken    the engine's speech length, trimmed, in seconds
     * @param tempo     the time-scale factor applied (1 when it fitted as it was)
     */
    public record Fitted(float[] samples, double spoken, double tempo) {
    }

    private LineFitter() {
    }

    /** Fits {@code speech} into at most {@code maxSamples} at {@code rate}, {@code gainDb} above normal speech. */
    public static Fitted fit(Speech speech, long maxSamples, int rate, double gainDb) throws IOException {
        short[] s = trim(speech.samples(), speech.sampleRate());
        double spoken = s.length / (double) speech.sampleRate();
        long natural = Math.round(spoken * rate);
        double tempo = natural > maxSamples ? natural / (double) maxSamples * 1.01 : 1.0;
        String graph = "aresample=" + rate + (tempo > 1.0 ? String.format(Locale.ROOT, ",atempo=%.5f", tempo) : "");
        float[] out = filter(s, speech.sampleRate(), graph);
        if (out.length > maxSamples) {
            out = Arrays.copyOf(out, (int) maxSamples);
        }
        fade(out, rate / 200, rate / 100);
        level(out, gainDb);
        return new Fitted(out, spoken, tempo);
    }

    private static short[] trim(short[] s, int rate) {
        int from = 0;
        int to = s.length;
        while (from < to && Math.abs(s[from]) / 32768.0 < SILENCE) {
            from++;
        }
        while (to > from && Math.abs(s[to - 1]) / 32768.0 < SILENCE) {
            to--;
        }
        int keep = rate / 100;
        return Arrays.copyOfRange(s, Math.max(0, from - keep), Math.min(s.length, to + keep));
    }

    private static float[] filter(short[] s, int inRate, String graph) throws IOException {
        float[] in = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            in[i] = s[i] / 32768f;
        }
        FloatOut acc = new FloatOut();
        try (FFmpegFrameFilter f = new FFmpegFrameFilter(graph, 1)) {
            f.setSampleFormat(AV_SAMPLE_FMT_FLT);
            f.setSampleRate(inRate);
            f.start();
            int step = 8192;
            for (int i = 0; i < in.length; i += step) {
                f.pushSamples(0, 1, inRate, AV_SAMPLE_FMT_FLT, FloatBuffer.wrap(in, i, Math.min(step, in.length - i)));
                pull(f, acc);
            }
            f.push(null);
            pull(f, acc);
        } catch (FrameFilter.Exception e) {
            throw new IOException("fitting a line with '" + graph + "' failed: " + e.getMessage(), e);
        }
        return acc.toArray();
    }

    private static void pull(FFmpegFrameFilter f, FloatOut acc) throws FrameFilter.Exception {
        Frame fr;
        while ((fr = f.pullSamples()) != null) {
            Buffer b = fr.samples[0];
            if (b instanceof FloatBuffer fb) {
                fb.rewind();
                while (fb.hasRemaining()) {
                    acc.add(fb.get());
                }
            } else if (b instanceof java.nio.ShortBuffer sb) {
                sb.rewind();
                while (sb.hasRemaining()) {
                    acc.add(sb.get() / 32768f);
                }
            }
        }
    }

    private static void fade(float[] x, int in, int out) {
        for (int i = 0; i < Math.min(in, x.length); i++) {
            x[i] *= i / (float) in;
        }
        for (int i = 0; i < Math.min(out, x.length); i++) {
            x[x.length - 1 - i] *= i / (float) out;
        }
    }

    private static void level(float[] x, double gainDb) {
        double sum = 0;
        int n = 0;
        for (float v : x) {
            if (Math.abs(v) > 0.003) {
                sum += v * v;
                n++;
            }
        }
        if (n == 0) {
            return;
        }
        double rms = Math.sqrt(sum / n);
        double g = Math.pow(10, (SPEECH_RMS_DB + gainDb) / 20) / rms;
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        g = Math.min(g, 0.9 / Math.max(1e-9, peak));
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (x[i] * g);
        }
    }

    /** A growable float array. */
    private static final class FloatOut {
        private float[] a = new float[1 << 14];
        private int n;

        void add(float v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = v;
        }

        float[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
