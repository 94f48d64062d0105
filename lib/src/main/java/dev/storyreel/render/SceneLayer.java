package dev.storyreel.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A precomputed list of filled shapes at one depth (0 = the sky at infinity, 1 = the figures,
 * above 1 = foreground); each frame only sets the camera transform and fills them.
 */
record SceneLayer(double depth, List<Item> items) implements Layer {

    /** One filled shape; large backdrops skip antialiasing, whose cost grows with the area covered. */
    record Item(Shape shape, Paint paint, boolean antialias) {
    }

    SceneLayer {
        items = List.copyOf(items);
    }

    /** A closed polygon through the points {@code x0, y0, x1, y1, ...}. */
    static Path2D polygon(double... xy) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, xy.length / 2 + 1);
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }

    @Override
    public void paint(Graphics2D g, double t, int frame) {
        paint(g);
    }

    /** Fills the items; expects antialiasing on and leaves it on. */
    void paint(Graphics2D g) {
        boolean aa = true;
        for (Item item : items) {
            if (item.antialias() != aa) {
                aa = item.antialias();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                        aa ? RenderingHints.VALUE_ANTIALIAS_ON : RenderingHints.VALUE_ANTIALIAS_OFF);
            }
            g.setPaint(item.paint());
            g.fill(item.shape());
        }
        if (!aa) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        }
    }

    /** Collects shapes in painting order. */
    static final class Builder {
        private final double depth;
        private final List<Item> items = new ArrayList<>();

        Builder(double depth) {
            this.depth = depth;
        }

        Builder fill(Shape shape, Paint paint) {
            items.add(new Item(shape, paint, true));
            return this;
        }

        Builder rect(double x, double y, double w, double h, Paint paint) {
            return fill(new Rectangle2D.Double(x, y, w, h), paint);
        }

        Builder circle(double cx, double cy, double r, Paint paint) {
            return fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r), paint);
        }

        Builder ellipse(double cx, double cy, double rx, double ry, Paint paint) {
            return fill(new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry), paint);
        }

        /** A closed polygon through the points {@code x0, y0, x1, y1, ...}. */
        Builder poly(Paint paint, double... xy) {
            return fill(polygon(xy), paint);
        }

        /**
         * A backdrop rectangle with a vertical gradient from {@code top} at {@code y0} to {@code bottom}
         * at {@code y1}, as thin solid bands without antialiasing (far cheaper than a gradient paint,
         * and the steps stay below one grey level).
         */
        Builder backdrop(double x, double y, double w, double h, double y0, Color top, double y1, Color bottom) {
            double end = y + h;
            if (y < y0) {
                items.add(new Item(new Rectangle2D.Double(x, y, w, StrictMath.min(y0, end) - y), top, false));
            }
            int steps = (int) StrictMath.max(2, StrictMath.min(160, (y1 - y0) / 3));
            double d = (y1 - y0) / steps;
            for (int i = 0; i < steps; i++) {
                double a = y0 + i * d;
                double b = i == steps - 1 ? y1 : y0 + (i + 1) * d;
                double from = StrictMath.max(a, y);
                double to = StrictMath.min(b, end);
                if (to > from) {
                    items.add(new Item(new Rectangle2D.Double(x, from, w, to - from),
                            Palette.mix(top, bottom, (i + 0.5) / steps), false));
                }
            }
            if (end > y1) {
                double from = StrictMath.max(y1, y);
                items.add(new Item(new Rectangle2D.Double(x, from, w, end - from), bottom, false));
            }
            return this;
        }

        /** Fills many same-orientation shapes (rectangles, circles) as one path: one fill call. */
        Builder fillAll(List<? extends Shape> many, Paint paint) {
            if (!many.isEmpty()) {
                Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
                for (Shape s : many) {
                    path.append(s, false);
                }
                fill(path, paint);
            }
            return this;
        }

        boolean isEmpty() {
            return items.isEmpty();
        }

        SceneLayer build() {
            return new SceneLayer(depth, items);
        }
    }
}
