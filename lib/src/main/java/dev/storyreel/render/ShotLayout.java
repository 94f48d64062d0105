package dev.storyreel.render;

import dev.storyreel.shot.Seeds;

import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;

/**
 * One shot laid out once (palette, set, figures, caption, camera) and drawn frame by frame: each
 * frame only sets a transform per layer and fills precomputed shapes. Frames that cannot differ
 * (a static camera, a title card after its fade) are copied from the first such frame. Not shared
 * between threads: each render iterator makes its own.
 */
final class ShotLayout {

    private final ShotSpec spec;
    private final List<SceneLayer> layers;
    private final CaptionPainter text;
    private final Camera camera;
    private final int fadeFrames;
    private final int stillFrom;
    private byte[] still;

    private ShotLayout(ShotSpec spec, List<SceneLayer> layers, CaptionPainter text, Camera camera, int fadeFrames,
                     int stillFrom) {
        this.spec = spec;
        this.layers = layers;
        this.text = text;
        this.camera = camera;
        this.fadeFrames = fadeFrames;
        this.stillFrom = stillFrom;
    }

    static ShotLayout of(ShotSpec spec) {
        double w = spec.width();
        double h = spec.height();
        Palette p = Palette.of(spec.setting(), spec.style());
        if (spec.kind() == ShotKind.TITLE) {
            int fade = spec.frames() < 3 ? 0 : (int) StrictMath.min(StrictMath.round(spec.fps() * 0.8), (spec.frames() - 1) / 2);
            Camera still = new Camera(CameraMove.STATIC, w, h, w / 2, h / 2, 1);
            return new ShotLayout(spec, List.of(titleBackground(p, w, h)), CaptionPainter.title(spec, p), still, fade, fade);
        }
        boolean wide = spec.kind() == ShotKind.ESTABLISHING;
        List<SceneLayer> layers = new ArrayList<>();
        double ground;
        if (p.interior()) {
            ground = h * (wide ? 0.7 : 0.66);
            layers.addAll(InteriorPainter.interior(spec.setting(), p, w, h, ground));
        } else {
            ground = h * (wide ? 0.6 : 0.56);
            layers.addAll(SceneryPainter.exterior(spec.setting(), p, w, h, ground, spec.seed()));
        }
        FigurePainter.Cast cast = FigurePainter.cast(spec, p, ground);
        // Figures go in front of the set but behind its foreground (depth > 1) layers.
        int at = layers.size();
        while (at > 0 && layers.get(at - 1).depth() > 1) {
            at--;
        }
        layers.addAll(at, cast.layers());
        int dir = Seeds.direction(spec.seed());
        Camera camera = new Camera(spec.camera(), w, h, cast.focusX(), cast.focusY(), dir);
        int stillFrom = spec.camera() == CameraMove.STATIC ? 0 : Integer.MAX_VALUE;
        return new ShotLayout(spec, List.copyOf(layers), CaptionPainter.caption(spec, p), camera, 0, stillFrom);
    }

    /** Draws frame {@code index} into a fresh {@code TYPE_3BYTE_BGR} image. */
    BufferedImage frame(int index) {
        BufferedImage img = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        if (index >= stillFrom && still != null) {
            System.arraycopy(still, 0, pixels, 0, pixels.length);
            return img;
        }
        Graphics2D g = img.createGraphics();
        try {
            hints(g);
            double t = spec.frames() == 1 ? 0 : index / (double) (spec.frames() - 1);
            double e = Camera.ease(t);
            for (SceneLayer layer : layers) {
                g.setTransform(camera.transform(e, layer.depth()));
                layer.paint(g);
            }
            g.setTransform(new AffineTransform());
            text.paint(g);
            if (index < fadeFrames) {
                double k = 1 - Camera.ease(index / (double) fadeFrames);
                g.setColor(new Color(0, 0, 0, (int) StrictMath.round(255 * k)));
                g.fillRect(0, 0, spec.width(), spec.height());
            }
        } finally {
            g.dispose();
        }
        if (index >= stillFrom) {
            still = pixels.clone();
        }
        return img;
    }

    /** Deterministic, explicit rendering hints for every frame. */
    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_DITHERING, RenderingHints.VALUE_DITHER_DISABLE);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    private static SceneLayer titleBackground(Palette p, double w, double h) {
        SceneLayer.Builder b = new SceneLayer.Builder(0);
        b.backdrop(0, 0, w, h, 0, p.graded(0x1C2034), h, p.graded(0x0A0C14));
        b.ellipse(w / 2, h * 0.47, w * 0.36, h * 0.27, p.graded(0xFFFFFF, 12));
        double inset = h * 0.05;
        double line = StrictMath.max(1, h * 0.004);
        Path2D.Double ring = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        ring.append(new Rectangle2D.Double(inset, inset, w - 2 * inset, h - 2 * inset), false);
        ring.append(new Rectangle2D.Double(inset + line, inset + line, w - 2 * inset - 2 * line, h - 2 * inset - 2 * line), false);
        Color gold = p.graded(0xC8A050, 150);
        b.fill(ring, gold);
        double d = h * 0.018;
        for (double[] c : new double[][] {{inset, inset}, {w - inset, inset}, {inset, h - inset}, {w - inset, h - inset}}) {
            b.poly(gold, c[0], c[1] - d, c[0] + d, c[1], c[0], c[1] + d, c[0] - d, c[1]);
        }
        return b.build();
    }
}
