package dev.storyreel.render;

import dev.storyreel.shot.ShotSpec;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: render shots and measure pixels. */
final class Frames {

    private Frames() {
    }

    static List<BufferedImage> render(ShotSpec spec) {
        return render(spec, Overlay.NONE, Captions.NONE);
    }

    static List<BufferedImage> render(ShotSpec spec, Overlay overlay, Captions captions) {
        try (ProceduralRenderer r = new ProceduralRenderer(overlay, captions)) {
            List<BufferedImage> out = new ArrayList<>();
            r.render(List.of(spec).iterator()).forEachRemaining(f -> out.add(f.image()));
            return out;
        }
    }

    static BufferedImage last(ShotSpec spec) {
        List<BufferedImage> all = render(spec);
        return all.get(all.size() - 1);
    }

    static byte[] bytes(BufferedImage img) {
        return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }

    /** Mean absolute difference per channel (0..255) between two same-size frames. */
    static double meanAbsDiff(BufferedImage a, BufferedImage b) {
        byte[] x = bytes(a);
        byte[] y = bytes(b);
        long sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs((x[i] & 0xFF) - (y[i] & 0xFF));
        }
        return sum / (double) x.length;
    }

    /** Mean luma (0..255) of the rectangle [x0, x1) x [y0, y1). */
    static double luma(BufferedImage img, int x0, int y0, int x1, int y1) {
        double sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sum += luma(img.getRGB(x, y));
            }
        }
        return sum / ((double) (x1 - x0) * (y1 - y0));
    }

    static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }
}
