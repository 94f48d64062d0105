package dev.storyreel.render;

import dev.storyreel.shot.CameraMove;
import java.awt.geom.AffineTransform;

/**
 * The camera's transform per frame: eased progress {@code e} in [0, 1] and a layer depth give the
 * affine transform the layer is drawn with. Lateral moves displace near layers more than far ones
 * (parallax); a "static" camera still breathes (a slow creep in and a small drift), so no shot is a
 * still image. Moves never reveal the world's edges (the sets extend 40% past every side).
 *
 * @param move   the move
 * @param width  frame width
 * @param height frame height
 * @param focusX point zooms centre on
 * @param focusY point zooms centre on
 * @param dir    +1 or -1: direction of pans, tilts and tracks
 */
record Camera(CameraMove move, double width, double height, double focusX, double focusY, int dir) {

    /** A pan crosses 30% of the frame at the figures' depth. */
    static final double PAN = 0.3;
    static final double TILT = 0.16;
    static final double ZOOM = 0.35;
    static final double TRACK = 0.24;
    /** The breathing of a static camera: 7% creep in, 3% drift. */
    static final double CREEP = 0.07;
    static final double DRIFT = 0.03;

    /** Ease-in-out (smoothstep) of linear progress {@code t}. */
    static double ease(double t) {
        return t * t * (3 - 2 * t);
    }

    AffineTransform transform(double e, double depth) {
        double d = depth;
        return switch (move) {
            case STATIC -> {
                AffineTransform at = zoom(1 + CREEP * e * (0.4 + 0.6 * d));
                at.preConcatenate(AffineTransform.getTranslateInstance(dir * DRIFT * width * (0.5 - e) * d, 0));
                yield at;
            }
            case PAN -> AffineTransform.getTranslateInstance(dir * PAN * width * (0.5 - e) * (0.25 + 0.75 * d), 0);
            case TILT -> AffineTransform.getTranslateInstance(0, dir * TILT * height * (e - 0.5) * (0.3 + 0.7 * d));
            case PUSH_IN -> zoom(1 + ZOOM * e * (0.5 + 0.5 * d));
            case PULL_OUT -> zoom(1 + ZOOM * (1 - e) * (0.5 + 0.5 * d));
            case TRACK -> AffineTransform.getTranslateInstance(dir * TRACK * width * (0.5 - e) * d, 0);
        };
    }

    private AffineTransform zoom(double s) {
        AffineTransform at = AffineTransform.getTranslateInstance(focusX, focusY);
        at.scale(s, s);
        at.translate(-focusX, -focusY);
        return at;
    }
}
