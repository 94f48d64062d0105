package dev.storyreel.sound.mix;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * A stem in the making: stereo float samples written a chunk at a time to a scratch file, read back a
 * chunk at a time, and finally written as a 24-bit WAV with a gain (through {@code javax.sound.sampled}).
 */
final class StemFile implements AutoCloseable {
    private final Path path;
    private final DataOutputStream out;
    private long frames;
    private byte[] bytes = new byte[0];

    StemFile(Path path) throws IOException {
        this.path = path;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16));
    }

    void write(float[] left, float[] right, int n) throws IOException {
        if (bytes.length < 8 * n) {
            bytes = new byte[8 * n];
        }
        java.nio.FloatBuffer f = java.nio.ByteBuffer.wrap(bytes).asFloatBuffer();
        for (int i = 0; i < n; i++) {
            f.put(left[i]).put(right[i]);
        }
        out.write(bytes, 0, 8 * n);
        frames += n;
    }

    long frames() {
        return frames;
    }

    /** A reader of the finished scratch file. */
    Reader reader() throws IOException {
        out.flush();
        return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16)));
    }

    /** Writes the stem as a 24-bit stereo WAV at {@code rate}, times {@code gain}. */
    void writeWav(Path wav, int rate, double gain) throws IOException {
        AudioFormat f = new AudioFormat(rate, 24, 2, true, false);
        try (Reader r = reader(); InputStream pcm = new Pcm24(r, frames, gain);
             AudioInputStream s = new AudioInputStream(pcm, f, frames)) {
            Path tmp = wav.resolveSibling(wav.getFileName() + ".part");
            AudioSystem.write(s, AudioFileFormat.Type.WAVE, tmp.toFile());
            Files.move(tmp, wav, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(path);
    }

    /** Reads stereo float chunks back. */
    static final class Reader implements AutoCloseable {
        private final DataInputStream in;

        Reader(DataInputStream in) {
            this.in = in;
        }

        private byte[] bytes = new byte[0];

        void read(float[] left, float[] right, int n) throws IOException {
            if (bytes.length < 8 * n) {
                bytes = new byte[8 * n];
            }
            in.readFully(bytes, 0, 8 * n);
            java.nio.FloatBuffer f = java.nio.ByteBuffer.wrap(bytes).asFloatBuffer();
            for (int i = 0; i < n; i++) {
                left[i] = f.get();
                right[i] = f.get();
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** 24-bit little-endian interleaved PCM from a reader, streamed. */
    private static final class Pcm24 extends InputStream {
        private final Reader r;
        private final double gain;
        private long left;
        private final float[] l = new float[4096];
        private final float[] rr = new float[4096];
        private final byte[] buf = new byte[4096 * 6];
        private int pos;
        private int lim;

        Pcm24(Reader r, long frames, double gain) {
            this.r = r;
            this.left = frames;
            this.gain = gain;
        }

        private boolean fill() throws IOException {
            if (left == 0) {
                return false;
            }
            int n = (int) Math.min(l.length, left);
            r.read(l, rr, n);
            left -= n;
            for (int i = 0; i < n; i++) {
                put(6 * i, l[i]);
                put(6 * i + 3, rr[i]);
            }
            pos = 0;
            lim = 6 * n;
            return true;
        }

        private void put(int at, float v) {
            int x = (int) Math.round(Math.max(-1.0, Math.min(1.0, v * gain)) * 8388607);
            buf[at] = (byte) x;
            buf[at + 1] = (byte) (x >> 8);
            buf[at + 2] = (byte) (x >> 16);
        }

        @Override
        public int read() throws IOException {
            if (pos == lim && !fill()) {
                return -1;
            }
            return buf[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos == lim && !fill()) {
                return -1;
            }
            int n = Math.min(len, lim - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
