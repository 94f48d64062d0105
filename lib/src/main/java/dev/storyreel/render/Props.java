package dev.storyreel.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;

/** Draws one prop of the {@link PropLexicon} from its shape template: bottom centre at (x, base), {@code ht} tall. */
final class Props {

    private Props() {
    }

    static void draw(SceneLayer.Builder b, Palette p, PropLexicon.Prop prop, double x, double base, double ht) {
        Color c = p.lit(prop.rgb());
        Color dark = Palette.shade(c, 0.6);
        Color ink = p.lit(0x1A1A1E);
        switch (prop.shape()) {
            case BOX -> {
                b.rect(x - ht * 0.6, base - ht, ht * 1.2, ht, c);
                b.rect(x - ht * 0.6, base - ht, ht * 1.2, ht * 0.15, Palette.shade(c, 1.15));
                b.rect(x - ht * 0.05, base - ht, ht * 0.1, ht, dark);
            }
            case ROUND -> {
                b.ellipse(x, base - ht / 2, ht * 0.6, ht / 2, c);
                b.ellipse(x - ht * 0.15, base - ht * 0.65, ht * 0.15, ht * 0.1, Palette.shade(c, 1.3));
            }
            case CUP -> {
                b.poly(c, x - ht * 0.35, base - ht, x + ht * 0.35, base - ht, x + ht * 0.28, base, x - ht * 0.28, base);
                b.ellipse(x, base - ht, ht * 0.35, ht * 0.1, dark);
            }
            case BOTTLE -> {
                b.fill(new RoundRectangle2D.Double(x - ht * 0.16, base - ht * 0.7, ht * 0.32, ht * 0.7, ht * 0.1, ht * 0.1), c);
                b.rect(x - ht * 0.06, base - ht, ht * 0.12, ht * 0.32, c);
                b.rect(x - ht * 0.16, base - ht * 0.5, ht * 0.32, ht * 0.2, p.lit(0xE8E0C8));
            }
            case SCREEN -> {
                b.rect(x - ht * 0.75, base - ht, ht * 1.5, ht * 0.85, ink);
                b.rect(x - ht * 0.68, base - ht * 0.94, ht * 1.36, ht * 0.72, p.graded(0x6AA0D8));
                b.rect(x - ht * 0.1, base - ht * 0.15, ht * 0.2, ht * 0.15, c);
            }
            case PHONE -> {
                b.fill(new RoundRectangle2D.Double(x - ht * 0.27, base - ht, ht * 0.54, ht, ht * 0.12, ht * 0.12), c);
                b.rect(x - ht * 0.22, base - ht * 0.92, ht * 0.44, ht * 0.8, p.graded(0x7AC8F0));
            }
            case DOOR -> {
                b.rect(x - ht * 0.25, base - ht, ht * 0.5, ht, c);
                b.rect(x - ht * 0.2, base - ht * 0.95, ht * 0.4, ht * 0.4, Palette.shade(c, 0.85));
                b.circle(x + ht * 0.17, base - ht * 0.5, ht * 0.025, p.lit(0xC8A850));
            }
            case WINDOW -> {
                b.rect(x - ht * 0.6, base - ht, ht * 1.2, ht, c);
                b.backdrop(x - ht * 0.52, base - ht * 0.92, ht * 1.04, ht * 0.84, base - ht, p.skyTop, base, p.skyBottom);
                b.rect(x - ht * 0.02, base - ht, ht * 0.04, ht, c);
            }
            case CAR -> car(b, x, base, ht, c, ink, p.graded(0xBFD8E8));
            case BUS -> {
                b.fill(new RoundRectangle2D.Double(x - ht * 1.4, base - ht, ht * 2.8, ht * 0.9, ht * 0.15, ht * 0.15), c);
                for (double k = -1.25; k < 1.2; k += 0.4) {
                    b.rect(x + k * ht, base - ht * 0.85, ht * 0.3, ht * 0.3, p.graded(0xBFD8E8));
                }
                b.circle(x - ht, base - ht * 0.1, ht * 0.12, ink);
                b.circle(x + ht, base - ht * 0.1, ht * 0.12, ink);
            }
            case BIKE -> {
                BasicStroke s = new BasicStroke((float) StrictMath.max(1, ht * 0.06));
                double rw = ht * 0.32;
                b.fill(s.createStrokedShape(new Ellipse2D.Double(x - ht * 0.7, base - 2 * rw, 2 * rw, 2 * rw)), ink);
                b.fill(s.createStrokedShape(new Ellipse2D.Double(x + ht * 0.7 - 2 * rw, base - 2 * rw, 2 * rw, 2 * rw)), ink);
                Path2D.Double frame = new Path2D.Double();
                frame.moveTo(x - ht * 0.38, base - rw);
                frame.lineTo(x - ht * 0.05, base - ht * 0.85);
                frame.lineTo(x + ht * 0.38, base - rw);
                frame.moveTo(x - ht * 0.05, base - ht * 0.85);
                frame.lineTo(x + ht * 0.3, base - ht * 0.95);
                frame.moveTo(x - ht * 0.38, base - rw);
                frame.lineTo(x + ht * 0.1, base - rw);
                b.fill(s.createStrokedShape(frame), c);
            }
            case BOAT -> boat(b, x, base, ht, c, p.lit(0xF0F0EA));
            case TREE -> {
                b.rect(x - ht * 0.04, base - ht * 0.5, ht * 0.08, ht * 0.5, p.lit(0x5A3E28));
                b.circle(x, base - ht * 0.7, ht * 0.28, c);
            }
            case PLANT -> {
                b.poly(p.lit(0x9A5A3A), x - ht * 0.2, base - ht * 0.3, x + ht * 0.2, base - ht * 0.3, x + ht * 0.15, base,
                        x - ht * 0.15, base);
                b.circle(x, base - ht * 0.62, ht * 0.3, c);
                b.circle(x - ht * 0.15, base - ht * 0.8, ht * 0.14, Palette.shade(c, 1.2));
            }
            case LAMP -> {
                b.rect(x - ht * 0.03, base - ht * 0.8, ht * 0.06, ht * 0.8, ink);
                b.poly(c, x - ht * 0.25, base - ht * 0.7, x - ht * 0.15, base - ht, x + ht * 0.15, base - ht, x + ht * 0.25,
                        base - ht * 0.7);
                b.circle(x, base - ht * 0.72, ht * 0.35, p.graded(0xFFE0A0, 60));
            }
            case CAKE -> {
                b.rect(x - ht * 0.8, base - ht * 0.5, ht * 1.6, ht * 0.5, c);
                b.rect(x - ht * 0.55, base - ht * 0.9, ht * 1.1, ht * 0.42, Palette.shade(c, 1.1));
                b.rect(x - ht * 0.8, base - ht * 0.52, ht * 1.6, ht * 0.08, p.lit(0xFFFFFF));
                b.circle(x, base - ht * 0.97, ht * 0.08, p.lit(0xC82030));
                b.ellipse(x, base, ht * 0.95, ht * 0.06, p.lit(0xE8E8E8));
            }
            case GUN -> {
                b.rect(x - ht * 0.5, base - ht, ht * 1.2, ht * 0.3, c);
                b.rect(x - ht * 0.45, base - ht * 0.75, ht * 0.3, ht * 0.75, c);
            }
            case TORCH -> {
                b.rect(x - ht * 0.5, base - ht * 0.6, ht, ht * 0.35, c);
                b.rect(x + ht * 0.45, base - ht * 0.72, ht * 0.2, ht * 0.6, Palette.shade(c, 1.3));
                b.poly(p.graded(0xFFF4C0, 70), x + ht * 0.6, base - ht * 0.7, x + ht * 6, base - ht * 2.2, x + ht * 6,
                        base + ht * 1.6, x + ht * 0.6, base - ht * 0.15);
            }
            case BAG -> {
                b.fill(new RoundRectangle2D.Double(x - ht * 0.5, base - ht * 0.8, ht, ht * 0.8, ht * 0.2, ht * 0.2), c);
                b.fill(new BasicStroke((float) StrictMath.max(1, ht * 0.06)).createStrokedShape(
                        new Ellipse2D.Double(x - ht * 0.2, base - ht, ht * 0.4, ht * 0.4)), dark);
            }
            case BOOK -> {
                b.rect(x - ht * 0.8, base - ht, ht * 1.6, ht, c);
                b.rect(x - ht * 0.8, base - ht, ht * 0.15, ht, dark);
            }
            case CASE -> {
                b.ellipse(x, base - ht * 0.28, ht * 0.2, ht * 0.28, c);
                b.ellipse(x, base - ht * 0.68, ht * 0.15, ht * 0.2, c);
                b.rect(x - ht * 0.05, base - ht, ht * 0.1, ht * 0.25, c);
            }
            case CLOCK -> {
                b.circle(x, base - ht / 2, ht / 2, dark);
                b.circle(x, base - ht / 2, ht * 0.42, c);
                b.rect(x - ht * 0.02, base - ht * 0.85, ht * 0.04, ht * 0.35, ink);
                b.rect(x, base - ht * 0.52, ht * 0.28, ht * 0.04, ink);
            }
            case BOARD -> {
                b.rect(x - ht * 0.9, base - ht, ht * 1.8, ht, dark);
                b.rect(x - ht * 0.84, base - ht * 0.94, ht * 1.68, ht * 0.88, c);
                for (int i = 0; i < 3; i++) {
                    b.rect(x - ht * 0.7, base - ht * (0.8 - 0.25 * i), ht * (0.9 + 0.3 * (i % 2)), ht * 0.06,
                            p.lit(0xF0F0E8));
                }
            }
            case CHAIR -> {
                b.rect(x - ht * 0.25, base - ht, ht * 0.08, ht, c);
                b.rect(x - ht * 0.25, base - ht * 0.5, ht * 0.5, ht * 0.08, c);
                b.rect(x + ht * 0.17, base - ht * 0.5, ht * 0.08, ht * 0.5, c);
            }
            case TABLE -> {
                b.rect(x - ht * 0.9, base - ht, ht * 1.8, ht * 0.1, c);
                b.rect(x - ht * 0.8, base - ht, ht * 0.08, ht, dark);
                b.rect(x + ht * 0.72, base - ht, ht * 0.08, ht, dark);
            }
            case BED -> {
                b.fill(new RoundRectangle2D.Double(x - ht * 1.4, base - ht, ht * 2.8, ht * 0.8, ht * 0.2, ht * 0.2), c);
                b.rect(x - ht * 1.4, base - ht * 0.3, ht * 2.8, ht * 0.3, dark);
            }
            case STICK -> {
                java.awt.geom.AffineTransform at = java.awt.geom.AffineTransform.getRotateInstance(0.35, x, base);
                b.fill(at.createTransformedShape(new java.awt.geom.Rectangle2D.Double(x - ht * 0.04, base - ht, ht * 0.08, ht)),
                        c);
            }
            case HELMET -> {
                b.fill(new java.awt.geom.Arc2D.Double(x - ht * 0.6, base - ht, ht * 1.2, ht * 1.6, 0, 180,
                        java.awt.geom.Arc2D.CHORD), c);
                b.rect(x - ht * 0.6, base - ht * 0.22, ht * 1.2, ht * 0.22, dark);
            }
            case LADDER -> {
                b.rect(x - ht * 0.15, base - ht, ht * 0.03, ht, c);
                b.rect(x + ht * 0.12, base - ht, ht * 0.03, ht, c);
                for (double y = base - ht * 0.1; y > base - ht; y -= ht * 0.12) {
                    b.rect(x - ht * 0.15, y, ht * 0.3, ht * 0.025, c);
                }
            }
            case BARRIER -> {
                b.rect(x - ht * 0.05, base - ht, ht * 0.1, ht, p.lit(0x3A3A3A));
                b.rect(x, base - ht * 0.9, ht * 2.2, ht * 0.12, p.lit(0xF4F4F0));
                for (int i = 0; i < 5; i++) {
                    b.rect(x + i * ht * 0.44, base - ht * 0.9, ht * 0.22, ht * 0.12, c);
                }
            }
            case COIL -> {
                BasicStroke s = new BasicStroke((float) StrictMath.max(1, ht * 0.15));
                b.fill(s.createStrokedShape(new Ellipse2D.Double(x - ht, base - ht, ht * 2, ht)), c);
                b.fill(s.createStrokedShape(new Ellipse2D.Double(x - ht * 0.6, base - ht * 0.8, ht * 1.2, ht * 0.6)), dark);
            }
            case RADIO -> {
                b.fill(new RoundRectangle2D.Double(x - ht * 0.8, base - ht * 0.8, ht * 1.6, ht * 0.8, ht * 0.1, ht * 0.1), c);
                b.circle(x - ht * 0.4, base - ht * 0.4, ht * 0.25, dark);
                b.rect(x + ht * 0.1, base - ht * 0.6, ht * 0.5, ht * 0.15, p.graded(0xE8B040));
                b.rect(x + ht * 0.5, base - ht * 1.3, ht * 0.04, ht * 0.5, ink);
            }
            case DISH -> {
                b.rect(x - ht * 0.04, base - ht * 0.6, ht * 0.08, ht * 0.6, dark);
                b.fill(java.awt.geom.AffineTransform.getRotateInstance(-0.5, x, base - ht * 0.6).createTransformedShape(
                        new java.awt.geom.Arc2D.Double(x - ht * 0.5, base - ht * 1.1, ht, ht * 0.6, 180, 180,
                                java.awt.geom.Arc2D.CHORD)), c);
            }
        }
    }

    /** A car seen side on: body, cabin, windows, wheels. */
    static void car(SceneLayer.Builder b, double x, double base, double ht, Color body, Color tyre, Color glass) {
        b.fill(new RoundRectangle2D.Double(x - ht * 1.2, base - ht * 0.7, ht * 2.4, ht * 0.5, ht * 0.2, ht * 0.2), body);
        b.poly(body, x - ht * 0.7, base - ht * 0.65, x - ht * 0.45, base - ht, x + ht * 0.45, base - ht, x + ht * 0.75,
                base - ht * 0.65);
        b.poly(glass, x - ht * 0.6, base - ht * 0.68, x - ht * 0.4, base - ht * 0.93, x - ht * 0.03, base - ht * 0.93,
                x - ht * 0.03, base - ht * 0.68);
        b.poly(glass, x + ht * 0.03, base - ht * 0.68, x + ht * 0.03, base - ht * 0.93, x + ht * 0.4, base - ht * 0.93,
                x + ht * 0.65, base - ht * 0.68);
        b.circle(x - ht * 0.7, base - ht * 0.2, ht * 0.2, tyre);
        b.circle(x + ht * 0.7, base - ht * 0.2, ht * 0.2, tyre);
        b.circle(x - ht * 0.7, base - ht * 0.2, ht * 0.08, Palette.shade(glass, 0.8));
        b.circle(x + ht * 0.7, base - ht * 0.2, ht * 0.08, Palette.shade(glass, 0.8));
    }

    /** A small boat seen side on: hull and wheelhouse. */
    static void boat(SceneLayer.Builder b, double x, double base, double ht, Color hull, Color house) {
        b.poly(hull, x - ht * 1.3, base - ht * 0.5, x + ht * 1.4, base - ht * 0.5, x + ht, base, x - ht * 1.1, base);
        b.rect(x - ht * 0.5, base - ht, ht * 0.7, ht * 0.5, house);
        b.rect(x - ht * 0.4, base - ht * 0.9, ht * 0.2, ht * 0.2, Palette.shade(hull, 0.5));
        b.rect(x - ht * 0.1, base - ht * 0.9, ht * 0.2, ht * 0.2, Palette.shade(hull, 0.5));
    }
}
