package dev.storyreel.frames;

/**
 * BGR24 ↔ planar yuv420p (Y plane, then U, then V; BT.601 limited range, integer arithmetic so the
 * result is the same on every machine). Chroma is the rounded mean of each 2×2 block.
 */
public final class Yuv420 {
    private Yuv420() {
    }

    /** Bytes of a yuv420p frame of this size; both sides must be even. */
    public static int size(int width, int height) {
        if (width % 2 != 0 || height % 2 != 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("yuv420p needs even positive sides, got " + width + "x" + height);
        }
        return width * height * 3 / 2;
    }

    /** The yuv420p planes of packed BGR24 pixels. */
    public static byte[] fromBgr(byte[] bgr, int width, int height) {
        byte[] out = new byte[size(width, height)];
        int uOff = width * height;
        int vOff = uOff + uOff / 4;
        int cw = width / 2;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int i = (row + x) * 3;
                int b = bgr[i] & 0xFF;
                int g = bgr[i + 1] & 0xFF;
                int r = bgr[i + 2] & 0xFF;
                out[row + x] = (byte) (((66 * r + 129 * g + 25 * b + 128) >> 8) + 16);
            }
        }
        for (int cy = 0; cy < height / 2; cy++) {
            for (int cx = 0; cx < cw; cx++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int i = ((cy * 2 + dy) * width + cx * 2 + dx) * 3;
                        b += bgr[i] & 0xFF;
                        g += bgr[i + 1] & 0xFF;
                        r += bgr[i + 2] & 0xFF;
                    }
                }
                r = (r + 2) >> 2;
                g = (g + 2) >> 2;
                b = (b + 2) >> 2;
                out[uOff + cy * cw + cx] = (byte) (((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128);
                out[vOff + cy * cw + cx] = (byte) (((112 * r - 94 * g - 18 * b + 128) >> 8) + 128);
            }
        }
        return out;
    }

    /** Packed BGR24 pixels of yuv420p planes (each chroma sample covers its 2×2 block). */
    public static byte[] toBgr(byte[] yuv, int width, int height) {
        if (yuv.length != size(width, height)) {
            throw new IllegalArgumentException("expected " + size(width, height) + " yuv420p bytes for "
                    + width + "x" + height + ", got " + yuv.length);
        }
        byte[] bgr = new byte[width * height * 3];
        int uOff = width * height;
        int vOff = uOff + uOff / 4;
        int cw = width / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int c = (y >> 1) * cw + (x >> 1);
                int yy = 298 * ((yuv[y * width + x] & 0xFF) - 16);
                int u = (yuv[uOff + c] & 0xFF) - 128;
                int v = (yuv[vOff + c] & 0xFF) - 128;
                int i = (y * width + x) * 3;
                bgr[i] = clamp((yy + 516 * u + 128) >> 8);
                bgr[i + 1] = clamp((yy - 100 * u - 208 * v + 128) >> 8);
                bgr[i + 2] = clamp((yy + 409 * v + 128) >> 8);
            }
        }
        return bgr;
    }

    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : Math.min(255, v));
    }
}
