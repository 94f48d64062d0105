package dev.storyreel.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** LoudnessMeter: FFmpeg's ebur128 on known signals (BS.1770: a 1 kHz sine at -20 dBFS on both channels reads -20 LUFS). */
class LoudnessMeterTest {
    @Test
    void readsASineAtItsDefinedLoudnessAndPeak() throws Exception {
        int rate = 48000;
        float[] l = new float[rate / 10];
        float[] r = new float[rate / 10];
        long n = 0;
        try (LoudnessMeter m = new LoudnessMeter(rate, 2)) {
            for (int chunk = 0; chunk < 100; chunk++) {
                for (int i = 0; i < l.length; i++, n++) {
                    l[i] = r[i] = (float) (0.1 * Math.sin(2 * Math.PI * 997 * n / rate));
                }
                m.add(l, r, l.length);
            }
            Loudness x = m.finish();
            assertEquals(-20.0, x.integratedLufs(), 0.2);
            assertEquals(-20.0, x.truePeakDbtp(), 0.3);
            assertEquals(0.0, x.rangeLu(), 0.5);
        }
    }

    @Test
    void silenceHasNoIntegratedLoudness() throws Exception {
        try (LoudnessMeter m = new LoudnessMeter(48000, 2)) {
            float[] z = new float[48000];
            m.add(z, z, z.length);
            m.add(z, z, z.length);
            assertEquals(Double.NEGATIVE_INFINITY, m.finish().integratedLufs());
        }
    }
}
