package dev.storyreel.render;

import dev.storyreel.shot.CameraMove;
import java.awt.geom.AffineTransform;

/**
 * The camera's transform per frame: eased progress {@code e} in [0, 1] and a layer depth give the
 * affine transform the layer is drawn with. Moves never reveal the world's edges.
 *
 * @param move   the move
 * @param width  frame width
 * @param height frame height
 * @param focusX point a push-in/pull-out centres on
 * @param focusY point a push-in/pull-out centres on
 * @param dir    +1 or -1: direction of pans, tilts and tracks
 */
record Camera(CameraMove move, double width, double height, double focusX, double focusY, int dir) {

    static final double PAN = 0.14;
    static final double TILT = 0.12;
    static final double ZOOM = 0.24;
    static final double TRACK = 0.2;

    /** Ease-in-out (smoothstep) of linear progress {@code t}. */
    static double ease(double t) {
        return t * t * (3 - 2 * t);
    }

    AffineTransform transform(double e, double depth) {
        return switch (move) {
            case STATIC -> new AffineTransform();
            case PAN -> AffineTransform.getTranslateInstance(dir * PAN * width * (0.5 - e), 0);
            case TILT -> AffineTransform.getTranslateInstance(0, dir * TILT * height * (e - 0.5));
            case PUSH_IN -> zoom(1 + ZOOM * e);
            case PULL_OUT -> zoom(1 + ZOOM * (1 - e));
            case TRACK -> AffineTransform.getTranslateInstance(dir * TRACK * width * (0.5 - e) * depth, 0);
        };
    }

    private AffineTransform zoom(double s) {
        AffineTransform at = AffineTransform.getTranslateInstance(focusX, focusY);
        at.scale(s, s);
        at.translate(-focusX, -focusY);
        return at;
    }
}
