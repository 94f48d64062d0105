package dev.storyreel.render;

import dev.storyreel.shot.Seeds;
import dev.storyreel.shot.Setting;
import dev.storyreel.shot.StableHash;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Builds a {@link SetDesign} as layers at several depths from reusable parts (sky, hills, sea, buildings,
 * walls, floors, windows, doors, counters, shelves...). Everything random comes from the location's seed,
 * so a location is the same set in every shot and two locations of one kind differ. The world extends a
 * third of the frame past every edge, so camera moves never reveal its end.
 */
final class SetPainter {

    static final double SKY = 0.0;
    static final double FAR = 0.35;
    static final double BACK = 0.7;
    static final double MID = 0.88;
    static final double FRONT = 1.3;

    /**
     * A built set.
     *
     * @param behind   layers behind the figures, back to front
     * @param front    foreground layers, in front of the figures
     * @param floorY   where the back wall (or horizon) meets the floor
     * @param surfaceY the top of the set's counter or table (props stand on it), or NaN
     * @param surfaceX the centre of that surface
     * @param seated   whether the set's people sit (vehicles, pews)
     */
    record Built(List<Layer> behind, List<Layer> front, double floorY, double surfaceY, double surfaceX, boolean seated) {
    }

    private static final int[] WALLS = {0xD8CDB8, 0xA9B79C, 0x9FB1C4, 0xC99A7E, 0xB8B2AA, 0xC8B4CF, 0xD9C89A, 0xE0D4C0};
    private static final int[] FABRIC = {0x7A3B3B, 0x3B5A7A, 0x5A6E3B, 0x8A6A3A, 0x5A4A6E, 0x2E5E5A, 0x8A4A6A};
    private static final int[] BRIGHT = {0xD84A3A, 0x3A7AD8, 0xE8B830, 0x3AA860, 0xA85AC8, 0xE87A30, 0x30B8B8};
    private static final int WOOD = 0x8A6242;

    private final SetDesign design;
    private final Palette p;
    private final double w;
    private final double h;
    private final double u;
    private final double cx;
    private final double gy;
    private final double xa;
    private final double xb;
    private final double ya;
    private final double yb;
    private final long seed;
    private final SplittableRandom r;
    private final SceneLayer.Builder sky = new SceneLayer.Builder(SKY);
    private final SceneLayer.Builder far = new SceneLayer.Builder(FAR);
    private final SceneLayer.Builder back = new SceneLayer.Builder(BACK);
    private final SceneLayer.Builder mid = new SceneLayer.Builder(MID);
    private final SceneLayer.Builder fore = new SceneLayer.Builder(FRONT);
    private final List<Layer> skyMoves = new ArrayList<>();
    private final List<Layer> backMoves = new ArrayList<>();
    private final List<Layer> midMoves = new ArrayList<>();
    private final List<Layer> foreMoves = new ArrayList<>();
    private double surfaceY = Double.NaN;
    private double surfaceX;
    private boolean seated;

    private SetPainter(SetDesign design, Setting setting, Palette p, double w, double h) {
        this.design = design;
        this.p = p;
        this.w = w;
        this.h = h;
        this.u = StrictMath.min(h, w * 0.8);
        this.cx = w / 2;
        this.gy = h * (design.interior() ? 0.64 : 0.56);
        this.xa = -0.4 * w;
        this.xb = 1.4 * w;
        this.ya = -0.4 * h;
        this.yb = 1.4 * h;
        this.seed = locationSeed(setting);
        this.r = Seeds.stream(seed, Seeds.Salt.SET);
        this.surfaceX = cx;
    }

    /** The seed of a location: its exposure, place and sub-location, whatever the shot. */
    static long locationSeed(Setting s) {
        return StableHash.of(s.exposure() + "|" + s.location().strip().toUpperCase(Locale.ROOT) + "|"
                + s.subLocation().strip().toUpperCase(Locale.ROOT));
    }

    /** Builds the set of {@code setting} for a frame of w x h. */
    static Built build(SetDesign design, Setting setting, Palette p, double w, double h) {
        SetPainter s = new SetPainter(design, setting, p, w, h);
        s.paint();
        List<Layer> behind = new ArrayList<>();
        behind.add(s.sky.build());
        behind.addAll(s.skyMoves);
        behind.add(s.far.build());
        behind.add(s.back.build());
        behind.addAll(s.backMoves);
        behind.add(s.mid.build());
        behind.addAll(s.midMoves);
        List<Layer> front = new ArrayList<>();
        if (!s.fore.isEmpty()) {
            front.add(s.fore.build());
        }
        front.addAll(s.foreMoves);
        return new Built(List.copyOf(behind), List.copyOf(front), s.gy, s.surfaceY, s.surfaceX, s.seated);
    }

    private void paint() {
        switch (design) {
            case KITCHEN -> kitchen();
            case LIVING_ROOM -> livingRoom();
            case BEDROOM -> bedroom();
            case OFFICE -> office();
            case SHOP -> shop();
            case BAR -> bar();
            case CAR -> car();
            case TRAIN -> train();
            case DECK -> deck();
            case STREET -> street();
            case COUNTRYSIDE -> countryside();
            case FOREST -> forest();
            case BEACH -> beach();
            case LIGHTHOUSE -> lighthouse();
            case LANTERN_ROOM -> lanternRoom();
            case MOUNTAIN -> mountain();
            case DESERT -> desert();
            case PLATFORM -> platform();
            case HOSPITAL -> hospital();
            case CORRIDOR -> corridor();
            case STAIRWELL -> stairwell();
            case CONTROL_ROOM -> controlRoom();
            case SPACE -> space();
            case AIRLOCK -> airlock();
            case WAREHOUSE -> warehouse();
            case CHURCH -> church();
            case CHURCH_FRONT -> churchFront();
            case CLASSROOM -> classroom();
            case STAGE -> stage();
            case HARBOUR -> harbour();
            case TERMINAL -> terminal();
            case TICKET_HALL -> ticketHall();
        }
    }

    // ---- colours -------------------------------------------------------------------------------

    private Color c(int rgb) {
        return p.lit(rgb);
    }

    private Color hazed(int rgb, double haze) {
        return p.lit(rgb, haze);
    }

    private Color glow(int rgb, int alpha) {
        return p.graded(rgb, alpha);
    }

    private int pick(int[] options) {
        return options[r.nextInt(options.length)];
    }

    private boolean night() {
        return p.night();
    }

    // ---- exterior parts ------------------------------------------------------------------------

    private void skyDome(boolean stars) {
        sky.backdrop(xa, ya, xb - xa, gy - ya + 2, 0, p.skyTop, gy, p.skyBottom);
        if (stars || night()) {
            List<Shape> dots = new ArrayList<>();
            for (int i = 0; i < 140; i++) {
                double s = u * (0.003 + 0.004 * r.nextDouble());
                dots.add(new Ellipse2D.Double(xa + r.nextDouble() * (xb - xa), ya + r.nextDouble() * (gy - ya) * 0.95, s, s));
            }
            sky.fillAll(dots, glow(0xF4F4FF, 210));
        }
        if (night()) {
            sky.circle(cx + (r.nextDouble() - 0.2) * 0.5 * w, gy * 0.22, u * 0.045, p.sun);
        } else if (p.light() != Palette.Light.DAY) {
            sky.circle(cx + (r.nextDouble() - 0.5) * 0.6 * w, gy - u * 0.05, u * 0.08, p.sun);
        } else {
            sky.circle(cx + (r.nextDouble() - 0.5) * 0.8 * w, gy * 0.25, u * 0.05, p.sun);
        }
    }

    /** Clouds that drift across the sky over the shot. */
    private void clouds(int count) {
        SceneLayer.Builder b = new SceneLayer.Builder(0.15);
        Color cloud = night() ? glow(0x8A90A8, 70) : p.light() == Palette.Light.DAY ? glow(0xFFFFFF, 190) : glow(0xFFD8C0, 150);
        for (int i = 0; i < count; i++) {
            double x = xa + (xb - xa) * (i + r.nextDouble()) / count;
            double y = gy * (0.12 + 0.45 * r.nextDouble());
            double s = u * (0.05 + 0.05 * r.nextDouble());
            b.ellipse(x, y, s * 2.2, s * 0.7, cloud);
            b.ellipse(x - s, y + s * 0.15, s * 1.3, s * 0.55, cloud);
            b.ellipse(x + s * 0.8, y - s * 0.25, s * 1.2, s * 0.75, cloud);
        }
        skyMoves.add(new Ambient.Drift(0.15, b.build(), (r.nextBoolean() ? 1 : -1) * 0.12 * w, 0, 0, null));
    }

    private void hills(SceneLayer.Builder b, double base, double amp, Color color) {
        int n = 14;
        double[] xy = new double[2 * (n + 1) + 4];
        for (int i = 0; i <= n; i++) {
            xy[2 * i] = xa + (xb - xa) * i / n;
            xy[2 * i + 1] = base - amp * (0.3 + 0.7 * r.nextDouble());
        }
        xy[2 * n + 2] = xb;
        xy[2 * n + 3] = yb;
        xy[2 * n + 4] = xa;
        xy[2 * n + 5] = yb;
        b.fill(smooth(xy, n + 1), color);
    }

    /** A closed shape through the first {@code n} points smoothed with quadratic curves, then the rest straight. */
    private static Path2D smooth(double[] xy, int n) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 1; i < n - 1; i++) {
            double mx = (xy[2 * i] + xy[2 * i + 2]) / 2;
            double my = (xy[2 * i + 1] + xy[2 * i + 3]) / 2;
            path.quadTo(xy[2 * i], xy[2 * i + 1], mx, my);
        }
        path.lineTo(xy[2 * n - 2], xy[2 * n - 1]);
        for (int i = n; i < xy.length / 2; i++) {
            path.lineTo(xy[2 * i], xy[2 * i + 1]);
        }
        path.closePath();
        return path;
    }

    private void ground(SceneLayer.Builder b, double top, int near, int farRgb) {
        b.backdrop(xa, top, xb - xa, yb - top, top, hazed(farRgb, 0.15), h, c(near));
    }

    /** Sea from {@code top} to {@code bottom}, with wave crests that roll along over the shot. */
    private void sea(double top, double bottom) {
        back.backdrop(xa, top, xb - xa, bottom - top, top, hazed(0x2E5A78, 0.35), bottom, c(0x1E4A66));
        SceneLayer.Builder waves = new SceneLayer.Builder(BACK);
        Color crest = night() ? glow(0x8AA8C8, 90) : glow(0xE8F4FF, 150);
        double period = u * 0.5;
        List<Shape> lines = new ArrayList<>();
        for (int row = 0; row < 9; row++) {
            double y = top + (bottom - top) * (0.06 + row / 9.0);
            double len = u * (0.03 + 0.03 * row / 3.0);
            double off = r.nextDouble() * period;
            for (double x = xa - period + off; x < xb + period; x += period * (0.4 + 0.15 * (row % 3))) {
                lines.add(new Rectangle2D.Double(x, y, len, StrictMath.max(1, u * 0.004 * (1 + row / 3.0))));
            }
        }
        waves.fillAll(lines, crest);
        backMoves.add(new Ambient.Drift(BACK, waves.build(), -0.1 * w, 0, period, new Rectangle2D.Double(xa, top, xb - xa,
                bottom - top)));
    }

    private void buildings(SceneLayer.Builder b, double base, double minH, double maxH, double haze, boolean shops) {
        double x = xa;
        List<Shape> lit = new ArrayList<>();
        List<Shape> dark = new ArrayList<>();
        while (x < xb) {
            double bw = u * (0.35 + 0.3 * r.nextDouble());
            double bh = minH + (maxH - minH) * r.nextDouble();
            b.rect(x, base - bh, bw - u * 0.01, bh, hazed(pick(new int[] {0x9A7A6A, 0xB8A48A, 0x7A8A9A, 0xC8B8A0, 0x8A6A5A,
                    0x6A6A74}), haze));
            b.rect(x - u * 0.005, base - bh - u * 0.012, bw + u * 0.005, u * 0.015, hazed(0x4A4440, haze));
            double ww = u * 0.045;
            double wh = u * 0.06;
            for (double wy = base - bh + u * 0.05; wy < base - (shops ? u * 0.2 : u * 0.08); wy += u * 0.11) {
                for (double wx = x + u * 0.04; wx < x + bw - u * 0.06; wx += u * 0.09) {
                    (night() && r.nextDouble() < 0.55 ? lit : dark).add(new Rectangle2D.Double(wx, wy, ww, wh));
                }
            }
            if (shops) {
                int awning = pick(BRIGHT);
                b.rect(x + u * 0.02, base - u * 0.16, bw - u * 0.05, u * 0.14, night() ? glow(0xF0D090, 255) : c(0x6A7A84));
                b.poly(c(awning), x + u * 0.01, base - u * 0.2, x + bw - u * 0.02, base - u * 0.2, x + bw, base - u * 0.15,
                        x, base - u * 0.15);
            }
            x += bw;
        }
        b.fillAll(dark, hazed(night() ? 0x20242E : 0x5A6E84, haze));
        b.fillAll(lit, glow(0xF6D27A, 255));
    }

    private void pine(SceneLayer.Builder b, double x, double base, double ht, Color leaf) {
        b.rect(x - ht * 0.03, base - ht * 0.2, ht * 0.06, ht * 0.2, Palette.shade(leaf, 0.6));
        for (int i = 0; i < 3; i++) {
            double top = base - ht * (1 - 0.22 * i);
            double wid = ht * (0.18 + 0.08 * i);
            b.poly(Palette.shade(leaf, 1 - 0.08 * i), x, top, x + wid, top + ht * 0.42, x - wid, top + ht * 0.42);
        }
    }

    private void roundTree(SceneLayer.Builder b, double x, double base, double ht, Color leaf) {
        b.rect(x - ht * 0.04, base - ht * 0.45, ht * 0.08, ht * 0.45, c(0x5A3E28));
        b.circle(x, base - ht * 0.68, ht * 0.3, leaf);
        b.circle(x - ht * 0.18, base - ht * 0.55, ht * 0.2, Palette.shade(leaf, 0.9));
        b.circle(x + ht * 0.18, base - ht * 0.58, ht * 0.22, Palette.shade(leaf, 1.08));
    }

    private void lamppost(SceneLayer.Builder b, List<Layer> moves, double depth, double x, double base, double ht) {
        b.rect(x - u * 0.008, base - ht, u * 0.016, ht, c(0x2A2C30));
        b.rect(x - u * 0.03, base - ht - u * 0.02, u * 0.06, u * 0.025, c(0x2A2C30));
        b.rect(x - u * 0.022, base - ht + u * 0.004, u * 0.044, u * 0.012, glow(night() ? 0xFFE8A0 : 0xD8D8C8, 255));
        if (night() || p.light() == Palette.Light.DUSK) {
            moves.add(new Ambient.Flicker(depth, x, base - ht + u * 0.01, u * 0.16, glow(0xFFD890, 40), seed + (long) x));
        }
    }

    private void mountains(SceneLayer.Builder b, double base, double ht, int rgb, boolean snow, double haze) {
        double x = xa - u * 0.3;
        while (x < xb) {
            double wid = u * (0.5 + 0.5 * r.nextDouble());
            double top = base - ht * (0.55 + 0.45 * r.nextDouble());
            double px = x + wid * (0.4 + 0.2 * r.nextDouble());
            b.poly(hazed(rgb, haze), x, base, px, top, x + wid * 1.4, base);
            b.poly(hazed(Palette.shade(new Color(rgb), 0.8).getRGB() & 0xFFFFFF, haze), px, top, x + wid * 1.4, base,
                    px + wid * 0.1, base);
            if (snow) {
                double k = 0.28;
                b.poly(hazed(0xF4F6FA, haze * 0.5), px, top, px + (x + wid * 1.4 - px) * k, top + (base - top) * k,
                        px + wid * 0.05, top + (base - top) * k * 0.8, px - (px - x) * k * 0.5, top + (base - top) * k * 1.1,
                        px - (px - x) * k, top + (base - top) * k);
            }
            x += wid;
        }
    }

    // ---- interior parts ------------------------------------------------------------------------

    private void wall(int rgb) {
        Color cl = c(rgb);
        back.backdrop(xa, ya, xb - xa, gy - ya + 1, ya + h * 0.3, Palette.shade(cl, 0.8), gy, cl);
        back.rect(xa, gy - h * 0.025, xb - xa, h * 0.025, Palette.shade(cl, 0.6));
    }

    private void floor(int rgb, boolean tiles) {
        Color fc = c(rgb);
        back.backdrop(xa, gy, xb - xa, yb - gy, gy, Palette.shade(fc, 0.8), h, fc);
        List<Shape> seams = new ArrayList<>();
        double line = StrictMath.max(1, u * 0.003);
        for (int k = -30; k <= 30; k++) {
            double x0 = cx + k * u * 0.12;
            double x1 = cx + k * u * 0.32;
            seams.add(SceneLayer.polygon(x0, gy, x0 + line, gy, x1 + line * 2, yb, x1, yb));
        }
        if (tiles) {
            for (double y = gy + u * 0.03, step = u * 0.03; y < yb; step *= 1.35, y += step) {
                seams.add(new Rectangle2D.Double(xa, y, xb - xa, line));
            }
        }
        back.fillAll(seams, Palette.shade(fc, 0.72));
    }

    private void window(SceneLayer.Builder b, double x, double y, double ww, double wh, boolean curtains) {
        Color frame = c(0xEEEAE0);
        b.rect(x - u * 0.015, y - u * 0.015, ww + u * 0.03, wh + u * 0.03, frame);
        b.backdrop(x, y, ww, wh, y, p.skyTop, y + wh, p.skyBottom);
        if (night()) {
            b.circle(x + ww * 0.7, y + wh * 0.3, u * 0.02, p.sun);
        } else {
            b.ellipse(x + ww * 0.3, y + wh * 0.35, ww * 0.2, wh * 0.08, glow(0xFFFFFF, 150));
        }
        b.rect(x, y + wh * 0.75, ww, wh * 0.25, hazed(0x6A8A5A, 0.4));
        b.rect(x + ww / 2 - u * 0.006, y, u * 0.012, wh, frame);
        b.rect(x, y + wh / 2 - u * 0.006, ww, u * 0.012, frame);
        if (curtains) {
            Color cl = c(pick(FABRIC));
            b.rect(x - u * 0.07, y - u * 0.04, u * 0.08, wh + u * 0.1, cl);
            b.rect(x + ww - u * 0.01, y - u * 0.04, u * 0.08, wh + u * 0.1, cl);
            b.rect(x - u * 0.09, y - u * 0.05, ww + u * 0.18, u * 0.015, c(0x3A3A3A));
        }
    }

    private void door(SceneLayer.Builder b, double x, double dw, double dh, int rgb) {
        Color d = c(rgb);
        b.rect(x - u * 0.015, gy - dh - u * 0.015, dw + u * 0.03, dh + u * 0.015, Palette.shade(d, 0.7));
        b.rect(x, gy - dh, dw, dh, d);
        b.rect(x + dw * 0.12, gy - dh * 0.9, dw * 0.76, dh * 0.35, Palette.shade(d, 0.88));
        b.rect(x + dw * 0.12, gy - dh * 0.48, dw * 0.76, dh * 0.4, Palette.shade(d, 0.88));
        b.circle(x + dw * 0.85, gy - dh * 0.5, u * 0.012, c(0xC8A850));
    }

    private void shelf(SceneLayer.Builder b, double x, double y, double sw) {
        b.rect(x, y, sw, u * 0.015, c(WOOD));
        double bx = x + u * 0.01;
        while (bx < x + sw - u * 0.04) {
            double bw = u * (0.015 + 0.02 * r.nextDouble());
            double bh = u * (0.05 + 0.05 * r.nextDouble());
            b.rect(bx, y - bh, bw, bh, c(pick(r.nextBoolean() ? FABRIC : BRIGHT)));
            bx += bw + u * 0.004;
        }
    }

    private void counter(SceneLayer.Builder b, double x0, double x1, double top, int body, int worktop) {
        b.rect(x0, top, x1 - x0, gy + u * 0.02 - top, c(body));
        b.rect(x0 - u * 0.01, top - u * 0.02, x1 - x0 + u * 0.02, u * 0.025, c(worktop));
        List<Shape> seams = new ArrayList<>();
        for (double x = x0 + u * 0.2; x < x1; x += u * 0.2) {
            seams.add(new Rectangle2D.Double(x, top + u * 0.02, StrictMath.max(1, u * 0.004), gy - top - u * 0.02));
            seams.add(new Rectangle2D.Double(x - u * 0.04, top + u * 0.06, u * 0.025, u * 0.008));
        }
        b.fillAll(seams, Palette.shade(c(body), 0.7));
        surface(top - u * 0.02, (x0 + x1) / 2);
    }

    private void surface(double y, double x) {
        if (Double.isNaN(surfaceY)) {
            surfaceY = y;
            surfaceX = StrictMath.max(w * 0.2, StrictMath.min(w * 0.8, x));
        }
    }

    private void table(SceneLayer.Builder b, double x, double top, double tw, int rgb) {
        Color t = c(rgb);
        b.rect(x - tw / 2, top, tw, u * 0.025, t);
        b.rect(x - tw / 2 + u * 0.02, top, u * 0.02, gy + u * 0.08 - top, Palette.shade(t, 0.7));
        b.rect(x + tw / 2 - u * 0.04, top, u * 0.02, gy + u * 0.08 - top, Palette.shade(t, 0.7));
    }

    private void chairBack(SceneLayer.Builder b, double x, double base, int rgb) {
        Color cl = c(rgb);
        b.rect(x - u * 0.05, base - u * 0.28, u * 0.015, u * 0.28, cl);
        b.rect(x + u * 0.035, base - u * 0.28, u * 0.015, u * 0.28, cl);
        b.rect(x - u * 0.05, base - u * 0.28, u * 0.1, u * 0.04, cl);
        b.rect(x - u * 0.06, base - u * 0.15, u * 0.12, u * 0.02, Palette.shade(cl, 0.8));
    }

    private void lampGlow(List<Layer> moves, double depth, double x, double y, double radius, int rgb) {
        moves.add(new Ambient.Flicker(depth, x, y, radius, glow(rgb, 45), seed ^ (long) (x * 31 + y)));
    }

    private void pendant(SceneLayer.Builder b, double x, double y) {
        b.rect(x - u * 0.002, ya, u * 0.004, y - ya, c(0x2A2A2A));
        b.poly(c(0x3A4A3A), x - u * 0.05, y + u * 0.04, x - u * 0.02, y, x + u * 0.02, y, x + u * 0.05, y + u * 0.04);
        b.ellipse(x, y + u * 0.045, u * 0.03, u * 0.01, glow(0xFFE8B0, 255));
        lampGlow(midMoves, MID, x, y + u * 0.05, u * 0.18, 0xFFE0A0);
    }

    private List<Shape> lamps(double x0, double y0, double x1, double y1, int n, double size) {
        List<Shape> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Rectangle2D.Double(x0 + (x1 - x0) * r.nextDouble(), y0 + (y1 - y0) * r.nextDouble(), size, size * 0.6));
        }
        return out;
    }

    private void porthole(SceneLayer.Builder b, double x, double y, double rad) {
        b.circle(x, y, rad * 1.2, c(0x7A7E84));
        b.circle(x, y, rad, p.interior() && !night() ? c(0x0A0C18) : glow(0x05060E, 255));
        SceneLayer.Builder stars = new SceneLayer.Builder(BACK);
        List<Shape> dots = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            dots.add(new Ellipse2D.Double(x - rad * 3 + r.nextDouble() * rad * 6, y - rad + r.nextDouble() * rad * 2,
                    u * 0.006, u * 0.006));
        }
        stars.fillAll(dots, glow(0xFFFFFF, 230));
        stars.circle(x - rad * 0.4, y + rad * 0.9, rad * 0.6, glow(0x8A94A8, 255));
        backMoves.add(new Ambient.Drift(BACK, stars.build(), rad * 2.2, 0, rad * 2, new Ellipse2D.Double(x - rad, y - rad,
                2 * rad, 2 * rad)));
    }

    // ---- the sets ------------------------------------------------------------------------------

    private void kitchen() {
        int tile = pick(new int[] {0xE8E2CC, 0xCFE3D6, 0xCDDCEA, 0xF0E2B0});
        wall(tile);
        List<Shape> grid = new ArrayList<>();
        for (double y = gy - u * 0.45; y < gy; y += u * 0.05) {
            grid.add(new Rectangle2D.Double(xa, y, xb - xa, StrictMath.max(1, u * 0.003)));
        }
        back.fillAll(grid, Palette.shade(c(tile), 0.85));
        floor(pick(new int[] {0xB0A898, 0x8A4A3A, 0x6A6A70}), true);
        int body = pick(new int[] {0x5A7A9A, 0xE8E4DA, 0x6A8A5A, 0xB85A3A});
        double wx = cx + (r.nextDouble() - 0.5) * u * 0.4;
        window(back, wx - u * 0.18, gy - u * 0.62, u * 0.36, u * 0.26, false);
        for (double x = xa; x < xb; x += u * 0.3) {
            if (StrictMath.abs(x + u * 0.14 - wx) > u * 0.34) {
                back.rect(x, gy - u * 0.78, u * 0.28, u * 0.22, c(body));
                back.rect(x + u * 0.12, gy - u * 0.6, u * 0.04, u * 0.01, c(0xC8C8C8));
            }
        }
        counter(mid, xa, xb, gy - u * 0.3, body, 0xD8D0C0);
        double sx = cx + u * (r.nextBoolean() ? 0.55 : -0.55);
        mid.rect(sx - u * 0.14, gy - u * 0.3, u * 0.28, u * 0.32, c(0x2E2E30));
        for (int i = 0; i < 4; i++) {
            mid.circle(sx - u * 0.09 + i * u * 0.06, gy - u * 0.27, u * 0.012, c(0xC8C8C8));
        }
        mid.rect(sx - u * 0.1, gy - u * 0.24, u * 0.2, u * 0.14, c(0x1A1A1C));
        mid.rect(wx - u * 0.1, gy - u * 0.33, u * 0.2, u * 0.03, c(0xA8ACB0));
        double fx = cx - u * (sx > cx ? 0.75 : -0.75);
        mid.rect(fx - u * 0.12, gy - u * 0.82, u * 0.24, u * 0.84, c(0xECECE8));
        mid.rect(fx - u * 0.12, gy - u * 0.55, u * 0.24, u * 0.008, c(0xA8A8A8));
        mid.rect(fx + u * 0.08, gy - u * 0.7, u * 0.015, u * 0.1, c(0x8A8A8A));
        mid.ellipse(sx, gy - u * 0.34, u * 0.06, u * 0.03, c(0x4A4A4E));
        lampGlow(midMoves, MID, sx, gy - u * 0.4, u * 0.08, 0xFFFFFF);
    }

    private void livingRoom() {
        int paper = pick(WALLS);
        wall(paper);
        List<Shape> stripes = new ArrayList<>();
        for (double x = xa; x < xb; x += u * 0.08) {
            stripes.add(new Rectangle2D.Double(x, ya, u * 0.03, gy - ya));
        }
        back.fillAll(stripes, Palette.shade(c(paper), 0.93));
        floor(pick(new int[] {WOOD, 0x9A7048, 0x6A4A30}), false);
        double side = r.nextBoolean() ? 1 : -1;
        window(back, cx + side * u * 0.45 - u * 0.16, gy - u * 0.7, u * 0.32, u * 0.38, true);
        for (int i = 0; i < 3; i++) {
            double px = cx - side * u * (0.2 + 0.22 * i);
            back.rect(px - u * 0.07, gy - u * 0.66, u * 0.14, u * 0.11, c(0x3A2A1E));
            back.rect(px - u * 0.06, gy - u * 0.65, u * 0.12, u * 0.09, c(pick(BRIGHT)));
        }
        double bx = cx - side * u * 0.95;
        back.rect(bx - u * 0.18, gy - u * 0.85, u * 0.36, u * 0.85, c(WOOD));
        for (int i = 0; i < 4; i++) {
            shelf(back, bx - u * 0.16, gy - u * (0.1 + 0.2 * i), u * 0.32);
        }
        Color sofa = c(pick(FABRIC));
        double sx = cx + side * u * 0.05;
        mid.fill(new RoundRectangle2D.Double(sx - u * 0.42, gy - u * 0.22, u * 0.84, u * 0.2, u * 0.05, u * 0.05), sofa);
        mid.fill(new RoundRectangle2D.Double(sx - u * 0.45, gy - u * 0.1, u * 0.9, u * 0.16, u * 0.04, u * 0.04),
                Palette.shade(sofa, 0.85));
        mid.circle(sx - u * 0.25, gy - u * 0.12, u * 0.05, c(pick(BRIGHT)));
        mid.ellipse(cx, gy + u * 0.18, u * 0.55, u * 0.08, c(pick(FABRIC)));
        table(mid, cx - side * u * 0.02, gy + u * 0.02, u * 0.34, WOOD);
        surface(gy + u * 0.02, cx);
        double lx = sx + side * u * 0.58;
        mid.rect(lx - u * 0.006, gy - u * 0.5, u * 0.012, u * 0.52, c(0x3A3A3A));
        mid.poly(c(0xE8D8B0), lx - u * 0.08, gy - u * 0.5, lx - u * 0.05, gy - u * 0.62, lx + u * 0.05, gy - u * 0.62,
                lx + u * 0.08, gy - u * 0.5);
        lampGlow(midMoves, MID, lx, gy - u * 0.55, u * 0.22, 0xFFE0A0);
    }

    private void bedroom() {
        wall(pick(WALLS));
        floor(pick(new int[] {0x9A7A5A, 0x7A6A8A, 0xA89A80}), false);
        double side = r.nextBoolean() ? 1 : -1;
        window(back, cx - side * u * 0.65 - u * 0.15, gy - u * 0.72, u * 0.3, u * 0.4, true);
        back.rect(cx + side * u * 0.8, gy - u * 0.85, u * 0.34, u * 0.85, c(WOOD));
        back.rect(cx + side * u * 0.8 + u * 0.165, gy - u * 0.8, u * 0.01, u * 0.75, c(0x4A3220));
        Color head = c(pick(new int[] {0x5A3A2A, 0x3A4A6A, 0x8A8070}));
        double bx = cx + side * u * 0.05;
        mid.fill(new RoundRectangle2D.Double(bx - u * 0.4, gy - u * 0.42, u * 0.8, u * 0.3, u * 0.08, u * 0.08), head);
        mid.rect(bx - u * 0.42, gy - u * 0.16, u * 0.84, u * 0.22, c(0xF0ECE4));
        mid.rect(bx - u * 0.42, gy - u * 0.1, u * 0.84, u * 0.18, c(pick(FABRIC)));
        mid.ellipse(bx - u * 0.2, gy - u * 0.17, u * 0.12, u * 0.05, c(0xFAFAF6));
        mid.ellipse(bx + u * 0.2, gy - u * 0.17, u * 0.12, u * 0.05, c(0xFAFAF6));
        double nx = bx - side * u * 0.55;
        mid.rect(nx - u * 0.09, gy - u * 0.2, u * 0.18, u * 0.22, c(WOOD));
        surface(gy - u * 0.2, nx);
        mid.rect(nx - u * 0.006, gy - u * 0.33, u * 0.012, u * 0.13, c(0x3A3A3A));
        mid.poly(c(0xE8D8B0), nx - u * 0.06, gy - u * 0.3, nx - u * 0.04, gy - u * 0.4, nx + u * 0.04, gy - u * 0.4,
                nx + u * 0.06, gy - u * 0.3);
        lampGlow(midMoves, MID, nx, gy - u * 0.35, u * 0.2, 0xFFD890);
    }

    private void office() {
        wall(pick(new int[] {0xB8C0C8, 0xC8C4BC, 0xA8B4B0}));
        floor(pick(new int[] {0x5A6470, 0x6A5E50, 0x4A5A6A}), true);
        for (double x = xa + u * 0.1; x < xb; x += u * 0.6) {
            back.rect(x, gy - u * 0.8, u * 0.5, u * 0.55, c(0x3A3E44));
            SceneLayer.Builder b = back;
            b.backdrop(x + u * 0.02, gy - u * 0.78, u * 0.46, u * 0.51, gy - u * 0.78, p.skyTop, gy - u * 0.27, p.skyBottom);
            double bx = x + u * 0.02;
            while (bx < x + u * 0.46) {
                double bw = u * (0.05 + 0.05 * r.nextDouble());
                double bh = u * (0.12 + 0.25 * r.nextDouble());
                b.rect(bx, gy - u * 0.27 - bh, StrictMath.min(bw, x + u * 0.48 - bx), bh, hazed(0x6A7A8A, 0.45));
                bx += bw + u * 0.01;
            }
        }
        for (double x = xa; x < xb; x += u * 0.7) {
            mid.rect(x, ya, u * 0.4, u * 0.02, glow(0xF4F4EE, 255));
        }
        for (int i = -2; i <= 2; i++) {
            double dx = cx + i * u * 0.62 + (r.nextDouble() - 0.5) * u * 0.05;
            mid.rect(dx - u * 0.22, gy - u * 0.2, u * 0.44, u * 0.025, c(0xC8C0B0));
            mid.rect(dx - u * 0.2, gy - u * 0.18, u * 0.1, u * 0.2, c(0x6A6E74));
            mid.rect(dx + u * 0.1, gy - u * 0.18, u * 0.1, u * 0.2, c(0x6A6E74));
            mid.rect(dx - u * 0.08, gy - u * 0.36, u * 0.16, u * 0.11, c(0x1E2226));
            mid.rect(dx - u * 0.07, gy - u * 0.35, u * 0.14, u * 0.09, glow(0x5A8AB8, 255));
            mid.rect(dx - u * 0.01, gy - u * 0.25, u * 0.02, u * 0.05, c(0x1E2226));
        }
        surface(gy - u * 0.2, cx - u * 0.62);
        back.rect(cx + u * 0.9, gy - u * 0.45, u * 0.2, u * 0.45, c(0x8A8E94));
    }

    private void shop() {
        int wallRgb = pick(new int[] {0xF2D4DA, 0xDCEAD8, 0xF4E8C8, 0xD8E0F0});
        wall(wallRgb);
        List<Shape> stripes = new ArrayList<>();
        for (double x = xa; x < xb; x += u * 0.12) {
            stripes.add(new Rectangle2D.Double(x, ya, u * 0.06, gy - u * 0.75 - ya));
        }
        back.fillAll(stripes, c(0xF8F4EE));
        floor(0xE8E0D0, true);
        List<Shape> checks = new ArrayList<>();
        for (double y = gy; y < yb; y += u * 0.08) {
            for (double x = xa + ((int) ((y - gy) / (u * 0.08)) % 2) * u * 0.08; x < xb; x += u * 0.16) {
                checks.add(new Rectangle2D.Double(x, y, u * 0.08, u * 0.08));
            }
        }
        back.fillAll(checks, c(0x3A3A40));
        for (int i = 0; i < 3; i++) {
            shelf(back, xa, gy - u * (0.42 + 0.14 * i), xb - xa);
        }
        back.rect(cx - u * 0.22, gy - u * 0.9, u * 0.44, u * 0.26, c(0x2A3A32));
        back.rect(cx - u * 0.18, gy - u * 0.85, u * 0.3, u * 0.012, c(0xF4F4F0));
        back.rect(cx - u * 0.18, gy - u * 0.8, u * 0.22, u * 0.012, c(0xF4F4F0));
        back.rect(cx - u * 0.18, gy - u * 0.75, u * 0.26, u * 0.012, c(0xF4F4F0));
        counter(mid, xa, xb, gy - u * 0.26, pick(new int[] {0xF4F0E8, 0x8A5A4A, 0x5A7A8A}), 0xE8E4DC);
        double gx0 = cx - u * 0.7;
        mid.rect(gx0, gy - u * 0.44, u * 1.4, u * 0.17, glow(0xE8F4F8, 110));
        for (double x = gx0 + u * 0.08; x < gx0 + u * 1.35; x += u * 0.18) {
            int cake = pick(new int[] {0xF2C0D0, 0x8A5030, 0xF4E0A0, 0xF0F0F0, 0xC8E0A0});
            mid.rect(x - u * 0.05, gy - u * 0.36, u * 0.1, u * 0.07, c(cake));
            mid.rect(x - u * 0.05, gy - u * 0.37, u * 0.1, u * 0.012, c(0xFFFFFF));
            mid.circle(x, gy - u * 0.385, u * 0.01, c(0xC82030));
        }
        for (int i = -1; i <= 1; i++) {
            pendant(mid, cx + i * u * 0.6, gy - u * 0.95);
        }
    }

    private void bar() {
        wall(pick(new int[] {0x5A3A2A, 0x3A2A3A, 0x2A3A3A}));
        floor(0x4A3426, false);
        back.rect(xa, gy - u * 0.75, xb - xa, u * 0.45, c(0x3A2418));
        back.rect(cx - u * 0.5, gy - u * 0.72, u * 1.0, u * 0.3, glow(0x8A9AA8, 120));
        for (int row = 0; row < 3; row++) {
            double sy = gy - u * (0.35 + 0.13 * row);
            back.rect(xa, sy, xb - xa, u * 0.012, c(0x8A6242));
            for (double x = xa + r.nextDouble() * u * 0.05; x < xb; x += u * (0.035 + 0.02 * r.nextDouble())) {
                double bh = u * (0.06 + 0.04 * r.nextDouble());
                back.rect(x, sy - bh, u * 0.022, bh, glow(pick(new int[] {0x2E7A3A, 0x8A3A1E, 0xC8A040, 0x3A5A8A, 0xD8D8C8}), 230));
            }
        }
        counter(mid, xa, xb, gy - u * 0.15, 0x5A2E1A, 0x8A5A32);
        for (double x = cx - u * 1.2; x < cx + u * 1.3; x += u * 0.4) {
            mid.rect(x - u * 0.006, gy - u * 0.08, u * 0.012, u * 0.2, c(0x2A2A2A));
            mid.ellipse(x, gy - u * 0.08, u * 0.06, u * 0.02, c(0x8A2A2A));
        }
        for (int i = -2; i <= 2; i++) {
            pendant(mid, cx + i * u * 0.5, gy - u * 0.9);
        }
    }

    private void car() {
        seated = true;
        skyDome(false);
        double horizon = h * 0.45;
        back.rect(xa, horizon, xb - xa, yb - horizon, c(0x3A3E38));
        back.poly(c(0x2A2A2E), cx - u * 0.05, horizon, cx + u * 0.05, horizon, cx + u * 1.2, yb, cx - u * 1.2, yb);
        SceneLayer.Builder posts = new SceneLayer.Builder(BACK);
        double period = u * 0.5;
        for (double x = xa - period; x < xb + period; x += period) {
            posts.rect(x, horizon - u * 0.28, u * 0.015, u * 0.3, c(0x3A3A3A));
            posts.rect(x - u * 0.02, horizon - u * 0.29, u * 0.05, u * 0.015, glow(night() ? 0xFFD890 : 0xB0B0A8, 255));
            posts.rect(x + u * 0.2, horizon - u * 0.12, u * 0.18, u * 0.12, hazed(0x4A6A3A, 0.2));
        }
        backMoves.add(new Ambient.Drift(BACK, posts.build(), -2.2 * period, 0, period, null));
        SceneLayer.Builder dashes = new SceneLayer.Builder(BACK);
        for (double y = horizon + u * 0.02; y < yb; y += u * 0.12) {
            double k = (y - horizon) / (yb - horizon);
            dashes.rect(cx - u * 0.006 * (1 + 6 * k), y, u * 0.012 * (1 + 6 * k), u * 0.04 * (1 + 3 * k), glow(0xE8D890, 220));
        }
        backMoves.add(new Ambient.Drift(BACK, dashes.build(), 0, u * 0.24, u * 0.24, null));
        Color body = c(pick(new int[] {0x2A2A30, 0x3A3028, 0x4A4A52}));
        Path2D.Double cabin = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        cabin.append(new Rectangle2D.Double(xa, ya, xb - xa, yb - ya), false);
        cabin.append(new RoundRectangle2D.Double(cx - u * 0.85, h * 0.08, u * 1.7, h * 0.5, u * 0.2, u * 0.2), false);
        mid.fill(cabin, body);
        mid.rect(cx - u * 0.09, h * 0.1, u * 0.18, u * 0.05, c(0x1A1A1A));
        mid.rect(xa, h * 0.62, xb - xa, yb - h * 0.62, Palette.shade(body, 0.8));
        surface(h * 0.62, cx + u * 0.3);
        double side = r.nextBoolean() ? -1 : 1;
        fore.fill(new Ellipse2D.Double(cx + side * u * 0.45 - u * 0.2, h * 0.6, u * 0.4, u * 0.4), c(0x1A1A1E));
        fore.fill(new Ellipse2D.Double(cx + side * u * 0.45 - u * 0.16, h * 0.6 + u * 0.04, u * 0.32, u * 0.32),
                Palette.shade(body, 0.8));
        List<Shape> dials = lamps(cx - u * 0.3, h * 0.66, cx + u * 0.3, h * 0.7, 6, u * 0.03);
        midMoves.add(new Ambient.Blink(MID, dials, glow(0x60D8F0, 255), glow(0x306878, 255), seed));
    }

    private void train() {
        seated = true;
        Color wallC = c(pick(new int[] {0xD8D4C8, 0xC8D0D8, 0xE0D0B0}));
        back.rect(xa, ya, xb - xa, gy - ya, wallC);
        floor(0x5A5A60, false);
        double top = gy - u * 0.7;
        double wh = u * 0.32;
        SceneLayer.Builder land = new SceneLayer.Builder(BACK);
        land.backdrop(xa - w, top, xb - xa + 2 * w, wh, top, p.skyTop, top + wh, p.skyBottom);
        double period = u * 0.9;
        for (double x = xa - period; x < xb + period; x += period * 0.3) {
            land.rect(x, top + wh * (0.55 + 0.2 * r.nextDouble()), period * 0.3, wh, hazed(0x5A7A48, 0.3));
            land.circle(x + period * 0.1, top + wh * 0.6, u * 0.04, c(0x3A5A30));
        }
        List<Shape> panes = new ArrayList<>();
        Path2D.Double clip = new Path2D.Double();
        for (double x = xa; x < xb; x += u * 0.5) {
            RoundRectangle2D pane = new RoundRectangle2D.Double(x, top, u * 0.4, wh, u * 0.05, u * 0.05);
            panes.add(pane);
            clip.append(pane, false);
        }
        backMoves.add(new Ambient.Drift(BACK, land.build(), -2.5 * period, 0, period, clip));
        back.rect(xa, top - u * 0.2, xb - xa, u * 0.02, c(0x8A8A8A));
        back.rect(xa, ya, xb - xa, top - u * 0.25 - ya, c(0xECECE4));
        Color seat = c(pick(new int[] {0x2E4A7A, 0x7A2E3A, 0x3A6A4A}));
        for (double x = cx - u * 1.6; x < cx + u * 1.7; x += u * 0.5) {
            mid.fill(new RoundRectangle2D.Double(x - u * 0.16, gy - u * 0.38, u * 0.32, u * 0.4, u * 0.06, u * 0.06), seat);
            mid.rect(x - u * 0.16, gy - u * 0.38, u * 0.32, u * 0.05, c(0xE8E8E0));
        }
        for (double x = xa; x < xb; x += u * 0.5) {
            mid.rect(x, top - u * 0.28, u * 0.3, u * 0.012, glow(0xF8F8F0, 255));
        }
        back.rect(xa, gy - u * 0.04, xb - xa, u * 0.04, c(0x3A3A3E));
    }

    private void deck() {
        skyDome(false);
        clouds(5);
        double horizon = h * 0.48;
        sea(horizon, h * 0.7);
        far.rect(xa, horizon - u * 0.03, xb - xa, u * 0.03, hazed(0x4A5A4A, 0.6));
        Color deckC = c(0x9A7A58);
        mid.backdrop(xa, h * 0.7, xb - xa, yb - h * 0.7, h * 0.7, Palette.shade(deckC, 0.85), h, deckC);
        List<Shape> planks = new ArrayList<>();
        for (double y = h * 0.72; y < yb; y += u * 0.045) {
            planks.add(new Rectangle2D.Double(xa, y, xb - xa, StrictMath.max(1, u * 0.003)));
        }
        mid.fillAll(planks, Palette.shade(deckC, 0.7));
        Color rail = c(0xE8E8E0);
        mid.rect(xa, h * 0.56, xb - xa, u * 0.015, rail);
        mid.rect(xa, h * 0.63, xb - xa, u * 0.01, rail);
        for (double x = xa; x < xb; x += u * 0.25) {
            mid.rect(x, h * 0.56, u * 0.012, h * 0.14, rail);
        }
        double bx = cx + (r.nextBoolean() ? 1 : -1) * u * 0.5;
        mid.circle(bx, h * 0.6, u * 0.06, c(0xE04A20));
        mid.circle(bx, h * 0.6, u * 0.035, Palette.shade(c(0x9A7A58), 0.4));
        double mx = cx - (bx - cx) * 1.5;
        mid.rect(mx - u * 0.25, h * 0.3, u * 0.5, h * 0.4, c(0xF0F0EA));
        for (int i = 0; i < 3; i++) {
            mid.rect(mx - u * 0.2 + i * u * 0.15, h * 0.36, u * 0.1, u * 0.08, night() ? glow(0xF6D27A, 255) : c(0x3A4A5A));
        }
        mid.rect(mx - u * 0.01, h * 0.05, u * 0.02, h * 0.25, c(0x8A8A8A));
        if (night()) {
            lampGlow(midMoves, MID, mx, h * 0.05, u * 0.06, 0xFF3030);
        }
    }

    private void street() {
        skyDome(false);
        clouds(4);
        buildings(far, gy - u * 0.05, u * 0.5, u * 0.9, 0.35, false);
        buildings(back, gy, u * 0.3, u * 0.6, 0.05, true);
        back.rect(xa, gy, xb - xa, u * 0.08, c(0xA8A49C));
        back.rect(xa, gy + u * 0.08, xb - xa, yb - gy, c(0x46484E));
        List<Shape> marks = new ArrayList<>();
        for (double x = xa; x < xb; x += u * 0.3) {
            marks.add(new Rectangle2D.Double(x, gy + u * 0.22, u * 0.15, u * 0.015));
        }
        back.fillAll(marks, c(0xE8E0C0));
        if (night()) {
            back.rect(xa, gy + u * 0.1, xb - xa, u * 0.3, glow(0xF6D27A, 25));
        }
        for (double x = xa + u * 0.3 * r.nextDouble(); x < xb; x += u * 0.9) {
            lamppost(mid, midMoves, MID, x, gy + u * 0.07, u * 0.55);
        }
        double carX = cx + (r.nextBoolean() ? 1 : -1) * u * 0.7;
        Props.car(mid, carX, gy + u * 0.24, u * 0.2, c(pick(BRIGHT)), c(0x1A1A1A), glow(0xBFD8E8, 255));
    }

    private void countryside() {
        skyDome(false);
        clouds(6);
        hills(far, gy - u * 0.06, u * 0.12, hazed(0x5A8A4A, 0.45));
        hills(back, gy + u * 0.02, u * 0.08, c(0x6A9A48));
        List<Shape> rows = new ArrayList<>();
        for (double y = gy + u * 0.1; y < yb; y += u * 0.07) {
            rows.add(new Rectangle2D.Double(xa, y, xb - xa, u * 0.012));
        }
        back.fillAll(rows, c(0x88B050));
        double fx = cx + (r.nextDouble() - 0.5) * u;
        far.rect(fx - u * 0.1, gy - u * 0.12, u * 0.2, u * 0.1, hazed(0xE8E0D0, 0.3));
        far.poly(hazed(0x9A3A2A, 0.3), fx - u * 0.12, gy - u * 0.12, fx, gy - u * 0.2, fx + u * 0.12, gy - u * 0.12);
        for (double x = xa; x < xb; x += u * (0.5 + 0.4 * r.nextDouble())) {
            roundTree(back, x, gy + u * 0.04, u * (0.22 + 0.1 * r.nextDouble()), c(0x3E7A36));
        }
        for (double x = xa; x < xb; x += u * 0.2) {
            mid.rect(x, gy + u * 0.18, u * 0.015, u * 0.12, c(0x8A6A4A));
        }
        mid.rect(xa, gy + u * 0.2, xb - xa, u * 0.012, c(0x8A6A4A));
        mid.rect(xa, gy + u * 0.25, xb - xa, u * 0.012, c(0x8A6A4A));
    }

    private void forest() {
        skyDome(false);
        ground(back, gy, 0x3A4A26, 0x4A5A36);
        Color farLeaf = hazed(0x2E5A3A, 0.5);
        for (double x = xa; x < xb; x += u * 0.12) {
            pine(far, x + r.nextDouble() * u * 0.06, gy + u * 0.02, u * (0.4 + 0.2 * r.nextDouble()), farLeaf);
        }
        for (double x = xa; x < xb; x += u * 0.22) {
            pine(back, x + r.nextDouble() * u * 0.1, gy + u * 0.1, u * (0.6 + 0.3 * r.nextDouble()), c(0x24502E));
        }
        if (!night()) {
            for (int i = 0; i < 3; i++) {
                double x = cx + (i - 1) * u * 0.6;
                back.poly(glow(0xFFF4C8, 40), x, ya, x + u * 0.15, ya, x + u * 0.5, yb, x + u * 0.2, yb);
            }
        }
        for (double x = xa; x < xb; x += u * 0.8) {
            fore.rect(x + r.nextDouble() * u * 0.3, ya, u * 0.07, yb - ya, c(0x2A1E16));
        }
    }

    private void beach() {
        skyDome(false);
        clouds(5);
        double horizon = gy - u * 0.05;
        sea(horizon, gy + u * 0.12);
        Color sand = c(0xD8C49A);
        back.backdrop(xa, gy + u * 0.12, xb - xa, yb - gy, gy + u * 0.12, Palette.shade(sand, 0.9), h, sand);
        back.rect(xa, gy + u * 0.11, xb - xa, u * 0.02, glow(0xF4F8FF, 170));
        double side = r.nextBoolean() ? 1 : -1;
        double base = cx + side * u * 0.7;
        far.poly(hazed(0x7A6A58, 0.2), base, horizon + u * 0.2, base + side * u * 0.05, horizon - u * 0.3,
                base + side * u * 0.4, horizon - u * 0.38, base + side * u * 2, horizon - u * 0.4, base + side * u * 2,
                horizon + u * 0.2);
        far.poly(hazed(0x5A8A4A, 0.2), base + side * u * 0.05, horizon - u * 0.3, base + side * u * 0.4,
                horizon - u * 0.38, base + side * u * 2, horizon - u * 0.4, base + side * u * 2, horizon - u * 0.34,
                base + side * u * 0.1, horizon - u * 0.27);
        for (int i = 0; i < 4; i++) {
            double gx = cx + (r.nextDouble() - 0.5) * u;
            double gyy = gy * (0.3 + 0.3 * r.nextDouble());
            far.poly(c(0x2A2A30), gx - u * 0.03, gyy, gx, gyy + u * 0.01, gx + u * 0.03, gyy, gx, gyy + u * 0.018);
        }
        mid.ellipse(cx - side * u * 0.5, gy + u * 0.35, u * 0.1, u * 0.04, c(0x8A7A68));
    }

    private void lighthouse() {
        skyDome(false);
        clouds(4);
        double horizon = gy - u * 0.02;
        sea(horizon, yb);
        double side = r.nextBoolean() ? 1 : -1;
        double lx = cx + side * u * 0.45;
        back.poly(c(0x5A5048), lx - u * 0.7, yb, lx - u * 0.5, gy + u * 0.12, lx - u * 0.1, gy + u * 0.02,
                lx + u * 0.5, gy + u * 0.05, lx + u * 1.2, gy + u * 0.2, lx + u * 1.5, yb);
        back.poly(c(0x5A7A44), lx - u * 0.5, gy + u * 0.12, lx - u * 0.1, gy + u * 0.02, lx + u * 0.5, gy + u * 0.05,
                lx + u * 1.2, gy + u * 0.2, lx + u * 1.2, gy + u * 0.25, lx - u * 0.45, gy + u * 0.17);
        double base = gy + u * 0.06;
        double top = gy - u * 0.62;
        Color white = c(0xF2F0EA);
        Color red = c(0xB8302A);
        back.poly(white, lx - u * 0.1, base, lx - u * 0.065, top, lx + u * 0.065, top, lx + u * 0.1, base);
        for (int i = 0; i < 3; i++) {
            double y0 = base - (base - top) * (0.2 + 0.27 * i);
            double y1 = y0 - (base - top) * 0.12;
            double k0 = (base - y0) / (base - top);
            double k1 = (base - y1) / (base - top);
            back.poly(red, lx - u * (0.1 - 0.035 * k0), y0, lx - u * (0.1 - 0.035 * k1), y1, lx + u * (0.1 - 0.035 * k1), y1,
                    lx + u * (0.1 - 0.035 * k0), y0);
        }
        back.rect(lx - u * 0.09, top - u * 0.01, u * 0.18, u * 0.02, c(0x2A2A2A));
        back.rect(lx - u * 0.05, top - u * 0.1, u * 0.1, u * 0.09, glow(0xFFF0B0, 255));
        back.poly(red, lx - u * 0.07, top - u * 0.1, lx, top - u * 0.16, lx + u * 0.07, top - u * 0.1);
        back.rect(lx - side * u * 0.32, gy - u * 0.04, u * 0.2, u * 0.1, c(0xE8E4DA));
        back.poly(c(0x4A4A52), lx - side * u * 0.32 - u * 0.02, gy - u * 0.04, lx - side * u * 0.22, gy - u * 0.11,
                lx - side * u * 0.12 + u * 0.02, gy - u * 0.04);
        backMoves.add(new Ambient.Beam(BACK, lx, top - u * 0.055, u * 1.6, 7, side > 0 ? 150 : -30, side * 60,
                glow(0xFFF4C0, night() || p.light() != Palette.Light.DAY ? 70 : 35)));
    }

    private void lanternRoom() {
        skyDome(false);
        double horizon = gy - u * 0.1;
        sea(horizon, gy + u * 0.2);
        Color iron = c(0x2A2E32);
        for (double x = xa; x < xb; x += u * 0.35) {
            back.rect(x, ya, u * 0.025, yb - ya, iron);
        }
        back.rect(xa, gy - u * 0.72, xb - xa, u * 0.025, iron);
        back.rect(xa, gy + u * 0.18, xb - xa, yb - gy, c(0x6A6058));
        back.rect(xa, gy + u * 0.05, xb - xa, u * 0.02, c(0xB89A4A));
        back.rect(xa, gy + u * 0.12, xb - xa, u * 0.015, c(0xB89A4A));
        double lx = cx + (r.nextDouble() - 0.5) * u * 0.3;
        double ly = gy - u * 0.22;
        mid.rect(lx - u * 0.12, ly + u * 0.2, u * 0.24, u * 0.3, c(0x7A6A4A));
        mid.ellipse(lx, ly, u * 0.2, u * 0.26, glow(0xC8B880, 200));
        for (int i = 1; i <= 4; i++) {
            mid.ellipse(lx, ly, u * 0.2 * (1 - i * 0.18), u * 0.26 * (1 - i * 0.18),
                    glow(i % 2 == 0 ? 0xF8F0C8 : 0xB8A870, 200));
        }
        mid.rect(lx - u * 0.2, ly - u * 0.01, u * 0.4, u * 0.02, c(0xB89A4A));
        midMoves.add(new Ambient.Beam(MID, lx, ly, u * 2.0, 9, r.nextBoolean() ? 10 : 170, 70, glow(0xFFF4C0, 60)));
        lampGlow(midMoves, MID, lx, ly, u * 0.3, 0xFFF0C0);
        surface(gy + u * 0.05, cx - u * 0.5);
    }

    private void mountain() {
        skyDome(false);
        clouds(4);
        mountains(far, gy, u * 0.6, 0x6A7488, true, 0.35);
        mountains(back, gy + u * 0.12, u * 0.35, 0x5A6470, true, 0.1);
        ground(mid, gy + u * 0.12, 0xE8ECF0, 0xDCE0E8);
        for (double x = xa; x < xb; x += u * 0.35) {
            pine(mid, x + r.nextDouble() * u * 0.2, gy + u * 0.2, u * (0.2 + 0.15 * r.nextDouble()), c(0x2E4A36));
        }
        fore.poly(c(0x4A4A50), xa, yb, xa, h * 0.92, cx - u * 0.6, h * 0.88, cx - u * 0.3, h * 0.95, cx - u * 0.2, yb);
    }

    private void desert() {
        skyDome(false);
        far.rect(xa, gy - u * 0.01, xb - xa, u * 0.02, hazed(0xE8C8A0, 0.5));
        double mx = cx + (r.nextDouble() - 0.5) * u;
        far.poly(hazed(0xA85A3A, 0.35), mx - u * 0.5, gy, mx - u * 0.38, gy - u * 0.25, mx + u * 0.2, gy - u * 0.25,
                mx + u * 0.3, gy);
        far.poly(hazed(0xA85A3A, 0.45), mx + u * 0.6, gy, mx + u * 0.68, gy - u * 0.14, mx + u * 1.0, gy - u * 0.14,
                mx + u * 1.1, gy);
        hills(back, gy + u * 0.08, u * 0.08, c(0xE0B070));
        hills(mid, gy + u * 0.3, u * 0.1, c(0xD8A460));
        for (int i = 0; i < 3; i++) {
            double x = cx + (i - 1) * u * 0.7 + (r.nextDouble() - 0.5) * u * 0.2;
            double base = gy + u * 0.15;
            Color cactus = c(0x4A7A3A);
            mid.fill(new RoundRectangle2D.Double(x - u * 0.025, base - u * 0.3, u * 0.05, u * 0.3, u * 0.05, u * 0.05), cactus);
            mid.fill(new RoundRectangle2D.Double(x - u * 0.09, base - u * 0.22, u * 0.04, u * 0.12, u * 0.04, u * 0.04), cactus);
            mid.rect(x - u * 0.07, base - u * 0.13, u * 0.06, u * 0.03, cactus);
        }
    }

    private void platform() {
        Color roof = c(0x3A4A5A);
        skyDome(false);
        buildings(far, gy, u * 0.2, u * 0.5, 0.4, false);
        back.rect(xa, gy - u * 0.02, xb - xa, u * 0.2, c(0x4A4238));
        for (double x = xa; x < xb; x += u * 0.08) {
            back.rect(x, gy + u * 0.02, u * 0.03, u * 0.12, c(0x6A5A48));
        }
        back.rect(xa, gy + u * 0.04, xb - xa, u * 0.015, c(0xA8A8A8));
        back.rect(xa, gy + u * 0.12, xb - xa, u * 0.015, c(0xA8A8A8));
        double tx = cx + (r.nextBoolean() ? -1 : 1) * u * 0.9;
        back.fill(new RoundRectangle2D.Double(tx - u * 0.8, gy - u * 0.4, u * 1.6, u * 0.42, u * 0.1, u * 0.1),
                c(pick(new int[] {0x2E5E8A, 0xC83A2A, 0x3A7A4A})));
        for (double x = tx - u * 0.7; x < tx + u * 0.7; x += u * 0.2) {
            back.rect(x, gy - u * 0.33, u * 0.14, u * 0.12, night() ? glow(0xF6E0A0, 255) : c(0x2A3440));
        }
        Color plat = c(0xA8A090);
        mid.rect(xa, gy + u * 0.18, xb - xa, yb - gy, plat);
        mid.rect(xa, gy + u * 0.18, xb - xa, u * 0.03, c(0xE8C830));
        mid.rect(xa, ya, xb - xa, gy - u * 0.55 - ya, roof);
        for (double x = xa + u * 0.2; x < xb; x += u * 0.9) {
            mid.rect(x, gy - u * 0.56, u * 0.03, u * 0.75, c(0x2E3A48));
        }
        mid.rect(cx - u * 0.2, gy - u * 0.52, u * 0.4, u * 0.08, c(0x1E3A7A));
        mid.rect(cx - u * 0.16, gy - u * 0.49, u * 0.32, u * 0.015, c(0xF4F4F4));
        for (double x = xa; x < xb; x += u * 0.6) {
            mid.rect(x, gy - u * 0.54, u * 0.25, u * 0.012, glow(0xF8F8F0, 255));
        }
    }

    private void hospital() {
        wall(pick(new int[] {0xD8E8E0, 0xE8ECEC, 0xD0E0E8}));
        floor(0xC8CCC8, true);
        back.rect(xa, gy - u * 0.3, xb - xa, u * 0.03, c(0x6AA89A));
        window(back, cx - u * 0.7, gy - u * 0.75, u * 0.3, u * 0.32, false);
        Color curtain = c(pick(new int[] {0x8AB8C8, 0xA8C8A0, 0xE0C8D8}));
        back.rect(xa, gy - u * 0.9, xb - xa, u * 0.01, c(0x9A9A9A));
        for (double x = cx + u * 0.55; x < cx + u * 1.3; x += u * 0.08) {
            back.rect(x, gy - u * 0.89, u * 0.06, u * 0.85, curtain);
        }
        double bx = cx + (r.nextDouble() - 0.5) * u * 0.2;
        mid.rect(bx - u * 0.42, gy - u * 0.2, u * 0.84, u * 0.06, c(0xF4F4F4));
        mid.rect(bx - u * 0.42, gy - u * 0.15, u * 0.84, u * 0.05, c(0x8AA8C8));
        mid.rect(bx - u * 0.44, gy - u * 0.42, u * 0.03, u * 0.44, c(0xA8ACB0));
        mid.rect(bx + u * 0.41, gy - u * 0.3, u * 0.03, u * 0.32, c(0xA8ACB0));
        mid.rect(bx - u * 0.4, gy - u * 0.1, u * 0.8, u * 0.015, c(0xA8ACB0));
        double mx = bx - u * 0.65;
        mid.rect(mx - u * 0.01, gy - u * 0.7, u * 0.02, u * 0.72, c(0xA8ACB0));
        mid.rect(mx - u * 0.12, gy - u * 0.68, u * 0.2, u * 0.14, c(0x1E2428));
        midMoves.add(new Ambient.Blink(MID, lamps(mx - u * 0.11, gy - u * 0.66, mx + u * 0.06, gy - u * 0.56, 8, u * 0.02),
                glow(0x40E070, 255), glow(0x104020, 255), seed));
        mid.fill(new RoundRectangle2D.Double(mx + u * 0.05, gy - u * 0.8, u * 0.06, u * 0.1, u * 0.02, u * 0.02), glow(0xE8F0F8, 200));
        surface(gy - u * 0.2, bx);
    }

    private void corridor() {
        Color wallC = c(pick(new int[] {0xB8BCC0, 0xC8C0B0, 0x8A9AA0, 0xD8D0C8}));
        double vx = cx + (r.nextDouble() - 0.5) * u * 0.2;
        double vy = gy - u * 0.3;
        double endW = u * 0.22;
        double endH = u * 0.3;
        back.rect(xa, ya, xb - xa, yb - ya, wallC);
        back.poly(Palette.shade(wallC, 0.75), xa, ya, xb, ya, vx + endW, vy - endH, vx - endW, vy - endH);
        back.poly(c(0x5A5A5E), xa, yb, xb, yb, vx + endW, vy + endH, vx - endW, vy + endH);
        back.poly(Palette.shade(wallC, 0.9), xa, ya, vx - endW, vy - endH, vx - endW, vy + endH, xa, yb);
        back.poly(Palette.shade(wallC, 0.85), xb, ya, vx + endW, vy - endH, vx + endW, vy + endH, xb, yb);
        back.rect(vx - endW, vy - endH, 2 * endW, 2 * endH, Palette.shade(wallC, 0.6));
        back.rect(vx - endW * 0.4, vy - endH * 0.6, endW * 0.8, endH * 1.6, c(0x3A4A5A));
        for (int i = 1; i <= 5; i++) {
            double k = 1 - StrictMath.pow(0.7, i);
            double lx = xa + (vx - endW - xa) * k;
            double rx = xb + (vx + endW - xb) * k;
            double ty = ya + (vy - endH - ya) * k;
            double by = yb + (vy + endH - yb) * k;
            double dh = (by - ty) * 0.55;
            double dw = (vx - endW - xa) * 0.09 * StrictMath.pow(0.7, i);
            back.rect(lx, by - dh, dw, dh, c(0x6A4A34));
            back.rect(rx - dw, by - dh, dw, dh, c(0x6A4A34));
            back.rect((lx + vx) / 2 - u * 0.1 * (1 - k), ty + u * 0.01, u * 0.2 * (1 - k) + u * 0.02, u * 0.015,
                    glow(0xF8F8F0, 255));
        }
        midMoves.add(new Ambient.Flicker(MID, vx, vy - endH * 1.2, u * 0.3, glow(0xE8F0FF, 30), seed));
    }

    private void stairwell() {
        Color stone = c(pick(new int[] {0xA89C8A, 0xB8B0A0, 0x8A8A84}));
        back.backdrop(xa, ya, xb - xa, yb - ya, ya, Palette.shade(stone, 0.6), yb, stone);
        List<Shape> blocks = new ArrayList<>();
        for (double y = ya; y < yb; y += u * 0.08) {
            blocks.add(new Rectangle2D.Double(xa, y, xb - xa, StrictMath.max(1, u * 0.004)));
        }
        back.fillAll(blocks, Palette.shade(stone, 0.75));
        back.rect(cx + u * 0.3, gy - u * 0.8, u * 0.06, u * 0.3, night() ? glow(0x1E2A50, 255) : glow(0xBFDDF2, 255));
        double side = r.nextBoolean() ? 1 : -1;
        Color step = c(0x9A907E);
        for (int i = 0; i < 12; i++) {
            double y = gy + u * 0.25 - i * u * 0.09;
            double x = cx - side * u * 0.9 + side * i * u * 0.16;
            mid.rect(x - u * 0.2, y, u * 0.4, u * 0.03, Palette.shade(step, 1.1));
            mid.rect(x - u * 0.2, y + u * 0.03, u * 0.4, u * 0.06, Palette.shade(step, 0.7));
        }
        Path2D.Double rail = new Path2D.Double();
        rail.moveTo(cx - side * u * 1.0, gy - u * 0.05);
        rail.lineTo(cx + side * u * 1.1, gy - u * 1.1);
        mid.fill(new java.awt.BasicStroke((float) (u * 0.012)).createStrokedShape(rail), c(0x2A2A2A));
        lampGlow(midMoves, MID, cx - side * u * 0.5, gy - u * 0.6, u * 0.25, 0xFFD890);
        mid.rect(cx - side * u * 0.5 - u * 0.02, gy - u * 0.63, u * 0.04, u * 0.06, glow(0xFFE8A0, 255));
    }

    private void controlRoom() {
        Color hull = c(pick(new int[] {0x4A4E56, 0x3A4048, 0x5A544C}));
        back.rect(xa, ya, xb - xa, yb - ya, Palette.shade(hull, 0.8));
        List<Shape> ribs = new ArrayList<>();
        for (double x = xa; x < xb; x += u * 0.3) {
            ribs.add(new Rectangle2D.Double(x, ya, u * 0.03, yb - ya));
        }
        back.fillAll(ribs, Palette.shade(hull, 0.6));
        porthole(back, cx + (r.nextDouble() - 0.5) * u * 0.3, gy - u * 0.55, u * 0.14);
        Color console = c(0x2A2C30);
        for (int i = -3; i <= 3; i++) {
            double x = cx + i * u * 0.45;
            mid.poly(console, x - u * 0.2, gy + u * 0.02, x - u * 0.2, gy - u * 0.18, x - u * 0.15, gy - u * 0.26,
                    x + u * 0.15, gy - u * 0.26, x + u * 0.2, gy - u * 0.18, x + u * 0.2, gy + u * 0.02);
            mid.rect(x - u * 0.13, gy - u * 0.42, u * 0.26, u * 0.15, c(0x15171A));
            mid.rect(x - u * 0.12, gy - u * 0.41, u * 0.24, u * 0.13, glow(0xE8A040, 150));
            List<Shape> trace = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                trace.add(new Rectangle2D.Double(x - u * 0.1, gy - u * (0.39 - 0.02 * k), u * (0.05 + 0.15 * r.nextDouble()),
                        u * 0.008));
            }
            mid.fillAll(trace, glow(0xFFD890, 255));
            midMoves.add(new Ambient.Blink(MID, lamps(x - u * 0.17, gy - u * 0.22, x + u * 0.15, gy - u * 0.12, 7, u * 0.02),
                    glow(0xFFB040, 255), glow(0x5A3A10, 255), seed + i));
        }
        surface(gy - u * 0.24, cx + u * 0.45);
        Path2D.Double cables = new Path2D.Double();
        for (int i = 0; i < 4; i++) {
            double x0 = xa + (xb - xa) * r.nextDouble();
            cables.moveTo(x0, ya);
            cables.quadTo(x0 + u * 0.3, gy - u * 0.7, x0 + u * 0.6, ya);
        }
        fore.fill(new java.awt.BasicStroke((float) (u * 0.015)).createStrokedShape(cables), c(0x1A1C20));
    }

    private void space() {
        skyDome(true);
        sky.backdrop(xa, ya, xb - xa, yb - ya, ya, glow(0x02030A, 255), yb, glow(0x0A0E22, 255));
        SceneLayer.Builder stars = new SceneLayer.Builder(0.05);
        List<Shape> dots = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            double s = u * (0.003 + 0.005 * r.nextDouble());
            dots.add(new Ellipse2D.Double(xa - w + r.nextDouble() * (xb - xa + 2 * w), ya + r.nextDouble() * (yb - ya), s, s));
        }
        stars.fillAll(dots, glow(0xF8F8FF, 230));
        skyMoves.add(new Ambient.Drift(0.05, stars.build(), 0.35 * w, 0, 0, null));
        far.circle(cx - u * 0.6, gy * 0.5, u * 0.25, glow(0x4A7AB8, 255));
        far.ellipse(cx - u * 0.65, gy * 0.45, u * 0.12, u * 0.05, glow(0xE8F0F8, 200));
        Color rock = c(0x6A6660);
        back.fill(new Ellipse2D.Double(cx - u * 3, gy + u * 0.1, u * 6, u * 3), rock);
        List<Shape> craters = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            craters.add(new Ellipse2D.Double(cx + (r.nextDouble() - 0.5) * 3 * u, gy + u * (0.2 + 0.5 * r.nextDouble()),
                    u * 0.1, u * 0.035));
        }
        back.fillAll(craters, Palette.shade(rock, 0.7));
        double mx = cx + (r.nextBoolean() ? 1 : -1) * u * 0.35;
        Color metal = c(0xC8CCD0);
        Path2D.Double truss = new Path2D.Double();
        for (double y = gy + u * 0.15; y > gy - u * 0.9; y -= u * 0.1) {
            truss.moveTo(mx - u * 0.04, y);
            truss.lineTo(mx + u * 0.04, y - u * 0.1);
            truss.moveTo(mx + u * 0.04, y);
            truss.lineTo(mx - u * 0.04, y - u * 0.1);
        }
        mid.fill(new java.awt.BasicStroke((float) (u * 0.006)).createStrokedShape(truss), metal);
        mid.rect(mx - u * 0.045, gy - u * 0.95, u * 0.01, u * 1.1, metal);
        mid.rect(mx + u * 0.035, gy - u * 0.95, u * 0.01, u * 1.1, metal);
        java.awt.geom.AffineTransform tilt = java.awt.geom.AffineTransform.getRotateInstance(0.5, mx, gy - u * 0.95);
        mid.fill(tilt.createTransformedShape(new java.awt.geom.Arc2D.Double(mx - u * 0.18, gy - u * 1.2, u * 0.36, u * 0.3,
                180, 180, java.awt.geom.Arc2D.CHORD)), c(0xE8E8EC));
        midMoves.add(new Ambient.Blink(MID, List.of(new Ellipse2D.Double(mx - u * 0.015, gy - u * 0.99, u * 0.03, u * 0.03)),
                glow(0xFF3030, 255), glow(0x401010, 255), seed));
        double hx = cx - (mx - cx) * 2.6;
        back.rect(hx - u * 0.4, gy - u * 0.3, u * 0.8, u * 0.45, c(0xB8BCC4));
        back.rect(hx - u * 0.38, gy - u * 0.25, u * 0.76, u * 0.01, c(0x7A7E84));
        back.circle(hx, gy - u * 0.1, u * 0.07, c(0x3A3E44));
    }

    private void airlock() {
        Color metal = c(pick(new int[] {0x9AA0A8, 0x8A8E84, 0xA8A4A0}));
        back.rect(xa, ya, xb - xa, yb - ya, metal);
        List<Shape> rivets = new ArrayList<>();
        for (double y = ya; y < yb; y += u * 0.2) {
            back.rect(xa, y, xb - xa, u * 0.008, Palette.shade(metal, 0.7));
            for (double x = xa; x < xb; x += u * 0.1) {
                rivets.add(new Ellipse2D.Double(x, y + u * 0.02, u * 0.01, u * 0.01));
            }
        }
        back.fillAll(rivets, Palette.shade(metal, 0.6));
        double hx = cx + (r.nextDouble() - 0.5) * u * 0.3;
        double hy = gy - u * 0.32;
        back.circle(hx, hy, u * 0.36, c(0x3A3E44));
        back.circle(hx, hy, u * 0.32, c(0x6A7078));
        back.circle(hx, hy, u * 0.12, c(0x4A4E56));
        back.rect(hx - u * 0.3, hy - u * 0.015, u * 0.6, u * 0.03, c(0x4A4E56));
        List<Shape> stripes = new ArrayList<>();
        for (double x = xa; x < xb; x += u * 0.08) {
            stripes.add(SceneLayer.polygon(x, gy, x + u * 0.04, gy, x + u * 0.08, gy + u * 0.05, x + u * 0.04, gy + u * 0.05));
        }
        back.rect(xa, gy, xb - xa, u * 0.05, c(0x1E1E1E));
        back.fillAll(stripes, c(0xE8C020));
        back.rect(xa, gy + u * 0.05, xb - xa, yb - gy, c(0x4A4E54));
        for (int i = 0; i < 2; i++) {
            double sx = hx + (i == 0 ? -1 : 1) * u * 0.62;
            mid.fill(new RoundRectangle2D.Double(sx - u * 0.1, gy - u * 0.6, u * 0.2, u * 0.5, u * 0.06, u * 0.06), c(0xF0F0EA));
            mid.circle(sx, gy - u * 0.66, u * 0.08, c(0xE8E8E4));
            mid.circle(sx, gy - u * 0.66, u * 0.055, glow(0x2A3A5A, 255));
        }
        back.rect(hx - u * 0.04, hy - u * 0.52, u * 0.08, u * 0.05, glow(0xFF3020, 255));
        backMoves.add(new Ambient.Flicker(BACK, hx, hy - u * 0.5, u * 0.8, glow(0xFF2010, 55), seed));
    }

    private void warehouse() {
        Color wallC = c(pick(new int[] {0x8A8478, 0x7A8488, 0x9A8A78}));
        back.rect(xa, ya, xb - xa, gy - ya, wallC);
        List<Shape> ribs = new ArrayList<>();
        for (double x = xa; x < xb; x += u * 0.05) {
            ribs.add(new Rectangle2D.Double(x, ya, u * 0.012, gy - ya));
        }
        back.fillAll(ribs, Palette.shade(wallC, 0.85));
        for (double x = xa; x < xb; x += u * 0.5) {
            back.rect(x, gy - u * 1.0, u * 0.3, u * 0.12, night() ? glow(0x1A2440, 255) : glow(0xD8E4EC, 255));
        }
        double dx = cx + (r.nextBoolean() ? 1 : -1) * u * 0.6;
        back.rect(dx - u * 0.3, gy - u * 0.55, u * 0.6, u * 0.55, c(0x5A6068));
        for (double y = gy - u * 0.55; y < gy; y += u * 0.04) {
            back.rect(dx - u * 0.3, y, u * 0.6, u * 0.006, c(0x3A3E44));
        }
        floor(0x7A7A76, false);
        double rx = cx - (dx - cx) * 1.2;
        Color rack = c(0x2E5E9A);
        for (int k = 0; k < 2; k++) {
            double x0 = rx - u * 0.45 + k * u * 0.5;
            mid.rect(x0, gy - u * 0.75, u * 0.025, u * 0.77, rack);
            mid.rect(x0 + u * 0.45, gy - u * 0.75, u * 0.025, u * 0.77, rack);
            for (int s = 0; s < 3; s++) {
                double sy = gy - u * (0.05 + 0.25 * s);
                mid.rect(x0, sy, u * 0.47, u * 0.02, c(0xE87A20));
                for (double bx = x0 + u * 0.03; bx < x0 + u * 0.42; bx += u * 0.14) {
                    double bh = u * (0.1 + 0.08 * r.nextDouble());
                    mid.rect(bx, sy - bh, u * 0.12, bh, c(0xB08A5A));
                    mid.rect(bx, sy - bh * 0.55, u * 0.12, u * 0.01, c(0x8A6A3A));
                }
            }
        }
        for (double x = xa; x < xb; x += u * 0.6) {
            mid.rect(x, ya, u * 0.03, gy - u * 0.9 - ya, c(0x3A3A3A));
            mid.ellipse(x + u * 0.015, gy - u * 0.88, u * 0.06, u * 0.02, glow(0xF8F4E0, 255));
        }
    }

    private void church() {
        Color stone = c(pick(new int[] {0xC8BCA8, 0xB8B0A0, 0xD8CCB4}));
        back.rect(xa, ya, xb - xa, gy - ya, stone);
        floor(0x8A8070, true);
        for (double x = xa; x < xb; x += u * 0.55) {
            back.rect(x, ya, u * 0.08, gy - ya, Palette.shade(stone, 0.8));
            double wx = x + u * 0.18;
            Path2D.Double arch = new Path2D.Double();
            arch.moveTo(wx, gy - u * 0.35);
            arch.lineTo(wx, gy - u * 0.7);
            arch.quadTo(wx, gy - u * 0.85, wx + u * 0.1, gy - u * 0.92);
            arch.quadTo(wx + u * 0.2, gy - u * 0.85, wx + u * 0.2, gy - u * 0.7);
            arch.lineTo(wx + u * 0.2, gy - u * 0.35);
            arch.closePath();
            back.fill(arch, Palette.shade(stone, 0.6));
            for (int k = 0; k < 6; k++) {
                back.rect(wx + u * 0.02 + (k % 2) * u * 0.08, gy - u * (0.42 + 0.07 * (k / 2)), u * 0.08, u * 0.06,
                        glow(pick(new int[] {0xC83A3A, 0x3A5AC8, 0xE8C030, 0x3A9A5A}), 230));
            }
        }
        double ax = cx + (r.nextDouble() - 0.5) * u * 0.2;
        mid.rect(ax - u * 0.25, gy - u * 0.2, u * 0.5, u * 0.2, c(0xE8E0D0));
        mid.rect(ax - u * 0.25, gy - u * 0.2, u * 0.5, u * 0.03, c(0xC8A040));
        mid.rect(ax - u * 0.01, gy - u * 0.45, u * 0.02, u * 0.22, c(0xC8A040));
        mid.rect(ax - u * 0.07, gy - u * 0.4, u * 0.14, u * 0.02, c(0xC8A040));
        for (int i = -1; i <= 1; i += 2) {
            mid.rect(ax + i * u * 0.18 - u * 0.01, gy - u * 0.29, u * 0.02, u * 0.08, c(0xF4F0E0));
            lampGlow(midMoves, MID, ax + i * u * 0.18, gy - u * 0.31, u * 0.06, 0xFFC860);
        }
        surface(gy - u * 0.2, ax);
        Color pew = c(0x5A3A22);
        for (int row = 0; row < 2; row++) {
            double y = gy + u * (0.1 + 0.25 * row);
            for (int side = -1; side <= 1; side += 2) {
                double x0 = cx + side * u * 0.15;
                double x1 = cx + side * u * 1.8;
                mid.rect(StrictMath.min(x0, x1), y, StrictMath.abs(x1 - x0), u * 0.12, pew);
                mid.rect(StrictMath.min(x0, x1), y - u * 0.02, StrictMath.abs(x1 - x0), u * 0.03, Palette.shade(pew, 1.3));
            }
        }
    }

    private void churchFront() {
        skyDome(false);
        clouds(3);
        buildings(far, gy, u * 0.3, u * 0.5, 0.4, false);
        Color stone = c(pick(new int[] {0xB8A888, 0xA8A09A, 0xC8B898}));
        double fx = cx + (r.nextDouble() - 0.5) * u * 0.3;
        back.rect(fx - u * 0.6, gy - u * 0.62, u * 1.2, u * 0.68, stone);
        back.poly(stone, fx - u * 0.62, gy - u * 0.62, fx, gy - u * 0.9, fx + u * 0.62, gy - u * 0.62);
        back.rect(fx + u * 0.35, gy - u * 1.3, u * 0.22, u * 0.7, Palette.shade(stone, 0.9));
        back.poly(c(0x4A5058), fx + u * 0.33, gy - u * 1.3, fx + u * 0.46, gy - u * 1.7, fx + u * 0.59, gy - u * 1.3);
        back.circle(fx, gy - u * 0.58, u * 0.09, c(0x3A3A5A));
        for (int k = 0; k < 8; k++) {
            double a = k * StrictMath.PI / 4;
            back.circle(fx + StrictMath.cos(a) * u * 0.055, gy - u * 0.58 + StrictMath.sin(a) * u * 0.055, u * 0.018,
                    glow(pick(new int[] {0xC83A3A, 0x3A5AC8, 0xE8C030}), 255));
        }
        Path2D.Double doorway = new Path2D.Double();
        doorway.moveTo(fx - u * 0.12, gy + u * 0.06);
        doorway.lineTo(fx - u * 0.12, gy - u * 0.25);
        doorway.quadTo(fx, gy - u * 0.42, fx + u * 0.12, gy - u * 0.25);
        doorway.lineTo(fx + u * 0.12, gy + u * 0.06);
        doorway.closePath();
        back.fill(doorway, c(0x5A3420));
        back.rect(fx - u * 0.005, gy - u * 0.3, u * 0.01, u * 0.36, c(0x3A2010));
        for (int i = 0; i < 5; i++) {
            double y = gy + u * 0.06 + i * u * 0.06;
            mid.rect(xa, y, xb - xa, u * 0.06, Palette.shade(stone, 1.05 - 0.05 * i));
            mid.rect(xa, y, xb - xa, u * 0.008, Palette.shade(stone, 0.7));
        }
        mid.rect(xa, gy + u * 0.36, xb - xa, yb - gy, c(0x7A7670));
    }

    private void classroom() {
        wall(pick(new int[] {0xE0D8B8, 0xC8D8C0, 0xD8C8B0}));
        floor(0xA8885A, false);
        double bx = cx + (r.nextDouble() - 0.5) * u * 0.3;
        back.rect(bx - u * 0.55, gy - u * 0.75, u * 1.1, u * 0.42, c(0x6A5038));
        back.rect(bx - u * 0.52, gy - u * 0.72, u * 1.04, u * 0.36, c(0x2A4A36));
        for (int k = 0; k < 3; k++) {
            back.rect(bx - u * 0.45, gy - u * (0.66 - 0.08 * k), u * (0.3 + 0.3 * r.nextDouble()), u * 0.012, c(0xE8E8E0));
        }
        back.circle(bx + u * 0.8, gy - u * 0.8, u * 0.06, c(0xF4F0E8));
        back.rect(bx + u * 0.8 - u * 0.002, gy - u * 0.84, u * 0.004, u * 0.04, c(0x1A1A1A));
        window(back, bx - u * 1.2, gy - u * 0.8, u * 0.35, u * 0.45, false);
        for (int row = 0; row < 2; row++) {
            for (int i = -3; i <= 3; i++) {
                double x = cx + i * u * 0.42 + row * u * 0.2;
                double y = gy + u * (0.05 + 0.22 * row);
                mid.rect(x - u * 0.15, y - u * 0.16, u * 0.3, u * 0.025, c(0xC8A070));
                mid.rect(x - u * 0.13, y - u * 0.14, u * 0.02, u * 0.16, c(0x5A5A5A));
                mid.rect(x + u * 0.11, y - u * 0.14, u * 0.02, u * 0.16, c(0x5A5A5A));
            }
        }
        surface(gy - u * 0.11, cx);
    }

    private void stage() {
        back.rect(xa, ya, xb - xa, yb - ya, c(0x14121A));
        Color curtain = c(pick(new int[] {0x8A1A22, 0x2A2A6A, 0x6A1A4A}));
        for (int side = -1; side <= 1; side += 2) {
            double x0 = cx + side * u * 0.7;
            for (int k = 0; k < 8; k++) {
                double x = x0 + side * k * u * 0.08;
                back.rect(x - u * 0.04, ya, u * 0.08, gy - ya + u * 0.05, Palette.shade(curtain, k % 2 == 0 ? 1.0 : 0.8));
            }
        }
        back.rect(xa, ya, xb - xa, gy - u * 0.85 - ya, curtain);
        Color boards = c(0x9A6A3A);
        back.backdrop(xa, gy, xb - xa, u * 0.3, gy, Palette.shade(boards, 0.8), gy + u * 0.3, boards);
        List<Shape> seams = new ArrayList<>();
        for (double y = gy + u * 0.03; y < gy + u * 0.3; y += u * 0.04) {
            seams.add(new Rectangle2D.Double(xa, y, xb - xa, StrictMath.max(1, u * 0.003)));
        }
        back.fillAll(seams, Palette.shade(boards, 0.7));
        back.rect(xa, gy + u * 0.3, xb - xa, yb - gy, c(0x1A1418));
        for (int i = -1; i <= 1; i += 2) {
            backMoves.add(new Ambient.Beam(BACK, cx + i * u * 0.6, ya + h * 0.4, u * 1.2, 9, i < 0 ? -60 : -120, i * 20,
                    glow(0xFFF4D8, 45)));
        }
        surface(gy + u * 0.02, cx + u * 0.3);
        Color seat = c(0x3A1418);
        for (double x = xa; x < xb; x += u * 0.16) {
            fore.fill(new RoundRectangle2D.Double(x, h * 0.93, u * 0.13, u * 0.2, u * 0.05, u * 0.05), seat);
        }
    }

    private void harbour() {
        skyDome(false);
        clouds(3);
        double horizon = gy - u * 0.04;
        sea(horizon, yb);
        List<Shape> shoreLights = new ArrayList<>();
        far.rect(xa, horizon - u * 0.025, xb - xa, u * 0.03, hazed(0x3A4038, 0.5));
        for (int i = 0; i < 30; i++) {
            shoreLights.add(new Ellipse2D.Double(xa + r.nextDouble() * (xb - xa), horizon - u * 0.02, u * 0.008, u * 0.008));
        }
        far.fillAll(shoreLights, glow(night() ? 0xF6D27A : 0xE8E8E0, 255));
        double side = r.nextBoolean() ? 1 : -1;
        double px = cx - side * u * 0.25;
        Color boards = c(0x8A7050);
        mid.poly(boards, px - u * 0.5, yb, px - u * 0.12, gy + u * 0.02, px + u * 0.12, gy + u * 0.02, px + u * 0.5, yb);
        List<Shape> planks = new ArrayList<>();
        for (double y = gy + u * 0.04, step = u * 0.012; y < yb; step *= 1.25, y += step) {
            planks.add(new Rectangle2D.Double(px - u * 0.6, y, u * 1.2, StrictMath.max(1, u * 0.003)));
        }
        mid.fill(clipped(planks, SceneLayer.polygon(px - u * 0.5, yb, px - u * 0.12, gy + u * 0.02, px + u * 0.12,
                gy + u * 0.02, px + u * 0.5, yb)), Palette.shade(boards, 0.7));
        for (int i = 0; i < 4; i++) {
            double k = i / 4.0;
            double y = gy + u * 0.02 + (yb - gy) * k * k;
            double x = px - u * (0.12 + 0.38 * k * k);
            mid.rect(x - u * 0.02, y - u * 0.05, u * 0.03, u * 0.08 + u * 0.2 * k, c(0x4A3A2A));
        }
        lamppost(mid, midMoves, MID, px + u * 0.2, gy + u * 0.25, u * 0.6);
        SceneLayer.Builder boat = new SceneLayer.Builder(BACK);
        double bx = cx + side * u * 0.55;
        Props.boat(boat, bx, gy + u * 0.12, u * 0.25, c(0xE07020), c(0xF0F0EA));
        backMoves.add(new Ambient.Drift(BACK, boat.build(), side * u * 0.06, u * 0.015, 0, null));
        far.rect(cx - side * u * 1.1, horizon - u * 0.18, u * 0.7, u * 0.16, hazed(0x3A3E48, 0.3));
        far.rect(cx - side * u * 1.0, horizon - u * 0.26, u * 0.3, u * 0.1, hazed(0xE8E8E0, 0.3));
    }

    private Shape clipped(List<Shape> many, Shape clip) {
        java.awt.geom.Area a = new java.awt.geom.Area();
        for (Shape s : many) {
            a.add(new java.awt.geom.Area(s));
        }
        a.intersect(new java.awt.geom.Area(clip));
        return a;
    }

    private void terminal() {
        skyDome(false);
        Color concrete = c(0x8A8A86);
        double tx = cx + (r.nextDouble() - 0.5) * u * 0.4;
        back.rect(xa, gy - u * 0.5, xb - xa, u * 0.52, concrete);
        List<Shape> panes = new ArrayList<>();
        for (double x = xa; x < xb; x += u * 0.16) {
            panes.add(new Rectangle2D.Double(x + u * 0.01, gy - u * 0.42, u * 0.14, u * 0.3));
        }
        back.fillAll(panes, night() ? glow(0xE8E0B0, 255) : hazed(0x8AA8C0, 0.1));
        back.poly(hazed(0xA8C8D8, 0.2), xa, gy - u * 0.5, xb, gy - u * 0.5, xb, gy - u * 0.62, tx + u * 0.3, gy - u * 0.85,
                tx - u * 0.3, gy - u * 0.85, xa, gy - u * 0.62);
        back.rect(tx - u * 0.3, gy - u * 0.62, u * 0.6, u * 0.14, c(0x1A1A1E));
        List<Shape> rows = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            rows.add(new Rectangle2D.Double(tx - u * 0.27, gy - u * (0.59 - 0.04 * k), u * (0.3 + 0.2 * r.nextDouble()), u * 0.018));
        }
        backMoves.add(new Ambient.Blink(BACK, rows, glow(0xF8B830, 255), glow(0x4A3410, 255), seed));
        back.rect(xa, gy + u * 0.02, xb - xa, yb - gy, c(0x4A4A50));
        List<Shape> bays = new ArrayList<>();
        for (double x = xa; x < xb; x += u * 0.3) {
            bays.add(SceneLayer.polygon(x, gy + u * 0.1, x + u * 0.012, gy + u * 0.1, x + u * 0.05, yb, x + u * 0.038, yb));
        }
        back.fillAll(bays, c(0xE8E8E0));
        double gx = cx - (tx - cx) - u * 0.3;
        mid.rect(gx - u * 0.02, gy - u * 0.02, u * 0.05, u * 0.22, c(0x3A3A3A));
        List<Shape> stripes = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            stripes.add(new Rectangle2D.Double(gx + u * 0.03 + k * u * 0.12, gy + u * 0.02, u * 0.06, u * 0.03));
        }
        mid.rect(gx + u * 0.03, gy + u * 0.02, u * 0.72, u * 0.03, c(0xF4F4F0));
        mid.fillAll(stripes, c(0xD8302A));
        for (double x = xa + u * 0.4; x < xb; x += u * 1.1) {
            lamppost(mid, midMoves, MID, x, gy + u * 0.3, u * 0.7);
        }
    }

    private void ticketHall() {
        Color wallC = c(pick(new int[] {0xD8D0C0, 0xC0C8C8, 0xE0D8C8}));
        back.rect(xa, ya, xb - xa, gy - ya, wallC);
        for (double x = xa; x < xb; x += u * 0.45) {
            back.fill(new RoundRectangle2D.Double(x, gy - u * 1.1, u * 0.3, u * 0.4, u * 0.3, u * 0.3),
                    night() ? glow(0x1E2A50, 255) : glow(0xBFDDF2, 255));
        }
        floor(0xB8B0A0, true);
        double bx = cx + (r.nextDouble() - 0.5) * u * 0.3;
        back.rect(bx - u * 0.4, gy - u * 0.68, u * 0.8, u * 0.24, c(0x141418));
        List<Shape> rows = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            rows.add(new Rectangle2D.Double(bx - u * 0.37, gy - u * (0.64 - 0.04 * k), u * (0.35 + 0.35 * r.nextDouble()),
                    u * 0.022));
        }
        backMoves.add(new Ambient.Blink(BACK, rows, glow(0xF8B830, 255), glow(0x5A4014, 255), seed));
        back.circle(bx + u * 0.6, gy - u * 0.56, u * 0.06, c(0xF4F0E8));
        for (double x = xa; x < xb; x += u * 0.35) {
            back.rect(x, gy - u * 0.38, u * 0.3, u * 0.38, c(0x6A5A48));
            back.rect(x + u * 0.04, gy - u * 0.34, u * 0.22, u * 0.14, glow(0xE8E4C8, 220));
        }
        double vx = bx + (r.nextBoolean() ? 1 : -1) * u * 0.75;
        for (int i = 0; i < 2; i++) {
            double x = vx + i * u * 0.2;
            mid.rect(x - u * 0.09, gy - u * 0.5, u * 0.18, u * 0.52, c(i == 0 ? 0xC8302A : 0x2A5AA8));
            mid.rect(x - u * 0.07, gy - u * 0.46, u * 0.1, u * 0.22, glow(0xE8F0F0, 230));
        }
        mid.rect(xa, gy + u * 0.3, xb - xa, u * 0.015, c(0xE8C830));
    }
}
