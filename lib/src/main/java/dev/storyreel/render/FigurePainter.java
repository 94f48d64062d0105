package dev.storyreel.render;

import dev.storyreel.shot.Seeds;

import dev.storyreel.shot.StableHash;

import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Characters as stylised figures with name labels, framed by the shot kind. A character's look
 * (clothes, skin, hair) comes from a stable hash of the name, so it is the same in every shot and
 * film; only the pose varies with the shot seed.
 */
final class FigurePainter {

    /** How a figure is drawn. */
    enum Mode { FRONT, SPEAKING, FADED, BACK }

    /** One figure: feet at (x, groundY), {@code height} from feet to the top of the head. */
    record Placement(String name, double x, double groundY, double height, int facing, Mode mode) {

        double headTop() {
            return groundY - height;
        }

        /** The pixel at the middle of the torso, where the character's colour is flat. */
        double bodyCentreY() {
            return groundY - 0.6 * height;
        }
    }

    /** The figure layers of a shot and the point a push-in centres on. */
    record Cast(List<SceneLayer> layers, List<Placement> placements, double focusX, double focusY) {
    }

    private static final int[] SKIN = {0xF1C8A5, 0xE0AC80, 0xC68B5E, 0x9A6440, 0x6E4630, 0xF5D5BA};
    private static final int[] HAIR = {0x1E1A18, 0x4A3020, 0x7A4A28, 0xC89A58, 0x9A9A9A, 0x8A3A1E};
    private static final int[] TROUSERS = {0x2E3440, 0x3E3428, 0x4A4E58, 0x1E2228, 0x5A4A3A};

    private FigurePainter() {
    }

    /** The name as identity: parentheticals like "(V.O.)" dropped, trimmed, upper case. */
    static String key(String name) {
        return name.replaceAll("\\(.*?\\)", "").strip().toUpperCase(Locale.ROOT);
    }

    /** A character's clothing colour before the style grade: a stable function of the name. */
    static Color characterColor(String name) {
        long h = StableHash.of(key(name));
        float hue = (float) ((Long.remainderUnsigned(h, 14) + 0.35 * StableHash.unit(h, 8)) / 14.0);
        float sat = 0.5f + 0.35f * (float) StableHash.unit(h, 16);
        float bri = 0.62f + 0.28f * (float) StableHash.unit(h, 32);
        return Color.getHSBColor(hue, sat, bri);
    }

    /**
     * Places and draws the shot's characters.
     *
     * @param ground where figures of a wide shot stand (horizon or floor line), in pixels
     */
    static Cast cast(ShotSpec spec, Palette p, double ground) {
        double w = spec.width();
        double h = spec.height();
        List<String> people = people(spec);
        String speaker = key(spec.speaker()).isEmpty() ? "" : key(spec.speaker());
        SplittableRandom r = Seeds.stream(spec.seed(), Seeds.Salt.POSE);
        List<Placement> back = new ArrayList<>();
        List<Placement> main = new ArrayList<>();
        List<Placement> front = new ArrayList<>();
        double fx = w / 2;
        double fy = h / 2;
        switch (spec.kind()) {
            case TITLE -> {
            }
            case ESTABLISHING -> {
                int n = StrictMath.min(3, people.size());
                double fh = h * 0.15;
                double gy = ground + (h - ground) * 0.3;
                for (int i = 0; i < n; i++) {
                    double x = w * (0.5 + (i - (n - 1) / 2.0) * 0.12 + (r.nextDouble() - 0.5) * 0.03);
                    main.add(new Placement(people.get(i), x, gy, fh, x < w / 2 ? 1 : -1,
                            people.get(i).equals(speaker) ? Mode.SPEAKING : Mode.FRONT));
                }
                fy = ground;
            }
            case ACTION -> {
                int n = StrictMath.min(6, people.size());
                double fh = h * (n <= 3 ? 0.62 : 0.5);
                double spacing = StrictMath.min(0.24, 0.8 / StrictMath.max(1, n));
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double x = w * (0.5 + (i - (n - 1) / 2.0) * spacing + (r.nextDouble() - 0.5) * 0.04);
                    main.add(new Placement(people.get(i), x, h * 0.95, fh, x < w / 2 ? 1 : -1,
                            people.get(i).equals(speaker) ? Mode.SPEAKING : Mode.FRONT));
                    sum += x;
                }
                if (n > 0) {
                    fx = sum / n;
                    fy = h * 0.95 - fh * 0.75;
                }
            }
            case DIALOGUE -> {
                String who = !speaker.isEmpty() ? speaker : people.isEmpty() ? "" : people.get(0);
                if (!who.isEmpty()) {
                    boolean left = people.indexOf(who) % 2 == 0;
                    List<String> others = new ArrayList<>(people);
                    others.remove(who);
                    double x = w * (others.isEmpty() ? 0.5 : left ? 0.36 : 0.64);
                    double fh = h * 1.45;
                    for (int i = 0; i < StrictMath.min(2, others.size()); i++) {
                        double ox = w * (left ? 0.93 - 0.1 * i : 0.07 + 0.1 * i);
                        back.add(new Placement(others.get(i), ox, h * 0.3 + h * 0.9, h * 0.9, left ? -1 : 1, Mode.FADED));
                    }
                    Placement s = new Placement(who, x, h * 0.14 + fh, fh, left ? 1 : -1,
                            who.equals(speaker) ? Mode.SPEAKING : Mode.FRONT);
                    main.add(s);
                    fx = x;
                    fy = s.headTop() + fh * 0.1;
                }
            }
            case REVERSE -> {
                String listener = people.stream().filter(n -> !n.equals(speaker)).findFirst().orElse("");
                String talker = !speaker.isEmpty() ? speaker : "";
                boolean speakerLeft = talker.isEmpty() ? people.indexOf(listener) % 2 == 1 : people.indexOf(talker) % 2 == 0;
                if (!listener.isEmpty()) {
                    double fh = h * 1.25;
                    double x = w * (speakerLeft ? 0.62 : 0.38);
                    Placement l = new Placement(listener, x, h * 0.16 + fh, fh, speakerLeft ? -1 : 1, Mode.FRONT);
                    main.add(l);
                    fx = x;
                    fy = l.headTop() + fh * 0.1;
                }
                if (!talker.isEmpty()) {
                    double fh = h * 2.0;
                    front.add(new Placement(talker, w * (speakerLeft ? 0.1 : 0.9), h * 0.32 + fh, fh,
                            speakerLeft ? 1 : -1, Mode.BACK));
                }
            }
            case TWO_SHOT -> {
                int n = StrictMath.min(2, people.size());
                double fh = h * 1.05;
                for (int i = 0; i < n; i++) {
                    double x = w * (n == 1 ? 0.5 : i == 0 ? 0.33 : 0.67);
                    main.add(new Placement(people.get(i), x, h * 0.17 + fh, fh, i == 0 ? 1 : -1,
                            people.get(i).equals(speaker) ? Mode.SPEAKING : Mode.FRONT));
                }
                fy = h * 0.17 + fh * 0.12;
            }
        }
        SceneLayer.Builder figures = new SceneLayer.Builder(1.0);
        List<Placement> behind = new ArrayList<>(back);
        behind.addAll(main);
        for (Placement pl : behind) {
            figure(figures, p, pl, spec.seed());
        }
        labels(figures, p, behind, w, h);
        List<SceneLayer> layers = new ArrayList<>();
        layers.add(figures.build());
        if (!front.isEmpty()) {
            SceneLayer.Builder fg = new SceneLayer.Builder(1.3);
            for (Placement pl : front) {
                figure(fg, p, pl, spec.seed());
            }
            labels(fg, p, front, w, h);
            layers.add(fg.build());
        }
        List<Placement> all = new ArrayList<>(back);
        all.addAll(main);
        all.addAll(front);
        fx = StrictMath.max(w * 0.2, StrictMath.min(w * 0.8, fx));
        fy = StrictMath.max(h * 0.2, StrictMath.min(h * 0.8, fy));
        return new Cast(layers, all, fx, fy);
    }

    /**
     * The characters in frame by key, in order, the speaker added first if missing, unless the director says the
     * speaker is heard and not seen (V.O., O.S.).
     */
    static List<String> people(ShotSpec spec) {
        List<String> out = new ArrayList<>();
        String speaker = key(spec.speaker());
        for (String c : spec.characters()) {
            String k = key(c);
            if (!k.isEmpty() && !out.contains(k)) {
                out.add(k);
            }
        }
        boolean heardOnly = spec.direction() != null && spec.direction().speakerMode() != null
                && spec.direction().speakerMode() != dev.storyreel.shot.SpeakerMode.ON;
        if (!speaker.isEmpty() && !out.contains(speaker) && spec.kind() != ShotKind.TITLE && !heardOnly) {
            out.add(0, speaker);
        }
        return out;
    }

    private static void figure(SceneLayer.Builder b, Palette p, Placement pl, long seed) {
        long hash = StableHash.of(pl.name());
        SplittableRandom pose = new SplittableRandom(seed ^ hash);
        Color body = p.graded(characterColor(pl.name()));
        Color skin = p.graded(SKIN[(int) ((hash >>> 40) % SKIN.length)]);
        Color hair = p.graded(HAIR[(int) ((hash >>> 44) % HAIR.length)]);
        Color legs = p.graded(TROUSERS[(int) ((hash >>> 52) % TROUSERS.length)]);
        int hairStyle = (int) ((hash >>> 48) % 3);
        if (pl.mode() == Mode.FADED) {
            body = Palette.mix(body, p.haze, 0.5);
            skin = Palette.mix(skin, p.haze, 0.5);
            hair = Palette.mix(hair, p.haze, 0.5);
            legs = Palette.mix(legs, p.haze, 0.5);
        } else if (pl.mode() == Mode.BACK) {
            body = Palette.shade(body, 0.55);
            skin = Palette.shade(skin, 0.55);
            hair = Palette.shade(hair, 0.6);
            legs = Palette.shade(legs, 0.55);
        }
        Color bodyShade = Palette.shade(body, 0.8);
        AffineTransform at = AffineTransform.getTranslateInstance(pl.x(), pl.groundY());
        at.scale(pl.height() * pl.facing(), pl.height());
        boolean back = pl.mode() == Mode.BACK;

        Path2D.Double torso = new Path2D.Double();
        torso.moveTo(-0.1, -0.805);
        torso.lineTo(0.1, -0.805);
        torso.quadTo(0.155, -0.8, 0.155, -0.73);
        torso.lineTo(0.125, -0.43);
        torso.lineTo(-0.125, -0.43);
        torso.lineTo(-0.155, -0.73);
        torso.quadTo(-0.155, -0.8, -0.1, -0.805);
        torso.closePath();
        Ellipse2D head = new Ellipse2D.Double(-0.09, -1.0, 0.18, 0.21);
        if (pl.mode() == Mode.SPEAKING) {
            // A bright rim around the speaker.
            BasicStroke rim = new BasicStroke(0.024f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            Color glow = p.graded(0xFFF2C8);
            b.fill(at.createTransformedShape(rim.createStrokedShape(torso)), glow);
            b.fill(at.createTransformedShape(rim.createStrokedShape(head)), glow);
        }
        b.fill(at.createTransformedShape(new RoundRectangle2D.Double(-0.105, -0.46, 0.092, 0.46, 0.04, 0.04)), legs);
        b.fill(at.createTransformedShape(new RoundRectangle2D.Double(0.013, -0.46, 0.092, 0.46, 0.04, 0.04)), legs);
        Color shoe = Palette.shade(legs, 0.5);
        b.fill(at.createTransformedShape(new Ellipse2D.Double(-0.125, -0.035, 0.12, 0.045)), shoe);
        b.fill(at.createTransformedShape(new Ellipse2D.Double(0.01, -0.035, 0.12, 0.045)), shoe);

        arm(b, at, -0.138, 0.03 + 0.09 * pose.nextDouble(), 0.12 * pose.nextDouble(), bodyShade, skin);
        b.fill(at.createTransformedShape(torso), body);
        b.fill(at.createTransformedShape(SceneLayer.polygon(0.07, -0.805, 0.1, -0.805, 0.155, -0.73, 0.125, -0.43,
                0.06, -0.43)), bodyShade);
        b.fill(at.createTransformedShape(new Rectangle2D.Double(-0.125, -0.455, 0.25, 0.03)), Palette.shade(legs, 0.7));
        if (!back) {
            b.fill(at.createTransformedShape(SceneLayer.polygon(-0.04, -0.805, 0.04, -0.805, 0, -0.74)), skin);
        }
        if (pl.mode() == Mode.SPEAKING) {
            arm(b, at, 0.138, 0.05 + 0.1 * pose.nextDouble(), 2.0 + 0.4 * pose.nextDouble(), bodyShade, skin);
        } else {
            arm(b, at, 0.138, -(0.03 + 0.09 * pose.nextDouble()), -0.12 * pose.nextDouble(), bodyShade, skin);
        }
        b.fill(at.createTransformedShape(new Rectangle2D.Double(-0.032, -0.83, 0.064, 0.06)), Palette.shade(skin, 0.88));
        if (hairStyle == 1) {
            b.fill(at.createTransformedShape(new RoundRectangle2D.Double(-0.112, -0.99, 0.16, 0.25, 0.1, 0.1)), hair);
        }
        b.fill(at.createTransformedShape(head), back ? hair : skin);
        if (!back) {
            Area cap = new Area(new Ellipse2D.Double(-0.1, -1.012, 0.196, 0.21));
            double fringe = hairStyle == 2 ? -0.97 : -0.95;
            cap.subtract(new Area(new Ellipse2D.Double(-0.076, fringe, 0.18, 0.2)));
            b.fill(at.createTransformedShape(cap), hair);
            Color ink = p.graded(0x1A1A22);
            b.fill(at.createTransformedShape(new Ellipse2D.Double(0.008, -0.915, 0.017, 0.021)), ink);
            b.fill(at.createTransformedShape(new Ellipse2D.Double(0.05, -0.915, 0.017, 0.021)), ink);
            b.fill(at.createTransformedShape(new Ellipse2D.Double(-0.078, -0.89, 0.026, 0.034)), Palette.shade(skin, 0.9));
            if (pl.mode() == Mode.SPEAKING) {
                b.fill(at.createTransformedShape(new Ellipse2D.Double(0.022, -0.858, 0.036, 0.024)), p.graded(0x6A2626));
            } else {
                b.fill(at.createTransformedShape(new Rectangle2D.Double(0.02, -0.85, 0.04, 0.007)),
                        Palette.shade(skin, 0.62));
            }
        }
    }

    /** An arm in two segments: upper arm from the shoulder, forearm bent by {@code fore} (radians) at the elbow. */
    private static void arm(SceneLayer.Builder b, AffineTransform at, double shoulderX, double upper, double fore,
                            Color sleeve, Color skin) {
        AffineTransform a = new AffineTransform(at);
        a.translate(shoulderX, -0.77);
        a.rotate(upper);
        b.fill(a.createTransformedShape(new RoundRectangle2D.Double(-0.029, -0.02, 0.058, 0.215, 0.055, 0.055)), sleeve);
        a.translate(0, 0.18);
        a.rotate(fore);
        b.fill(a.createTransformedShape(new RoundRectangle2D.Double(-0.027, -0.02, 0.054, 0.19, 0.05, 0.05)), sleeve);
        b.fill(a.createTransformedShape(new Ellipse2D.Double(-0.03, 0.16, 0.06, 0.06)), skin);
    }

    /** Name plates above the heads, kept inside the frame and lifted where they would overlap. */
    private static void labels(SceneLayer.Builder b, Palette p, List<Placement> placements, double w, double h) {
        List<Rectangle2D> taken = new ArrayList<>();
        for (Placement pl : placements) {
            double size = StrictMath.max(7, StrictMath.min(h * 0.042, StrictMath.max(h * 0.026, pl.height() * 0.05)));
            Font font = Fonts.SANS_BOLD.deriveFont((float) size);
            String text = pl.name();
            double tw = Fonts.width(font, text);
            double padX = size * 0.45;
            double padY = size * 0.28;
            double half = tw / 2 + padX;
            double cx = StrictMath.max(half + w * 0.01, StrictMath.min(w - half - w * 0.01, pl.x()));
            double baseline = StrictMath.max(size * 1.3, pl.headTop() - size * 0.55);
            double plateH = size + 2 * padY;
            Rectangle2D box = null;
            for (double shift : new double[] {0, -1.1, 1.1, -2.2, 2.2, 0}) {
                double y = baseline + shift * plateH;
                box = new Rectangle2D.Double(cx - half, y - size * 0.78 - padY, 2 * half, plateH);
                if (box.getY() >= 0 && !overlaps(box, taken)) {
                    baseline = y;
                    break;
                }
            }
            if (overlaps(box, taken) || box.getY() < 0) {
                box = new Rectangle2D.Double(cx - half, baseline - size * 0.78 - padY, 2 * half, plateH);
            }
            taken.add(box);
            Color plate = switch (pl.mode()) {
                case SPEAKING, BACK -> Palette.alpha(Palette.shade(p.graded(characterColor(pl.name())), 0.55), 225);
                case FADED -> p.graded(0x101418, 110);
                case FRONT -> p.graded(0x101418, 185);
            };
            Color ink = pl.mode() == Mode.FADED ? p.graded(0xFFFFFF, 150) : p.graded(0xFFFFFF);
            b.fill(new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(), size * 0.5, size * 0.5),
                    plate);
            b.fill(new Rectangle2D.Double(box.getX() + size * 0.25, box.getMaxY() - size * 0.16, box.getWidth() - size * 0.5,
                    size * 0.1), p.graded(characterColor(pl.name())));
            Shape glyphs = font.createGlyphVector(Fonts.FRC, text).getOutline((float) (cx - tw / 2), (float) baseline);
            b.fill(glyphs, ink);
        }
    }

    private static boolean overlaps(Rectangle2D box, List<Rectangle2D> taken) {
        for (Rectangle2D r : taken) {
            if (r.intersects(box)) {
                return true;
            }
        }
        return false;
    }
}
