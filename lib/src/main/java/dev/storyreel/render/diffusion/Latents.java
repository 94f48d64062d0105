package dev.storyreel.render.diffusion;

import dev.storyreel.shot.CameraMove;
import java.util.Random;

/** Latent arithmetic on plain arrays: seeded noise, spherical interpolation, the camera's move. */
final class Latents {
    private Latents() {
    }

    /** Unit Gaussian noise of {@code n} values from {@code seed} alone ({@link Random#nextGaussian()} is specified). */
    static float[] noise(long seed, int n) {
        Random r = new Random(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) r.nextGaussian();
        }
        return out;
    }

    /** Spherical interpolation from {@code a} (t = 0) to {@code b} (t = 1); linear where they are nearly parallel. */
    static float[] slerp(float[] a, float[] b, double t) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        double cos = dot / Math.sqrt(na * nb + 1e-30);
        float[] out = new float[a.length];
        double wa;
        double wb;
        if (Math.abs(cos) > 0.9995) {
            wa = 1 - t;
            wb = t;
        } else {
            double theta = Math.acos(Math.max(-1, Math.min(1, cos)));
            double s = Math.sin(theta);
            wa = Math.sin((1 - t) * theta) / s;
            wb = Math.sin(t * theta) / s;
        }
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (wa * a[i] + wb * b[i]);
        }
        return out;
    }

    /** Linear interpolation. */
    static float[] lerp(float[] a, float[] b, double t) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (a[i] + (b[i] - a[i]) * t);
        }
        return out;
    }

    /**
     * The camera's view of a latent [c, h, w] at eased progress {@code e} in [0, 1]: a zoomed window
     * (never past the edges) panned, tilted or pushed; bilinear resampling.
     */
    static float[] camera(float[] latent, int c, int h, int w, CameraMove move, double e, int dir) {
        double zoom;
        double dx = 0;
        double dy = 0;
        switch (move) {
            case STATIC -> zoom = 1;
            case PAN, TRACK -> {
                zoom = 1.18;
                dx = dir * (e - 0.5) * 2 * (w / 2.0) * (1 - 1 / zoom) * 0.95;
            }
            case TILT -> {
                zoom = 1.15;
                dy = dir * (e - 0.5) * 2 * (h / 2.0) * (1 - 1 / zoom) * 0.95;
            }
            case PUSH_IN -> zoom = 1 + 0.25 * e;
            case PULL_OUT -> zoom = 1 + 0.25 * (1 - e);
            default -> throw new IllegalArgumentException(move.toString());
        }
        if (zoom == 1 && dx == 0 && dy == 0) {
            return latent;
        }
        float[] out = new float[latent.length];
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        for (int y = 0; y < h; y++) {
            double sy = Math.max(0, Math.min(h - 1, cy + (y - cy) / zoom + dy));
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(h - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < w; x++) {
                double sx = Math.max(0, Math.min(w - 1, cx + (x - cx) / zoom + dx));
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(w - 1, x0 + 1);
                double fx = sx - x0;
                for (int k = 0; k < c; k++) {
                    int base = k * h * w;
                    double top = latent[base + y0 * w + x0] * (1 - fx) + latent[base + y0 * w + x1] * fx;
                    double bottom = latent[base + y1 * w + x0] * (1 - fx) + latent[base + y1 * w + x1] * fx;
                    out[base + y * w + x] = (float) (top * (1 - fy) + bottom * fy);
                }
            }
        }
        return out;
    }

    /** Smoothstep easing of linear progress. */
    static double ease(double t) {
        return t * t * (3 - 2 * t);
    }
}
