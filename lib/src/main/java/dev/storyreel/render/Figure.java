package dev.storyreel.render;

import dev.storyreel.shot.StableHash;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * One character drawn on every frame in a pose: breathing, blinking, moving their mouth while they
 * speak, walking, running, falling or climbing across the shot. Drawn in unit coordinates (feet at 0,
 * the top of the head at -1, facing +x) scaled to {@code height} pixels.
 *
 * @param look      the character's appearance
 * @param pose      what the body does
 * @param x         feet position at the middle of the shot
 * @param ground    feet line
 * @param height    feet to the top of the head, in pixels
 * @param facing    +1 facing right, -1 facing left (arms point, eyes look that way)
 * @param back      seen from behind (the near shoulder of an over-the-shoulder shot)
 * @param talking   mouth moves (the character's own line, on screen)
 * @param travel    horizontal travel over the shot in pixels (walking, running), centred on {@code x}
 * @param fps       frames per second (mouth rate)
 * @param duration  the shot's length in seconds (gait rate)
 * @param seed      the shot's pose seed
 * @param handProp  a prop in the hand, or null
 * @param palette   the shot's colours
 * @param depth     camera depth (1 for figures, more for the near shoulder)
 */
record Figure(Appearance look, Pose pose, double x, double ground, double height, int facing, boolean back,
              boolean talking, double travel, double fps, double duration, long seed, PropLexicon.Prop handProp,
              Palette palette, double depth) implements Layer {

    /** What a body does in a shot. */
    enum Pose { STAND, TALK, WALK, RUN, SIT, KNEEL, LIE, FALL, POINT, WAVE, REACH, HOLD, EMBRACE, CLIMB }

    private static final Ellipse2D HEAD = new Ellipse2D.Double(-0.09, -1.0, 0.18, 0.21);

    /** The transform from unit coordinates to the frame at progress t (before the camera). */
    AffineTransform placement(double t) {
        double phase = seed % 1000 / 159.0;
        double sway = pose == Pose.RUN || pose == Pose.WALK ? 0 : 0.006 * StrictMath.sin(2 * StrictMath.PI * t + phase);
        double px = x + travel * (t - 0.5) * facing;
        double py = ground;
        if (pose == Pose.CLIMB) {
            py -= height * 0.18 * t;
        }
        if (pose == Pose.WALK || pose == Pose.RUN) {
            double step = StrictMath.abs(StrictMath.sin(gait(t)));
            py -= height * (pose == Pose.RUN ? 0.03 : 0.012) * step;
        }
        AffineTransform at = AffineTransform.getTranslateInstance(px + sway * height, py);
        if (pose == Pose.FALL) {
            at.rotate(facing * StrictMath.toRadians(82) * Camera.ease(t));
        } else if (pose == Pose.LIE) {
            at.translate(0, -height * 0.04);
            at.rotate(-facing * StrictMath.PI / 2);
        }
        double breath = 1 + 0.008 * StrictMath.sin(2 * StrictMath.PI * 1.7 * t + phase);
        at.scale(height * facing * look.build(), height * breath);
        return at;
    }

    private double gait(double t) {
        double seconds = t * duration;
        return 2 * StrictMath.PI * seconds * (pose == Pose.RUN ? 1.6 : 0.9);
    }

    /** The head's box on the frame at progress t (before the camera). */
    Rectangle2D faceBox(double t) {
        AffineTransform at = placement(t);
        if (hipDrop() > 0) {
            at.translate(0, hipDrop());
        }
        return at.createTransformedShape(HEAD).getBounds2D();
    }

    /** The whole body's box on the frame at progress t (before the camera). */
    Rectangle2D bodyBox(double t) {
        double reach = pose == Pose.POINT || pose == Pose.EMBRACE || pose == Pose.REACH || pose == Pose.HOLD ? 0.34 : 0.22;
        return placement(t).createTransformedShape(new Rectangle2D.Double(-reach, -1.02, 2 * reach, 1.02)).getBounds2D();
    }

    /** How far the upper body sits below its standing place (sitting, kneeling). */
    private double hipDrop() {
        return switch (pose) {
            case SIT -> 0.16;
            case KNEEL -> 0.2;
            default -> 0;
        };
    }

    @Override
    public void paint(Graphics2D g, double t, int frame) {
        Palette p = palette;
        Color top = p.graded(look.top());
        Color skin = p.graded(look.skin());
        Color hair = p.graded(look.hair());
        Color legs = p.graded(look.legs());
        if (back) {
            top = Palette.shade(top, 0.45);
            skin = Palette.shade(skin, 0.45);
            hair = Palette.shade(hair, 0.5);
            legs = Palette.shade(legs, 0.45);
        }
        Color topShade = Palette.shade(top, 0.78);
        AffineTransform base = placement(t);
        AffineTransform old = g.getTransform();
        AffineTransform world = new AffineTransform(old);
        world.concatenate(base);
        g.setTransform(world);
        double swing = pose == Pose.WALK || pose == Pose.RUN ? StrictMath.sin(gait(t)) * (pose == Pose.RUN ? 0.7 : 0.35) : 0;
        double drop = hipDrop();
        // Legs.
        if (drop > 0) {
            fill(g, new RoundRectangle2D.Double(-0.11, -0.3, 0.22, 0.1, 0.06, 0.06), legs);
            fill(g, new RoundRectangle2D.Double(-0.1, -0.24, 0.085, 0.24, 0.04, 0.04), legs);
            fill(g, new RoundRectangle2D.Double(0.015, -0.24, 0.085, 0.24, 0.04, 0.04), legs);
        } else {
            leg(g, -0.055, swing, legs);
            leg(g, 0.055, -swing, legs);
        }
        g.translate(0, drop);
        if (pose == Pose.RUN) {
            g.rotate(0.12, 0, -0.46);
        }
        // Far arm behind the body.
        double[] far = farArm(t, frame, swing);
        arm(g, -0.138, far[0], far[1], topShade, skin);
        // Torso (and a long coat over the legs).
        double w = 1.0;
        Path2D.Double torso = new Path2D.Double();
        torso.moveTo(-0.1 * w, -0.805);
        torso.lineTo(0.1 * w, -0.805);
        torso.quadTo(0.155, -0.8, 0.155, -0.73);
        double hem = look.longCoat() && drop == 0 ? -0.2 : -0.43;
        double flare = look.longCoat() ? 0.15 : 0.125;
        if (look.woman() && !look.longCoat()) {
            torso.lineTo(0.11, -0.55);
            torso.lineTo(0.14, hem);
            torso.lineTo(-0.14, hem);
            torso.lineTo(-0.11, -0.55);
        } else {
            torso.lineTo(flare, hem);
            torso.lineTo(-flare, hem);
        }
        torso.lineTo(-0.155, -0.73);
        torso.quadTo(-0.155, -0.8, -0.1, -0.805);
        torso.closePath();
        fill(g, torso, top);
        fill(g, SceneLayer.polygon(0.07, -0.805, 0.1, -0.805, 0.155, -0.73, flare, hem, 0.06, hem), topShade);
        if (!back) {
            fill(g, SceneLayer.polygon(-0.04, -0.805, 0.04, -0.805, 0, -0.74), skin);
        }
        fill(g, new Rectangle2D.Double(-0.032, -0.83, 0.064, 0.06), Palette.shade(skin, 0.88));
        head(g, t, frame, skin, hair);
        // Near arm in front.
        double[] near = nearArm(t, frame, swing);
        Point hand = arm(g, 0.138, near[0], near[1], topShade, skin);
        g.setTransform(old);
        if (handProp != null && !back) {
            java.awt.geom.Point2D.Double at = new java.awt.geom.Point2D.Double(hand.x(), hand.y());
            AffineTransform full = new AffineTransform(base);
            full.translate(0, drop);
            full.transform(at, at);
            SceneLayer.Builder b = new SceneLayer.Builder(depth);
            double ht = StrictMath.max(2, handProp.size() * height * 0.9);
            Props.draw(b, p, handProp, at.x, at.y + ht * 0.4, ht);
            b.build().paint(g);
        }
    }

    private record Point(double x, double y) {
    }

    private static void fill(Graphics2D g, Shape s, Color c) {
        g.setColor(c);
        g.fill(s);
    }

    private void leg(Graphics2D g, double hipX, double angle, Color legs) {
        AffineTransform old = g.getTransform();
        g.translate(hipX, -0.46);
        g.rotate(-angle);
        fill(g, new RoundRectangle2D.Double(-0.046, 0, 0.092, 0.46, 0.04, 0.04), legs);
        fill(g, new Ellipse2D.Double(-0.06, 0.425, 0.12, 0.045), Palette.shade(legs, 0.5));
        g.setTransform(old);
    }

    /** Upper-arm and forearm angles of the far arm (radians forward from hanging). */
    private double[] farArm(double t, int frame, double swing) {
        return switch (pose) {
            case WALK, RUN -> new double[] {-swing, pose == Pose.RUN ? 1.2 : 0.3};
            case EMBRACE -> new double[] {1.35, 0.3};
            case CLIMB -> new double[] {2.9 - 0.3 * StrictMath.sin(frame * 0.5), 0.1};
            case REACH -> new double[] {1.0, 0.2};
            case FALL -> new double[] {2.2 * Camera.ease(t), 0.3};
            default -> new double[] {0.08, 0.1};
        };
    }

    private double[] nearArm(double t, int frame, double swing) {
        double wobble = StrictMath.sin(frame * 0.35 + seed % 7);
        return switch (pose) {
            case WALK, RUN -> new double[] {swing, pose == Pose.RUN ? 1.2 : 0.3};
            case POINT -> new double[] {1.5, 0.0};
            case WAVE -> new double[] {2.6, 0.5 + 0.45 * wobble};
            case REACH -> new double[] {1.1 + 0.3 * t, 0.1};
            case HOLD -> new double[] {0.35, 1.3};
            case EMBRACE -> new double[] {1.4, 0.4};
            case CLIMB -> new double[] {2.9 + 0.3 * StrictMath.sin(frame * 0.5), 0.1};
            case TALK -> new double[] {0.3 + 0.15 * wobble, 1.3 + 0.3 * wobble};
            case FALL -> new double[] {2.5 * Camera.ease(t), 0.4};
            case SIT, KNEEL -> new double[] {0.5, 1.0};
            default -> new double[] {0.1 + 0.03 * wobble, 0.15};
        };
    }

    /** Draws an arm from the shoulder; returns the hand's centre in unit coordinates. */
    private Point arm(Graphics2D g, double shoulderX, double upper, double fore, Color sleeve, Color skin) {
        AffineTransform old = g.getTransform();
        AffineTransform a = AffineTransform.getTranslateInstance(shoulderX, -0.77);
        a.rotate(-upper);
        a.translate(0, 0.18);
        a.rotate(-fore);
        g.translate(shoulderX, -0.77);
        g.rotate(-upper);
        fill(g, new RoundRectangle2D.Double(-0.029, -0.02, 0.058, 0.215, 0.055, 0.055), sleeve);
        g.translate(0, 0.18);
        g.rotate(-fore);
        fill(g, new RoundRectangle2D.Double(-0.027, -0.02, 0.054, 0.19, 0.05, 0.05), sleeve);
        fill(g, new Ellipse2D.Double(-0.03, 0.16, 0.06, 0.06), skin);
        g.setTransform(old);
        java.awt.geom.Point2D.Double hand = new java.awt.geom.Point2D.Double(0, 0.19);
        a.transform(hand, hand);
        return new Point(hand.x, hand.y);
    }

    private void head(Graphics2D g, double t, int frame, Color skin, Color hair) {
        Appearance.HairStyle style = look.hairStyle();
        if (style == Appearance.HairStyle.LONG || style == Appearance.HairStyle.BRAID) {
            fill(g, new RoundRectangle2D.Double(-0.112, -0.99, 0.2, style == Appearance.HairStyle.LONG ? 0.27 : 0.2, 0.1, 0.1),
                    hair);
        }
        if (style == Appearance.HairStyle.BRAID) {
            for (int i = 0; i < 5; i++) {
                fill(g, new Ellipse2D.Double(-0.135 + 0.004 * i, -0.84 + i * 0.045, 0.05, 0.055), hair);
            }
        }
        if (style == Appearance.HairStyle.PONYTAIL) {
            fill(g, new Ellipse2D.Double(-0.16, -0.95, 0.07, 0.16), hair);
        }
        fill(g, HEAD, back ? hair : skin);
        if (back) {
            return;
        }
        if (style != Appearance.HairStyle.BALD) {
            Area cap = new Area(new Ellipse2D.Double(-0.1, -1.012, 0.196, 0.21));
            double fringe = style == Appearance.HairStyle.SHORT ? -0.95 : -0.965;
            cap.subtract(new Area(new Ellipse2D.Double(-0.076, fringe, 0.18, 0.2)));
            fill(g, cap, hair);
        }
        if (style == Appearance.HairStyle.BUN) {
            fill(g, new Ellipse2D.Double(-0.045, -1.05, 0.09, 0.08), hair);
        }
        if (style == Appearance.HairStyle.CURLY) {
            for (int i = 0; i < 6; i++) {
                double a = StrictMath.PI * (0.95 + 1.1 * i / 5.0);
                fill(g, new Ellipse2D.Double(StrictMath.cos(a) * 0.09 - 0.035, -0.9 + StrictMath.sin(a) * 0.1 - 0.035, 0.07,
                        0.07), hair);
            }
        }
        if (look.hat() >= 0) {
            Color hat = palette.graded(look.hat());
            fill(g, new java.awt.geom.Arc2D.Double(-0.1, -1.06, 0.2, 0.16, 0, 180, java.awt.geom.Arc2D.CHORD), hat);
            fill(g, new Rectangle2D.Double(-0.13, -0.985, 0.26, 0.018), Palette.shade(hat, 0.8));
        }
        Color ink = palette.graded(0x1A1A22);
        double look = 0.012;
        boolean blink = StableHash.mix(seed + frame / 3) % 23 == 0;
        if (blink) {
            fill(g, new Rectangle2D.Double(0.0, -0.906, 0.03, 0.005), ink);
            fill(g, new Rectangle2D.Double(0.045, -0.906, 0.03, 0.005), ink);
        } else {
            fill(g, new Ellipse2D.Double(-0.002, -0.918, 0.032, 0.026), palette.graded(0xF8F8F4));
            fill(g, new Ellipse2D.Double(0.043, -0.918, 0.032, 0.026), palette.graded(0xF8F8F4));
            fill(g, new Ellipse2D.Double(0.004 + look, -0.915, 0.016, 0.02), ink);
            fill(g, new Ellipse2D.Double(0.049 + look, -0.915, 0.016, 0.02), ink);
        }
        fill(g, new Ellipse2D.Double(-0.078, -0.89, 0.026, 0.034), Palette.shade(skin, 0.9));
        if (this.look.age() == 3) {
            fill(g, new Rectangle2D.Double(0.0, -0.93, 0.075, 0.004), Palette.shade(skin, 0.75));
        }
        if (this.look.beard()) {
            Area beard = new Area(new Ellipse2D.Double(-0.07, -0.9, 0.15, 0.12));
            beard.subtract(new Area(new Rectangle2D.Double(-0.1, -1.0, 0.3, 0.125)));
            fill(g, beard, hair);
        }
        double open = 0;
        if (talking) {
            long h = StableHash.mix(seed * 31 + frame / StrictMath.max(1, (int) (fps / 8)));
            open = (h & 3) == 0 ? 0.004 : 0.012 + 0.022 * StableHash.unit(h, 8);
        }
        if (open > 0) {
            fill(g, new Ellipse2D.Double(0.022, -0.862, 0.04, open), palette.graded(0x5A1E1E));
        } else {
            fill(g, new Rectangle2D.Double(0.02, -0.852, 0.042, 0.007), Palette.shade(skin, 0.62));
        }
        if (this.look.glasses()) {
            java.awt.BasicStroke s = new java.awt.BasicStroke(0.006f);
            fill(g, s.createStrokedShape(new Ellipse2D.Double(-0.01, -0.925, 0.045, 0.038)), ink);
            fill(g, s.createStrokedShape(new Ellipse2D.Double(0.04, -0.925, 0.045, 0.038)), ink);
        }
    }
}
