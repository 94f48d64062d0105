package dev.storyreel.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The BT.1702 transition logic on synthetic frames (no encoding): general and red flashes, area, gradual changes. */
class FlashDetectorTest {
    static final int W = 64;
    static final int H = 36;

    /** Feeds {@code frames} frames at 24 fps; {@code colour} gives the RGB of the left {@code share} of frame i. */
    static FlashDetector run(int frames, double share, java.util.function.IntFunction<int[]> colour) {
        FlashDetector d = new FlashDetector(24);
        ByteBuffer buf = ByteBuffer.allocate(W * H * 3);
        int edge = (int) Math.round(W * share);
        for (int i = 0; i < frames; i++) {
            int[] rgb = colour.apply(i);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int p = (y * W + x) * 3;
                    boolean in = x < edge;
                    buf.put(p, (byte) (in ? rgb[2] : 40));
                    buf.put(p + 1, (byte) (in ? rgb[1] : 40));
                    buf.put(p + 2, (byte) (in ? rgb[0] : 40));
                }
            }
            d.accept(buf, W, H, W * 3);
        }
        return d;
    }

    @Test
    void fullScreenBlackWhiteAtFiveHertzIsFiveFlashesASecond() {
        FlashDetector d = run(48, 1.0, i -> i % 5 < 2 ? new int[] {255, 255, 255} : new int[] {0, 0, 0});
        // White for 2 frames of every 5 (4.8 cycles a second at 24 fps): about 10 transitions a second.
        assertEquals(5.0, d.maxGeneralFlashesPerSecond(), 0.51);
        assertEquals(0.0, d.maxRedFlashesPerSecond());
    }

    @Test
    void aFlashOnLessThanAQuarterOfTheScreenDoesNotCount() {
        FlashDetector d = run(48, 0.2, i -> i % 2 == 0 ? new int[] {255, 255, 255} : new int[] {0, 0, 0});
        assertEquals(0.0, d.maxFlashesPerSecond());
        FlashDetector big = run(48, 0.3, i -> i % 2 == 0 ? new int[] {255, 255, 255} : new int[] {0, 0, 0});
        assertEquals(12.0, big.maxGeneralFlashesPerSecond(), 0.51);
    }

    @Test
    void changesAboveTheDarkerLimitAreNotFlashes() {
        // Both states brighter than 160 cd/m² (of 200): no general flash however fast.
        FlashDetector d = run(48, 1.0, i -> i % 2 == 0 ? new int[] {255, 255, 255} : new int[] {235, 235, 235});
        assertEquals(0.0, d.maxFlashesPerSecond());
    }

    @Test
    void gradualChangesCountOnceWhenTheyReachTheStep() {
        // A ramp up over 6 frames and down over 6: 2 transitions per 12 frames, 2 flashes a second.
        FlashDetector d = run(48, 1.0, i -> {
            int k = i % 12;
            int v = k < 6 ? k * 40 : (12 - k) * 40;
            return new int[] {v, v, v};
        });
        assertEquals(2.0, d.maxGeneralFlashesPerSecond(), 0.51);
    }

    @Test
    void saturatedRedAgainstAGreyOfTheSameLuminanceIsARedFlashOnly() {
        // sRGB 127 grey is linear 0.212, the luminance of pure red (0.2126): no general transition.
        FlashDetector d = run(48, 1.0, i -> (i / 3) % 2 == 0 ? new int[] {255, 0, 0} : new int[] {127, 127, 127});
        assertEquals(0.0, d.maxGeneralFlashesPerSecond());
        assertEquals(4.0, d.maxRedFlashesPerSecond(), 0.51);
    }
}
