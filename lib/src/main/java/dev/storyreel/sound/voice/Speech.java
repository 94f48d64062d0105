package dev.storyreel.sound.voice;

/**
 * Synthesised speech: mono 16-bit PCM at the engine's sample rate.
 *
 * @param samples    mono samples
 * @param sampleRate samples per second
 */
public record Speech(short[] samples, int sampleRate) {
    public Speech {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
    }

    /** Duration in seconds. */
    public double seconds() {
        return samples.length / (double) sampleRate;
    }

    /** The samples as little-endian bytes (how the audio table stores them). */
    public byte[] bytes() {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            out[2 * i] = (byte) samples[i];
            out[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return out;
    }

    /** Speech from little-endian 16-bit bytes. */
    public static Speech of(byte[] bytes, int sampleRate) {
        short[] s = new short[bytes.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
        }
        return new Speech(s, sampleRate);
    }
}
