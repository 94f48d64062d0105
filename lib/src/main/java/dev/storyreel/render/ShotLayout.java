package dev.storyreel.render;

import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.Seeds;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSize;
import dev.storyreel.shot.ShotSpec;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One shot laid out once (palette, set, props, cast, weather, camera, text) and drawn frame by frame:
 * each frame sets the camera transform per layer depth and paints. Exposes where it put faces,
 * figures, name tags, the label and the caption, so tests can check the composition. Not shared
 * between threads: each render iterator makes its own.
 */
final class ShotLayout {

    /**
     * A part of the frame the layout uses (before camera moves; text never moves).
     *
     * @param kind what is there
     * @param name the character, for faces, figures and name tags; "" otherwise
     * @param box  where, in pixels
     */
    record Region(Kind kind, String name, Rectangle2D box) {
        /** What a region holds. */
        enum Kind { FACE, FIGURE, NEAR_SHOULDER, NAME_TAG, LABEL, CAPTION, TITLE }
    }

    private final ShotSpec spec;
    private final List<Layer> layers;
    private final TextOverlay text;
    private final Camera camera;
    private final int fadeFrames;
    private final List<Region> regions;
    private final ArtDepartment.Dressing dressing;
    private final ShotSize size;

    private ShotLayout(ShotSpec spec, List<Layer> layers, TextOverlay text, Camera camera, int fadeFrames,
                       List<Region> regions, ArtDepartment.Dressing dressing, ShotSize size) {
        this.spec = spec;
        this.layers = List.copyOf(layers);
        this.text = text;
        this.camera = camera;
        this.fadeFrames = fadeFrames;
        this.regions = List.copyOf(regions);
        this.dressing = dressing;
        this.size = size;
    }

    /** The layout of a shot with the default clean picture (no label, no captions). */
    static ShotLayout of(ShotSpec spec) {
        return of(spec, Overlay.NONE, Captions.NONE);
    }

    static ShotLayout of(ShotSpec spec, Overlay overlay, Captions captions) {
        double w = spec.width();
        double h = spec.height();
        Palette p = Palette.of(spec.setting(), spec.style());
        ArtDepartment.Dressing dressing = ArtDepartment.dress(spec);
        int dir = Seeds.direction(spec.seed());
        if (spec.kind() == ShotKind.TITLE) {
            int fade = spec.frames() < 3 ? 0 : (int) StrictMath.min(StrictMath.round(spec.fps() * 0.8), (spec.frames() - 1) / 2);
            TextOverlay title = TextOverlay.title(spec, p, overlay);
            Camera still = new Camera(CameraMove.STATIC, w, h, w / 2, h / 2, dir);
            return new ShotLayout(spec, titleBackground(p, w, h), title, still, fade, title.regions(), dressing,
                    ShotSize.EXTREME_WIDE);
        }
        SetDesign design = SetDesign.of(spec.setting());
        SetPainter.Built set = SetPainter.build(design, spec.setting(), p, w, h);
        List<PropLexicon.Prop> props = ArtDepartment.props(spec);
        CastPainter.Cast cast = CastPainter.stage(spec, p, set, props);
        List<Layer> layers = new ArrayList<>(set.behind());
        layers.add(propLayer(spec, p, set, props, cast));
        List<Region> regions = new ArrayList<>();
        List<Figure> near = new ArrayList<>();
        for (Figure f : cast.figures()) {
            if (f.back()) {
                near.add(f);
                regions.add(new Region(Region.Kind.NEAR_SHOULDER, f.look().name(), f.bodyBox(0.5)));
            } else {
                layers.add(f);
                regions.add(new Region(Region.Kind.FACE, f.look().name(), f.faceBox(0.5)));
                regions.add(new Region(Region.Kind.FIGURE, f.look().name(), f.bodyBox(0.5)));
            }
        }
        layers.addAll(set.front());
        layers.addAll(near);
        Set<Weather.Kind> weather = Weather.of(spec);
        boolean open = !design.interior() || design == SetDesign.CAR || design == SetDesign.TRAIN;
        double bx = w * 0.5;
        double by = h * 0.5;
        if (!cast.figures().isEmpty()) {
            Figure f = cast.figures().get(0);
            bx = f.x() + f.facing() * f.height() * 0.15;
            by = f.ground() - f.height() * 0.55;
        }
        layers.addAll(Weather.layers(spec, weather, p, open, bx, by));
        Camera camera = new Camera(spec.camera(), w, h, cast.focusX(), cast.focusY(), dir);
        TextOverlay text = TextOverlay.shot(spec, p, design.id(), cast.figures(), overlay, captions, spec.caption());
        regions.addAll(text.regions());
        return new ShotLayout(spec, layers, text, camera, 0, regions, dressing, cast.size());
    }

    /** Props the text names that are not in a hand: on the set's surface, the floor, the wall or far off. */
    private static Layer propLayer(ShotSpec spec, Palette p, SetPainter.Built set, List<PropLexicon.Prop> props,
                                   CastPainter.Cast cast) {
        double w = spec.width();
        double h = spec.height();
        double u = StrictMath.min(h, w * 0.8);
        SceneLayer.Builder b = new SceneLayer.Builder(0.95);
        boolean insert = cast.size() == ShotSize.INSERT;
        double ref = u * 0.62;
        double[] floorSlots = {0.22, 0.78, 0.12, 0.88, 0.35, 0.65};
        double[] tableSlots = {0, -0.18, 0.18, -0.32, 0.32};
        int floor = 0;
        int table = 0;
        for (int i = 0; i < props.size(); i++) {
            PropLexicon.Prop prop = props.get(i);
            if (insert && i == 0) {
                Props.draw(b, p, prop, w / 2, h * 0.8, StrictMath.min(h * 0.55, w * 0.35));
                continue;
            }
            boolean held = prop.place() == PropLexicon.Place.HAND && !cast.figures().isEmpty()
                    && cast.figures().get(0).handProp() == prop;
            if (held) {
                continue;
            }
            double ht = StrictMath.max(2, prop.size() * ref);
            switch (prop.place()) {
                case TABLE, HAND -> {
                    if (!Double.isNaN(set.surfaceY())) {
                        Props.draw(b, p, prop, set.surfaceX() + tableSlots[table++ % tableSlots.length] * u, set.surfaceY(), ht);
                    } else {
                        double x = w * floorSlots[floor++ % floorSlots.length];
                        Props.draw(b, p, prop, x, set.floorY() + (h - set.floorY()) * 0.45, ht);
                    }
                }
                case FLOOR -> {
                    double x = w * floorSlots[floor++ % floorSlots.length];
                    Props.draw(b, p, prop, x, set.floorY() + (h - set.floorY()) * 0.5, ht);
                }
                case WALL -> Props.draw(b, p, prop, w * (0.3 + 0.4 * (i % 2)), set.floorY() - u * 0.1, ht);
                case FAR -> Props.draw(b, p, prop, w * (0.15 + 0.7 * ((i + 1) % 2)), set.floorY() + u * 0.04, ht * 0.6);
            }
        }
        return b.build();
    }

    /** Draws frame {@code index} into a fresh {@code TYPE_3BYTE_BGR} image. */
    BufferedImage frame(int index) {
        BufferedImage img = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        try {
            hints(g);
            double t = spec.frames() == 1 ? 0 : index / (double) (spec.frames() - 1);
            double e = Camera.ease(t);
            for (Layer layer : layers) {
                g.setTransform(camera.transform(e, layer.depth()));
                layer.paint(g, t, index);
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
        return img;
    }

    /** Where the layout put faces, figures, name tags, the label and the caption. */
    List<Region> regions() {
        return regions;
    }

    /** Regions of one kind. */
    List<Region> regions(Region.Kind kind) {
        return regions.stream().filter(r -> r.kind() == kind).toList();
    }

    /** The title-safe area of this shot's frame. */
    Rectangle2D safeArea() {
        return TextOverlay.safe(spec.width(), spec.height());
    }

    /** The set and props drawn. */
    ArtDepartment.Dressing dressing() {
        return dressing;
    }

    /** The shot size drawn. */
    ShotSize size() {
        return size;
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

    private static List<Layer> titleBackground(Palette p, double w, double h) {
        SceneLayer.Builder b = new SceneLayer.Builder(0);
        b.backdrop(0, 0, w, h, 0, p.graded(0x1C2034), h, p.graded(0x0A0C14));
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
        SceneLayer.Builder glow = new SceneLayer.Builder(0);
        glow.ellipse(w / 2, h * 0.47, w * 0.36, h * 0.27, p.graded(0xFFFFFF, 14));
        glow.ellipse(w / 2, h * 0.47, w * 0.2, h * 0.15, p.graded(0xFFF0D0, 10));
        return List.of(b.build(), new Ambient.Drift(0, glow.build(), w * 0.12, 0, 0, null));
    }
}
