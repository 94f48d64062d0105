package dev.storyreel.render;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A precomputed list of filled shapes at one depth (0 = the sky at infinity, 1 = the figures,
 * above 1 = foreground); each frame only sets the camera transform and fills them.
 */
record SceneLayer(double depth, List<Shape> shapes, List<Paint> paints) {

    SceneLayer {
        shapes = List.copyOf(shapes);
        paints = List.copyOf(paints);
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

    void paint(Graphics2D g) {
        for (int i = 0; i < shapes.size(); i++) {
            g.setPaint(paints.get(i));
            g.fill(shapes.get(i));
        }
    }

    /** Collects shapes in painting order. */
    static final class Builder {
        private final double depth;
        private final List<Shape> shapes = new ArrayList<>();
        private final List<Paint> paints = new ArrayList<>();

        Builder(double depth) {
            this.depth = depth;
        }

        Builder fill(Shape shape, Paint paint) {
            shapes.add(shape);
            paints.add(paint);
            return this;
        }

        Builder rect(double x, double y, double w, double h, Paint paint) {
            return fill(new java.awt.geom.Rectangle2D.Double(x, y, w, h), paint);
        }

        Builder circle(double cx, double cy, double r, Paint paint) {
            return fill(new java.awt.geom.Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r), paint);
        }

        Builder ellipse(double cx, double cy, double rx, double ry, Paint paint) {
            return fill(new java.awt.geom.Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry), paint);
        }

        /** A closed polygon through the points {@code x0, y0, x1, y1, ...}. */
        Builder poly(Paint paint, double... xy) {
            return fill(polygon(xy), paint);
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
            return shapes.isEmpty();
        }

        SceneLayer build() {
            return new SceneLayer(depth, shapes, paints);
        }
    }
}
