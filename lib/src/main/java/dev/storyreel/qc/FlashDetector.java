package dev.storyreel.qc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Photosensitive-epilepsy (PSE) flash check after ITU-R BT.1702, fed one decoded frame at a time.
 * FFmpeg has no such filter; the luminance-transition logic is ours.
 *
 * <p><b>Model.</b> Frames are 8-bit BGR, taken as sRGB/BT.709 code values on a display whose white
 * is {@link #DISPLAY_WHITE_CD_M2} cd/m². Each frame is reduced to a {@link #GRID_X}×{@link #GRID_Y}
 * grid of cells, each cell the mean of its pixels in linear light (R, G, B in 0..1) and its
 * luminance {@code Y = 0.2126 R + 0.7152 G + 0.0722 B} in cd/m². Pictures wider than
 * {@link #SAMPLED_WIDTH} are sampled every n-th pixel and row (n = width / that), enough for cell means.
 *
 * <p><b>Transitions.</b> BT.1702 calls a <i>flash</i> a pair of opposing changes in luminance of
 * {@link #GENERAL_STEP_CD_M2} cd/m² or more where the darker image is below
 * {@link #GENERAL_DARKER_BELOW_CD_M2} cd/m². Per cell we track the highest and lowest value since
 * the cell's last transition; a fall of at least the step from that high (the darker image, where it
 * ends, under the limit) is a falling transition, a rise of at least the step from that low (the
 * low under the limit) is a rising one. Changes spread over several frames therefore count once, when
 * they reach the step, and transitions of a cell alternate. A <i>red</i> transition is the same on the
 * cell's red value {@code (R - G - B) × 320} (cd/m²-like, 0 unless the cell is saturated red:
 * {@code R / (R + G + B) >= }{@link #SATURATED_RED_RATIO}), step {@link #RED_STEP}, no darker-image
 * condition.
 *
 * <p><b>Area and rate.</b> A frame has a screen transition of a kind and direction when the cells
 * making that transition on that frame cover at least {@link #MIN_AREA} of the picture (BT.1702's
 * "a quarter of the screen"). Two screen transitions make one flash: the flashes in a one-second
 * window (the frame rate's count of frames) are its transitions / 2, and BT.1702 allows no more than
 * three general or red flashes in any one second. {@link #maxFlashesPerSecond()} is the worst window
 * over both kinds.
 */
public final class FlashDetector {
    /** Assumed display white (cd/m²): relative luminance 1.0. */
    public static final double DISPLAY_WHITE_CD_M2 = 200.0;
    /** A general transition changes luminance by at least this (cd/m²). */
    public static final double GENERAL_STEP_CD_M2 = 20.0;
    /** ... and its darker image is below this (cd/m²). */
    public static final double GENERAL_DARKER_BELOW_CD_M2 = 160.0;
    /** A cell is saturated red when R / (R + G + B) in linear light reaches this. */
    public static final double SATURATED_RED_RATIO = 0.8;
    /** A red transition changes (R - G - B) × 320 by at least this. */
    public static final double RED_STEP = 20.0;
    /** Share of the picture that must make a transition together. */
    public static final double MIN_AREA = 0.25;
    /** Analysis grid. */
    public static final int GRID_X = 32;
    /** Analysis grid. */
    public static final int GRID_Y = 18;
    /** Pictures up to this wide are read pixel by pixel; wider ones are sampled. */
    public static final int SAMPLED_WIDTH = 320;

    private static final double[] LINEAR = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            double c = v / 255.0;
            LINEAR[v] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private final int fps;
    private final Tracker general = new Tracker(GENERAL_STEP_CD_M2, GENERAL_DARKER_BELOW_CD_M2);
    private final Tracker red = new Tracker(RED_STEP, Double.POSITIVE_INFINITY);
    private final double[] sumR = new double[GRID_X * GRID_Y];
    private final double[] sumG = new double[GRID_X * GRID_Y];
    private final double[] sumB = new double[GRID_X * GRID_Y];
    private final double[] weight = new double[GRID_X * GRID_Y];
    private final double[] lum = new double[GRID_X * GRID_Y];
    private final double[] redValue = new double[GRID_X * GRID_Y];
    private final List<Integer> generalTransitions = new ArrayList<>();
    private final List<Integer> redTransitions = new ArrayList<>();
    private int frame;

    /** A detector for a film at {@code fps} frames per second (the one-second window). */
    public FlashDetector(int fps) {
        if (fps <= 0) {
            throw new IllegalArgumentException("fps must be positive: " + fps);
        }
        this.fps = fps;
    }

    /** Adds the next frame: 8-bit BGR rows of {@code stride} bytes. */
    public void accept(ByteBuffer bgr, int width, int height, int stride) {
        java.util.Arrays.fill(sumR, 0);
        java.util.Arrays.fill(sumG, 0);
        java.util.Arrays.fill(sumB, 0);
        java.util.Arrays.fill(weight, 0);
        int[] cellX = new int[width];
        for (int x = 0; x < width; x++) {
            cellX[x] = (int) ((long) x * GRID_X / width);
        }
        int step = Math.max(1, width / SAMPLED_WIDTH);
        for (int y = 0; y < height; y += step) {
            int row = (int) ((long) y * GRID_Y / height) * GRID_X;
            int p = y * stride;
            for (int x = 0; x < width; x += step, p += 3 * step) {
                int c = row + cellX[x];
                sumB[c] += LINEAR[bgr.get(p) & 0xff];
                sumG[c] += LINEAR[bgr.get(p + 1) & 0xff];
                sumR[c] += LINEAR[bgr.get(p + 2) & 0xff];
                weight[c]++;
            }
        }
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        for (int c = 0; c < lum.length; c++) {
            double n = Math.max(1, weight[c]);
            double r = sumR[c] / n;
            double g = sumG[c] / n;
            double b = sumB[c] / n;
            lum[c] = (0.2126 * r + 0.7152 * g + 0.0722 * b) * DISPLAY_WHITE_CD_M2;
            double sum = r + g + b;
            redValue[c] = sum > 0 && r / sum >= SATURATED_RED_RATIO ? Math.max(0, r - g - b) * 320 : 0;
        }
        general.update(frame, lum, weight, total, generalTransitions);
        red.update(frame, redValue, weight, total, redTransitions);
        frame++;
    }

    /** Frames seen so far. */
    public int frames() {
        return frame;
    }

    /** Most general flashes (screen transitions / 2) in any one-second window. */
    public double maxGeneralFlashesPerSecond() {
        return maxInWindow(generalTransitions) / 2.0;
    }

    /** Most red flashes in any one-second window. */
    public double maxRedFlashesPerSecond() {
        return maxInWindow(redTransitions) / 2.0;
    }

    /** The worse of {@link #maxGeneralFlashesPerSecond()} and {@link #maxRedFlashesPerSecond()}. */
    public double maxFlashesPerSecond() {
        return Math.max(maxGeneralFlashesPerSecond(), maxRedFlashesPerSecond());
    }

    /** First frame of the worst one-second window (general or red), or -1 when no transition was seen. */
    public int worstWindowStart() {
        int g = windowStart(generalTransitions);
        int r = windowStart(redTransitions);
        return maxInWindow(redTransitions) > maxInWindow(generalTransitions) ? r : g;
    }

    private int maxInWindow(List<Integer> transitions) {
        int best = 0;
        for (int i = 0, j = 0; j < transitions.size(); j++) {
            while (transitions.get(j) - transitions.get(i) >= fps) {
                i++;
            }
            best = Math.max(best, j - i + 1);
        }
        return best;
    }

    private int windowStart(List<Integer> transitions) {
        int best = 0;
        int start = -1;
        for (int i = 0, j = 0; j < transitions.size(); j++) {
            while (transitions.get(j) - transitions.get(i) >= fps) {
                i++;
            }
            if (j - i + 1 > best) {
                best = j - i + 1;
                start = transitions.get(i);
            }
        }
        return start;
    }

    /** Per-cell extremum tracking of one quantity, and the screen transitions it makes. */
    private static final class Tracker {
        private final double step;
        private final double darkerBelow;
        private double[] high;
        private double[] low;
        private int[] direction;

        Tracker(double step, double darkerBelow) {
            this.step = step;
            this.darkerBelow = darkerBelow;
        }

        void update(int frame, double[] value, double[] weight, double total, List<Integer> out) {
            if (high == null) {
                high = value.clone();
                low = value.clone();
                direction = new int[value.length];
                return;
            }
            double rising = 0;
            double falling = 0;
            for (int c = 0; c < value.length; c++) {
                double v = value[c];
                if (direction[c] >= 0 && high[c] - v >= step && v < darkerBelow) {
                    direction[c] = -1;
                    high[c] = v;
                    low[c] = v;
                    falling += weight[c];
                } else if (direction[c] <= 0 && v - low[c] >= step && low[c] < darkerBelow) {
                    direction[c] = 1;
                    high[c] = v;
                    low[c] = v;
                    rising += weight[c];
                } else {
                    high[c] = Math.max(high[c], v);
                    low[c] = Math.min(low[c], v);
                }
            }
            if (rising >= MIN_AREA * total) {
                out.add(frame);
            }
            if (falling >= MIN_AREA * total) {
                out.add(frame);
            }
        }
    }
}
