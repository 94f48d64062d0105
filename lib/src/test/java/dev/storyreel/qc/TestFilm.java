package dev.storyreel.qc;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Writes small test MP4s with JavaCV's recorder: H.264 pictures painted per frame, and optionally
 * an AAC 48 kHz stereo track from a sample function.
 */
final class TestFilm {
    static final int WIDTH = 160;
    static final int HEIGHT = 90;
    static final int FPS = 24;
    static final int RATE = 48000;

    /** Paints frame {@code index} into BGR pixels ({@code WIDTH × HEIGHT × 3}, no padding). */
    interface Painter {
        void paint(int index, byte[] bgr);
    }

    /** Sample {@code n} (at 48 kHz) of channel {@code ch}, in -1..1. */
    interface Sound {
        double sample(long n, int ch);
    }

    private TestFilm() {
    }

    /** Writes {@code frames} frames to {@code file}; {@code sound} null for no audio stream. */
    static Path write(Path file, int frames, Painter painter, Sound sound) throws Exception {
        dev.storyreel.assemble.FfmpegLogging.quiet();
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT, sound == null ? 0 : 2)) {
            r.setFormat("mp4");
            r.setVideoCodec(AV_CODEC_ID_H264);
            r.setVideoOption("preset", "ultrafast");
            r.setVideoOption("crf", "18");
            r.setPixelFormat(AV_PIX_FMT_YUV420P);
            r.setFrameRate(FPS);
            r.setGopSize(FPS);
            if (sound != null) {
                r.setAudioCodec(AV_CODEC_ID_AAC);
                r.setSampleRate(RATE);
                r.setAudioBitrate(192_000);
            }
            r.start();
            byte[] bgr = new byte[WIDTH * HEIGHT * 3];
            Frame frame = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3, WIDTH * 3);
            int perFrame = RATE / FPS;
            short[] pcm = new short[perFrame * 2];
            for (int i = 0; i < frames; i++) {
                painter.paint(i, bgr);
                ByteBuffer buf = (ByteBuffer) frame.image[0];
                buf.clear();
                buf.put(bgr);
                buf.flip();
                r.record(frame);
                if (sound != null) {
                    for (int k = 0; k < perFrame; k++) {
                        long n = (long) i * perFrame + k;
                        for (int ch = 0; ch < 2; ch++) {
                            pcm[k * 2 + ch] = (short) Math.round(Math.max(-1, Math.min(1, sound.sample(n, ch))) * 32767);
                        }
                    }
                    r.recordSamples(RATE, 2, ShortBuffer.wrap(pcm));
                }
            }
        }
        return file;
    }

    /** A grey picture with a white box moving 2 px per frame, back and forth (never frozen, no cuts). */
    static Painter movingBox(int grey) {
        return (index, bgr) -> {
            java.util.Arrays.fill(bgr, (byte) grey);
            int travel = WIDTH - 40;
            int pos = (index * 2) % (2 * travel);
            int x0 = 10 + (pos < travel ? pos : 2 * travel - pos);
            for (int y = 30; y < 50; y++) {
                for (int x = x0; x < x0 + 20; x++) {
                    int p = (y * WIDTH + x) * 3;
                    bgr[p] = bgr[p + 1] = bgr[p + 2] = (byte) 230;
                }
            }
        };
    }

    /** A whole frame of one colour. */
    static void fill(byte[] bgr, int r, int g, int b) {
        for (int p = 0; p < bgr.length; p += 3) {
            bgr[p] = (byte) b;
            bgr[p + 1] = (byte) g;
            bgr[p + 2] = (byte) r;
        }
    }

    /** A 997 Hz sine of peak {@code dbfs} on both channels. */
    static Sound tone(double dbfs) {
        double a = Math.pow(10, dbfs / 20);
        return (n, ch) -> a * Math.sin(2 * Math.PI * 997 * n / RATE);
    }
}
