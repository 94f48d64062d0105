package dev.storyreel.frames;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Deterministic photographic-like test frames (what a diffusion or video model gives, unlike the
 * animatic's flat colours): smooth lighting gradients, a few soft blobs, a periodic texture and
 * per-pixel sensor noise, all from a seed.
 */
public final class PhotoFrames {
    private PhotoFrames() {
    }

    /** Frame {@code index} of a slowly drifting scene: same seed and index ⇒ same pixels. */
    public static BufferedImage frame(int width, int height, long seed, int index) {
        SplittableRandom scene = new SplittableRandom(seed);
        int blobs = 6;
        double[][] blob = new double[blobs][6];
        for (double[] b : blob) {
            b[0] = scene.nextDouble() * width;
            b[1] = scene.nextDouble() * height;
            b[2] = (0.05 + scene.nextDouble() * 0.25) * Math.min(width, height);
            b[3] = scene.nextDouble() * 160 - 80;
            b[4] = scene.nextDouble() * 160 - 80;
            b[5] = scene.nextDouble() * 160 - 80;
        }
        double drift = index * 0.01 * width;
        SplittableRandom noise = new SplittableRandom(seed * 31 + index);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = Images.bgr(img);
        for (int y = 0; y < height; y++) {
            double fy = (double) y / height;
            for (int x = 0; x < width; x++) {
                double fx = (x + drift) / width;
                double r = 60 + 120 * fx + 40 * fy;
                double g = 50 + 90 * fy + 30 * fx;
                double b = 110 - 60 * fy + 50 * fx;
                for (double[] bl : blob) {
                    double dx = x + drift - bl[0];
                    double dy = y - bl[1];
                    double w = Math.exp(-(dx * dx + dy * dy) / (2 * bl[2] * bl[2]));
                    r += bl[3] * w;
                    g += bl[4] * w;
                    b += bl[5] * w;
                }
                double tex = 12 * Math.sin((x + drift) * 0.31 + Math.sin(y * 0.07) * 3) * Math.cos(y * 0.23);
                double n = noise.nextDouble() * 10 - 5;
                int i = (y * width + x) * 3;
                px[i] = clamp(b + tex + n);
                px[i + 1] = clamp(g + tex + n);
                px[i + 2] = clamp(r + tex + n);
            }
        }
        return img;
    }

    /** Peak signal-to-noise ratio (dB) of {@code b} against {@code a} over all BGR samples; infinite when equal. */
    public static double psnr(BufferedImage a, BufferedImage b) {
        byte[] x = Images.bgr(a);
        byte[] y = Images.bgr(b);
        if (x.length != y.length) {
            throw new IllegalArgumentException("different sizes");
        }
        double se = 0;
        for (int i = 0; i < x.length; i++) {
            int d = (x[i] & 0xFF) - (y[i] & 0xFF);
            se += d * d;
        }
        if (se == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double mse = se / x.length;
        return 10 * Math.log10(255.0 * 255.0 / mse);
    }

    private static byte clamp(double v) {
        return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
    }
}
