package dev.storyreel.render;

import dev.storyreel.shot.StableHash;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.util.List;

/** The moving parts of a set that need no figure: drifting shapes, sweeping beams, flickering light, blinking lamps. */
final class Ambient {

    private Ambient() {
    }

    /**
     * Shapes that slide by ({@code dx}, {@code dy}) over the shot, optionally wrapping every {@code period}
     * pixels (passing scenery) and clipped to {@code clip} (a window) when given.
     */
    record Drift(double depth, SceneLayer shapes, double dx, double dy, double period, Shape clip) implements Layer {
        @Override
        public void paint(Graphics2D g, double t, int frame) {
            Shape oldClip = g.getClip();
            AffineTransform old = g.getTransform();
            if (clip != null) {
                g.clip(clip);
            }
            double ox = dx * t;
            double oy = dy * t;
            if (period > 0) {
                ox = ox % period;
                for (int k = -1; k <= 1; k++) {
                    g.setTransform(old);
                    g.translate(ox + k * period, oy);
                    shapes.paint(g);
                }
            } else {
                g.translate(ox, oy);
                shapes.paint(g);
            }
            g.setTransform(old);
            g.setClip(oldClip);
        }
    }

    /** A light beam (a translucent wedge) from (x, y) turning from {@code from} by {@code sweep} degrees over the shot. */
    record Beam(double depth, double x, double y, double length, double halfAngle, double from, double sweep, Color color)
            implements Layer {
        @Override
        public void paint(Graphics2D g, double t, int frame) {
            double a = from + sweep * t;
            g.setColor(color);
            g.fill(new Arc2D.Double(x - length, y - length, 2 * length, 2 * length, a - halfAngle, 2 * halfAngle, Arc2D.PIE));
            g.setColor(Palette.alpha(color, StrictMath.min(255, color.getAlpha() * 2)));
            g.fill(new Arc2D.Double(x - length, y - length, 2 * length, 2 * length, a - halfAngle / 3, 2 * halfAngle / 3,
                    Arc2D.PIE));
        }
    }

    /** A glow whose strength changes from frame to frame (lamplight, candles, a failing tube), and rises over the shot. */
    record Flicker(double depth, double x, double y, double radius, Color color, long seed) implements Layer {
        @Override
        public void paint(Graphics2D g, double t, int frame) {
            double k = 0.55 + 0.3 * StableHash.unit(StableHash.mix(seed + frame), 0) + 0.35 * t;
            for (int ring = 3; ring >= 1; ring--) {
                double r = radius * ring / 3.0;
                int alpha = (int) StrictMath.min(255, color.getAlpha() * k / ring);
                g.setColor(Palette.alpha(color, alpha));
                g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            }
        }
    }

    /** Small lamps (readouts, indicator lights) that switch on and off in a fixed pattern. */
    record Blink(double depth, List<Shape> lamps, Color on, Color off, long seed) implements Layer {
        @Override
        public void paint(Graphics2D g, double t, int frame) {
            for (int i = 0; i < lamps.size(); i++) {
                long h = StableHash.mix(seed + i * 31L + (frame / 3 + i) / 2);
                g.setColor((h & 3) == 0 ? off : on);
                g.fill(lamps.get(i));
            }
        }
    }
}
