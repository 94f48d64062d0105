package dev.storyreel.render.diffusion;

import ai.onnxruntime.OrtException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;

/**
 * Latents to frames around the {@link VaeDecoder}: the latents are divided by the VAE's scaling
 * factor and decoded in one call, and each decoded image [3, H, W] in [-1, 1] becomes a BGR frame
 * of the shot's size, centre-cropped (or scaled up when the decoded image is smaller).
 */
final class VaeImages {
    private final VaeDecoder decoder;
    private final float scaling;

    VaeImages(VaeDecoder decoder, float scaling) {
        this.decoder = decoder;
        this.scaling = scaling;
    }

    /** Decodes latents of {@code lh x lw} (one VAE call) to frames of {@code w x h}. */
    List<BufferedImage> decode(List<float[]> latents, int lh, int lw, int w, int h) throws OrtException {
        int b = latents.size();
        int size = 4 * lh * lw;
        float[] in = new float[b * size];
        float inv = 1f / scaling;
        for (int i = 0; i < b; i++) {
            float[] l = latents.get(i);
            for (int k = 0; k < size; k++) {
                in[i * size + k] = l[k] * inv;
            }
        }
        float[] img = decoder.decode(in, b, lh, lw);
        int dw = lw * 8;
        int dh = img.length / b / 3 / dw;
        List<BufferedImage> frames = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            frames.add(toImage(img, i, dh, dw, w, h));
        }
        return frames;
    }

    /** Image {@code i} of a decoded batch [n, 3, dh, dw] in [-1, 1] to a BGR frame, centre-cropped (or scaled) to w x h. */
    static BufferedImage toImage(float[] img, int i, int dh, int dw, int w, int h) {
        int plane = dh * dw;
        int base = i * 3 * plane;
        if (dw >= w && dh >= h) {
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            byte[] o = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
            int ox = (dw - w) / 2;
            int oy = (dh - h) / 2;
            for (int y = 0; y < h; y++) {
                int src = base + (y + oy) * dw + ox;
                int dst = y * w * 3;
                for (int x = 0; x < w; x++, src++, dst += 3) {
                    o[dst + 2] = level(img[src]);
                    o[dst + 1] = level(img[src + plane]);
                    o[dst] = level(img[src + 2 * plane]);
                }
            }
            return out;
        }
        BufferedImage full = toImage(img, i, dh, dw, dw, dh);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        double scale = Math.max((double) w / dw, (double) h / dh);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            int sw = (int) Math.ceil(dw * scale);
            int sh = (int) Math.ceil(dh * scale);
            g.drawImage(full, (w - sw) / 2, (h - sh) / 2, sw, sh, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte level(float v) {
        float x = (v * 0.5f + 0.5f) * 255f + 0.5f;
        return x <= 0 ? 0 : x >= 255 ? (byte) 255 : (byte) (int) x;
    }
}
