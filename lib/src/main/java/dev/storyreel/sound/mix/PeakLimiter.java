package dev.storyreel.sound.mix;

/**
 * A look-ahead peak limiter for a stereo stream: the gain falls before a peak arrives (5 ms ahead) and
 * recovers slowly, so no sample exceeds the ceiling and nothing clicks. Output lags input by the
 * look-ahead; {@link #flush} returns the tail.
 */
public final class PeakLimiter {
    private final float ceiling;
    private final int lookahead;
    private final float[] delayL;
    private final float[] delayR;
    private final float[] need;
    private final double release;
    private int pos;
    private long seen;
    private double gain = 1.0;
    private int limiting;

    /** A limiter at {@code ceilingDb} dBFS for {@code sampleRate}. */
    public PeakLimiter(double ceilingDb, int sampleRate) {
        this.ceiling = (float) Math.pow(10, ceilingDb / 20);
        this.lookahead = sampleRate / 200;
        this.delayL = new float[lookahead];
        this.delayR = new float[lookahead];
        this.need = new float[lookahead];
        this.release = 1.0 / (0.15 * sampleRate);
    }

    /** Limits {@code n} samples in place (the output is delayed by the look-ahead). */
    public void process(float[] left, float[] right, int n) {
        for (int i = 0; i < n; i++) {
            float l = left[i];
            float r = right[i];
            float peak = Math.max(Math.abs(l), Math.abs(r));
            float required = peak > ceiling ? ceiling / peak : 1f;
            float outL = delayL[pos];
            float outR = delayR[pos];
            float evicted = need[pos];
            if (evicted < 1f) {
                limiting--;
            }
            delayL[pos] = l;
            delayR[pos] = r;
            need[pos] = required;
            if (required < 1f) {
                limiting++;
            }
            pos = (pos + 1) % lookahead;
            seen++;
            float min = evicted;
            if (limiting > 0) {
                for (float g : need) {
                    min = Math.min(min, g);
                }
            }
            gain = min < gain ? min : Math.min(min, gain + release);
            left[i] = seen > lookahead ? (float) (outL * gain) : 0f;
            right[i] = seen > lookahead ? (float) (outR * gain) : 0f;
        }
    }

    /** The output's lag behind the input, in samples: the first this many outputs are silence. */
    public int delay() {
        return lookahead;
    }
}
