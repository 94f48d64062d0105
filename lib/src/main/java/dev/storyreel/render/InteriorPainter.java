package dev.storyreel.render;

import dev.storyreel.shot.Setting;
import java.awt.Color;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Interior sets: back wall with trim, a window showing the time of day, a door, a picture, a floor
 * in perspective and furniture chosen from the location's words. The layout depends on the location
 * only, so all shots of a scene share the room.
 */
final class InteriorPainter {

    /** The furniture a room gets. */
    enum Room { KITCHEN, BEDROOM, OFFICE, BAR, VEHICLE, LIVING }

    private static final Set<String> KITCHEN = Set.of("KITCHEN", "KITCHENETTE", "PANTRY");
    private static final Set<String> BEDROOM = Set.of("BEDROOM", "BED", "HOSPITAL", "WARD", "DORM", "CELL",
            "MOTEL", "NURSERY", "INFIRMARY");
    private static final Set<String> OFFICE = Set.of("OFFICE", "STUDY", "LIBRARY", "CLASSROOM", "SCHOOL",
            "STUDIO", "PRECINCT", "LAB", "LABORATORY", "BANK", "COURTROOM", "NEWSROOM", "CONFERENCE", "DESK");
    private static final Set<String> BAR = Set.of("BAR", "PUB", "RESTAURANT", "DINER", "CAFE", "CAFETERIA",
            "CLUB", "SALOON", "COFFEE", "TAVERN", "NIGHTCLUB", "LOUNGE", "COUNTER", "SHOP", "STORE");
    private static final Set<String> VEHICLE = Set.of("CAR", "TAXI", "CAB", "TRUCK", "BUS", "TRAIN", "PLANE",
            "VAN", "LIMO", "LIMOUSINE", "SUBWAY", "JEEP", "AIRPLANE", "COCKPIT");

    private static final int[] WALLS = {0xD8CDB8, 0xA9B79C, 0x9FB1C4, 0xC99A7E, 0xB8B2AA, 0xC8B4CF, 0xD9C89A};
    private static final int[] FABRICS = {0x7A3B3B, 0x3B5A7A, 0x5A6E3B, 0x8A6A3A, 0x5A4A6E, 0x2E5E5A};
    private static final int WOOD = 0x8A6242;

    private InteriorPainter() {
    }

    static Room roomOf(List<String> words) {
        if (SceneryPainter.any(words, VEHICLE)) {
            return Room.VEHICLE;
        }
        if (SceneryPainter.any(words, KITCHEN)) {
            return Room.KITCHEN;
        }
        if (SceneryPainter.any(words, BAR)) {
            return Room.BAR;
        }
        if (SceneryPainter.any(words, BEDROOM)) {
            return Room.BEDROOM;
        }
        if (SceneryPainter.any(words, OFFICE)) {
            return Room.OFFICE;
        }
        return Room.LIVING;
    }

    /**
     * Wall (depth 0.5), floor (0.6) and furniture (0.7) layers of an interior, back to front.
     *
     * @param floorY where the back wall meets the floor, in pixels
     */
    static List<SceneLayer> interior(Setting setting, Palette p, double w, double h, double floorY) {
        Room room = roomOf(SceneryPainter.words(setting.location()));
        SplittableRandom r = SceneryPainter.setRandom(setting);
        SceneLayer.Builder wall = new SceneLayer.Builder(0.5);
        SceneLayer.Builder floor = new SceneLayer.Builder(0.6);
        SceneLayer.Builder furniture = new SceneLayer.Builder(0.7);
        if (room == Room.VEHICLE) {
            vehicle(wall, floor, furniture, p, w, h, floorY, r);
            return List.of(wall.build(), floor.build(), furniture.build());
        }
        Color wallColor = p.lit(WALLS[r.nextInt(WALLS.length)]);
        Color trim = p.lit(r.nextBoolean() ? 0xF2EEE4 : 0x6A4A34);
        wall.backdrop(-w, -2 * h, 3 * w, 2 * h + floorY + 1, 0, Palette.shade(wallColor, 0.82), floorY, wallColor);
        wall.rect(-w, floorY - 0.3 * h, 3 * w, StrictMath.max(1, h * 0.012), trim);
        wall.rect(-w, floorY - 0.028 * h, 3 * w, 0.028 * h, trim);

        boolean windowLeft = r.nextBoolean();
        double winX = w * (windowLeft ? 0.1 + 0.12 * r.nextDouble() : 0.56 + 0.12 * r.nextDouble());
        double doorX = w * (windowLeft ? 0.8 + 0.08 * r.nextDouble() : 0.04 + 0.08 * r.nextDouble());
        window(wall, p, winX, h * 0.1, w * 0.28, h * 0.32, trim, r);
        door(wall, p, doorX, floorY, w * 0.12, h * 0.44, trim);
        double picX = windowLeft ? winX + w * 0.36 : winX - w * 0.2;
        picture(wall, p, picX, h * 0.14, w * 0.1, h * 0.13, r);
        if (p.night()) {
            // Warm pool of lamplight on the wall.
            wall.ellipse(w * 0.5, floorY - h * 0.22, w * 0.5, h * 0.34, p.graded(0xFFD9A0, 12));
        }

        Color floorColor = p.lit(r.nextInt(3) == 0 ? 0x7A7470 : WOOD);
        floor.backdrop(-w, floorY, 3 * w, 3 * h, floorY, Palette.shade(floorColor, 0.85), h, floorColor);
        Path2D.Double boards = new Path2D.Double();
        double vx = w * 0.5;
        double vy = floorY - h * 1.2;
        double thick = StrictMath.max(0.6, w * 0.0015);
        for (double x = -1.2 * w; x <= 2.2 * w; x += w * 0.11) {
            double bx = vx + (x - vx) * (3 * h - vy) / (floorY - vy);
            boards.append(SceneLayer.polygon(x - thick, floorY, x + thick, floorY, bx + thick * 4, 3 * h,
                    bx - thick * 4, 3 * h), false);
        }
        floor.fill(boards, Palette.shade(floorColor, 0.78));
        if (!p.night()) {
            // Daylight falling from the window onto the floor.
            floor.poly(p.graded(0xFFF6DC, 22), winX, floorY, winX + w * 0.28, floorY,
                    winX + w * 0.4, floorY + h * 0.3, winX + w * 0.12, floorY + h * 0.3);
        }
        Color rug = p.lit(FABRICS[r.nextInt(FABRICS.length)]);
        floor.ellipse(w * 0.5, floorY + h * 0.2, w * 0.32, h * 0.07, rug);
        floor.ellipse(w * 0.5, floorY + h * 0.2, w * 0.26, h * 0.05, Palette.shade(rug, 1.25));

        Color fabric = p.lit(FABRICS[r.nextInt(FABRICS.length)]);
        switch (room) {
            case KITCHEN -> kitchen(wall, furniture, p, w, h, floorY, r);
            case BEDROOM -> bed(furniture, p, w * (0.3 + 0.3 * r.nextDouble()), floorY, w, h, fabric);
            case OFFICE -> office(wall, furniture, p, w, h, floorY, r);
            case BAR -> bar(wall, furniture, p, w, h, floorY, r);
            case LIVING -> living(furniture, p, w, h, floorY, r, fabric);
            case VEHICLE -> throw new IllegalStateException("handled above");
        }
        return List.of(wall.build(), floor.build(), furniture.build());
    }

    private static void window(SceneLayer.Builder b, Palette p, double x, double y, double ww, double wh, Color trim,
                               SplittableRandom r) {
        double f = wh * 0.05;
        b.rect(x - f, y - f, ww + 2 * f, wh + 2 * f, trim);
        b.backdrop(x, y, ww, wh, y, p.skyTop, y + wh, p.skyBottom);
        // A skyline or hill seen through the glass.
        Path2D.Double outside = new Path2D.Double();
        outside.moveTo(x, y + wh);
        double cx = x;
        while (cx < x + ww) {
            double bw = ww * (0.12 + 0.15 * r.nextDouble());
            double top = y + wh * (0.45 + 0.35 * r.nextDouble());
            outside.lineTo(cx, top);
            outside.lineTo(StrictMath.min(x + ww, cx + bw), top);
            cx += bw;
        }
        outside.lineTo(x + ww, y + wh);
        outside.closePath();
        Area view = new Area(outside);
        view.intersect(new Area(new Rectangle2D.Double(x, y, ww, wh)));
        b.fill(view, p.lit(0x6A7890, 0.45));
        if (p.night()) {
            b.circle(x + ww * 0.7, y + wh * 0.22, wh * 0.07, p.sun);
        } else if (p.light() == Palette.Light.DAY) {
            b.circle(x + ww * 0.25, y + wh * 0.2, wh * 0.06, p.sun);
        }
        b.rect(x + ww / 2 - f * 0.4, y, f * 0.8, wh, trim);
        b.rect(x, y + wh * 0.45, ww, f * 0.8, trim);
        b.rect(x - f * 2, y + wh + f * 0.6, ww + 4 * f, f * 1.2, Palette.shade(trim, 0.85));
        Color curtain = p.lit(FABRICS[r.nextInt(FABRICS.length)]);
        b.rect(x - ww * 0.2, y - f * 2.5, ww * 0.18, wh * 1.3, curtain);
        b.rect(x + ww * 1.02, y - f * 2.5, ww * 0.18, wh * 1.3, curtain);
        Color fold = Palette.shade(curtain, 0.78);
        b.rect(x - ww * 0.14, y - f * 2.5, ww * 0.03, wh * 1.3, fold);
        b.rect(x + ww * 1.1, y - f * 2.5, ww * 0.03, wh * 1.3, fold);
        b.rect(x - ww * 0.24, y - f * 3, ww * 1.48, f * 0.8, Palette.shade(fold, 0.6));
    }

    private static void door(SceneLayer.Builder b, Palette p, double x, double floorY, double dw, double dh, Color trim) {
        double f = dw * 0.08;
        b.rect(x - f, floorY - dh - f, dw + 2 * f, dh + f, trim);
        Color wood = p.lit(0x6E4A30);
        b.rect(x, floorY - dh, dw, dh, wood);
        Color panel = Palette.shade(wood, 0.85);
        b.rect(x + dw * 0.15, floorY - dh * 0.92, dw * 0.7, dh * 0.36, panel);
        b.rect(x + dw * 0.15, floorY - dh * 0.5, dw * 0.7, dh * 0.42, panel);
        b.circle(x + dw * 0.84, floorY - dh * 0.48, dw * 0.05, p.lit(0xD8B860));
    }

    private static void picture(SceneLayer.Builder b, Palette p, double x, double y, double pw, double ph,
                                SplittableRandom r) {
        b.rect(x, y, pw, ph, p.lit(0x4A3424));
        b.rect(x + pw * 0.08, y + ph * 0.08, pw * 0.84, ph * 0.84, p.lit(0xEDE6D6));
        b.rect(x + pw * 0.08, y + ph * 0.55, pw * 0.84, ph * 0.37, p.lit(FABRICS[r.nextInt(FABRICS.length)]));
        b.circle(x + pw * (0.3 + 0.4 * r.nextDouble()), y + ph * 0.4, ph * 0.12, p.lit(0xD88A40));
    }

    private static void living(SceneLayer.Builder b, Palette p, double w, double h, double floorY, SplittableRandom r,
                               Color fabric) {
        double sx = w * (0.25 + 0.2 * r.nextDouble());
        double sw = w * 0.36;
        double base = floorY + h * 0.07;
        Color dark = Palette.shade(fabric, 0.8);
        b.fill(new java.awt.geom.RoundRectangle2D.Double(sx, base - h * 0.22, sw, h * 0.16, h * 0.04, h * 0.04), dark);
        b.rect(sx + sw * 0.04, base - h * 0.1, sw * 0.92, h * 0.08, fabric);
        b.fill(new java.awt.geom.RoundRectangle2D.Double(sx - sw * 0.04, base - h * 0.15, sw * 0.1, h * 0.14, h * 0.03, h * 0.03), dark);
        b.fill(new java.awt.geom.RoundRectangle2D.Double(sx + sw * 0.94, base - h * 0.15, sw * 0.1, h * 0.14, h * 0.03, h * 0.03), dark);
        b.rect(sx + sw * 0.05, base - h * 0.02, sw * 0.03, h * 0.02, p.lit(0x2A2018));
        b.rect(sx + sw * 0.92, base - h * 0.02, sw * 0.03, h * 0.02, p.lit(0x2A2018));
        b.fill(new java.awt.geom.RoundRectangle2D.Double(sx + sw * 0.1, base - h * 0.2, sw * 0.16, h * 0.1, h * 0.02, h * 0.02),
                p.lit(0xE8D8B0));
        // Floor lamp beside the sofa.
        double lx = sx + sw + w * 0.06;
        b.rect(lx, base - h * 0.42, StrictMath.max(1, w * 0.005), h * 0.42, p.lit(0x2A2A2A));
        b.rect(lx - w * 0.02, base - h * 0.01, w * 0.045, h * 0.01, p.lit(0x2A2A2A));
        if (p.night()) {
            b.circle(lx, base - h * 0.45, h * 0.16, p.graded(0xFFD9A0, 28));
            b.circle(lx, base - h * 0.45, h * 0.09, p.graded(0xFFD9A0, 40));
        }
        b.poly(p.night() ? p.graded(0xFFE8C0) : p.lit(0xEDE0C4), lx - w * 0.035, base - h * 0.4, lx + w * 0.04, base - h * 0.4,
                lx + w * 0.025, base - h * 0.5, lx - w * 0.02, base - h * 0.5);
        shelf(b, p, w * (sx > w * 0.4 ? 0.06 : 0.78), floorY, w * 0.14, h * 0.38, r);
    }

    private static void shelf(SceneLayer.Builder b, Palette p, double x, double floorY, double sw, double sh,
                              SplittableRandom r) {
        Color wood = p.lit(WOOD);
        b.rect(x, floorY - sh, sw, sh + 0.01 * sh, Palette.shade(wood, 0.7));
        for (int i = 0; i < 4; i++) {
            double y = floorY - sh + sh * (0.05 + 0.24 * i);
            double bx = x + sw * 0.06;
            while (bx < x + sw * 0.88) {
                double bw = sw * (0.05 + 0.06 * r.nextDouble());
                double bh = sh * (0.14 + 0.06 * r.nextDouble());
                b.rect(bx, y + sh * 0.21 - bh, bw, bh, p.lit(FABRICS[r.nextInt(FABRICS.length)]));
                bx += bw + sw * 0.01;
            }
            b.rect(x, y + sh * 0.21, sw, sh * 0.025, wood);
        }
    }

    private static void bed(SceneLayer.Builder b, Palette p, double x, double floorY, double w, double h, Color fabric) {
        double bw = w * 0.4;
        double base = floorY + h * 0.1;
        Color wood = p.lit(WOOD);
        b.fill(new java.awt.geom.RoundRectangle2D.Double(x, base - h * 0.3, w * 0.03, h * 0.3, w * 0.01, w * 0.01), wood);
        b.rect(x + w * 0.02, base - h * 0.14, bw, h * 0.1, p.lit(0xF0EEE8));
        b.rect(x + bw * 0.3, base - h * 0.15, bw * 0.74, h * 0.13, fabric);
        b.rect(x + bw * 0.3, base - h * 0.15, bw * 0.74, h * 0.02, Palette.shade(fabric, 1.2));
        b.fill(new java.awt.geom.RoundRectangle2D.Double(x + w * 0.04, base - h * 0.19, bw * 0.22, h * 0.06, h * 0.03, h * 0.03),
                p.lit(0xFAFAF6));
        b.rect(x + w * 0.02, base - h * 0.04, bw + w * 0.01, h * 0.04, Palette.shade(wood, 0.8));
        b.rect(x + bw + w * 0.03, base - h * 0.2, w * 0.02, h * 0.2, wood);
        // Bedside table and lamp.
        double tx = x - w * 0.1;
        b.rect(tx, base - h * 0.14, w * 0.08, h * 0.14, wood);
        b.rect(tx + w * 0.035, base - h * 0.22, StrictMath.max(1, w * 0.006), h * 0.08, p.lit(0x3A3A3A));
        if (p.night()) {
            b.circle(tx + w * 0.038, base - h * 0.24, h * 0.1, p.graded(0xFFD9A0, 36));
        }
        b.poly(p.night() ? p.graded(0xFFE8C0) : p.lit(0xEDE0C4), tx + w * 0.01, base - h * 0.21, tx + w * 0.07, base - h * 0.21,
                tx + w * 0.055, base - h * 0.27, tx + w * 0.025, base - h * 0.27);
    }

    private static void kitchen(SceneLayer.Builder wall, SceneLayer.Builder b, Palette p, double w, double h,
                                double floorY, SplittableRandom r) {
        Color cab = p.lit(new int[] {0xE8E4DA, 0x6E8A9A, 0xA8B89A, 0x8A6242}[r.nextInt(4)]);
        Color top = p.lit(0x3A3A3E);
        double x0 = -0.5 * w;
        double x1 = 1.5 * w;
        Color tile = p.lit(0xE4E8E4);
        double splashTop = floorY - h * 0.36;
        wall.rect(x0, splashTop, x1 - x0, h * 0.18, tile);
        List<Rectangle2D> tiles = new ArrayList<>();
        double grout = StrictMath.max(1, h * 0.003);
        for (double y = splashTop; y < splashTop + h * 0.18; y += h * 0.045) {
            tiles.add(new Rectangle2D.Double(x0, y, x1 - x0, grout));
        }
        for (double x = x0; x < x1; x += h * 0.045) {
            tiles.add(new Rectangle2D.Double(x, splashTop, grout, h * 0.18));
        }
        wall.fillAll(tiles, Palette.shade(tile, 0.82));
        double base = floorY + h * 0.02;
        b.rect(x0, base - h * 0.2, x1 - x0, h * 0.2, cab);
        b.rect(x0, base - h * 0.23, x1 - x0, h * 0.03, top);
        List<Rectangle2D> seams = new ArrayList<>();
        for (double x = x0; x < x1; x += w * 0.09) {
            seams.add(new Rectangle2D.Double(x, base - h * 0.19, StrictMath.max(1, w * 0.003), h * 0.18));
            seams.add(new Rectangle2D.Double(x + w * 0.07, base - h * 0.15, w * 0.01, StrictMath.max(1, h * 0.006)));
        }
        b.fillAll(seams, Palette.shade(cab, 0.7));
        // Kitchen table with a bowl.
        double tx = w * (0.3 + 0.2 * r.nextDouble());
        Color wood = p.lit(WOOD);
        b.rect(tx, floorY + h * 0.1, w * 0.28, h * 0.025, wood);
        b.rect(tx + w * 0.02, floorY + h * 0.12, w * 0.015, h * 0.13, Palette.shade(wood, 0.7));
        b.rect(tx + w * 0.245, floorY + h * 0.12, w * 0.015, h * 0.13, Palette.shade(wood, 0.7));
        b.ellipse(tx + w * 0.14, floorY + h * 0.09, w * 0.03, h * 0.018, p.lit(0xE8E0D0));
    }

    private static void office(SceneLayer.Builder wall, SceneLayer.Builder b, Palette p, double w, double h,
                               double floorY, SplittableRandom r) {
        double dx = w * (0.3 + 0.25 * r.nextDouble());
        double base = floorY + h * 0.08;
        Color wood = p.lit(r.nextBoolean() ? WOOD : 0x5A5E66);
        b.rect(dx, base - h * 0.17, w * 0.3, h * 0.025, wood);
        b.rect(dx + w * 0.01, base - h * 0.15, w * 0.08, h * 0.15, Palette.shade(wood, 0.8));
        b.rect(dx + w * 0.27, base - h * 0.15, w * 0.015, h * 0.15, Palette.shade(wood, 0.8));
        b.rect(dx + w * 0.16, base - h * 0.29, w * 0.1, h * 0.1, p.lit(0x222428));
        b.rect(dx + w * 0.166, base - h * 0.28, w * 0.088, h * 0.08, p.graded(p.night() ? 0x8AB4E8 : 0x5A7898));
        b.rect(dx + w * 0.205, base - h * 0.19, w * 0.02, h * 0.02, p.lit(0x222428));
        b.rect(dx + w * 0.1, base - h * 0.185, w * 0.05, h * 0.015, p.lit(0xF4F2EC));
        shelf(b, p, w * (dx > w * 0.42 ? 0.05 : 0.8), floorY, w * 0.15, h * 0.42, r);
    }

    private static void bar(SceneLayer.Builder wall, SceneLayer.Builder b, Palette p, double w, double h,
                            double floorY, SplittableRandom r) {
        Color wood = p.lit(0x5A3A26);
        // Back shelf of bottles.
        for (int row = 0; row < 2; row++) {
            double y = floorY - h * (0.28 + 0.13 * row);
            wall.rect(-0.5 * w, y, 2 * w, h * 0.012, wood);
            for (double x = -0.5 * w; x < 1.5 * w; x += w * (0.018 + 0.012 * r.nextDouble())) {
                double bh = h * (0.05 + 0.04 * r.nextDouble());
                Color glass = p.lit(new int[] {0x3A6A3A, 0x8A4A2A, 0xC8B070, 0x4A3A6A, 0xA8C0C8}[r.nextInt(5)]);
                wall.rect(x, y - bh, w * 0.011, bh, glass);
                wall.rect(x + w * 0.0035, y - bh - h * 0.018, w * 0.004, h * 0.018, glass);
            }
        }
        double base = floorY + h * 0.1;
        b.rect(-0.5 * w, base - h * 0.22, 2 * w, h * 0.22, wood);
        b.rect(-0.5 * w, base - h * 0.25, 2 * w, h * 0.035, Palette.shade(wood, 1.35));
        List<Rectangle2D> panels = new ArrayList<>();
        for (double x = -0.5 * w; x < 1.5 * w; x += w * 0.12) {
            panels.add(new Rectangle2D.Double(x + w * 0.015, base - h * 0.18, w * 0.09, h * 0.14));
        }
        b.fillAll(panels, Palette.shade(wood, 0.82));
        for (int i = 0; i < 3; i++) {
            double gx = w * (0.15 + 0.3 * i + 0.1 * r.nextDouble());
            b.rect(gx, base - h * 0.29, w * 0.014, h * 0.04, p.graded(0xE8C060, 200));
        }
        if (p.night() || p.light() == Palette.Light.DUSK) {
            for (int i = 0; i < 3; i++) {
                double lx = w * (0.2 + 0.3 * i);
                wall.rect(lx, -h, StrictMath.max(1, w * 0.002), h * 1.1, p.lit(0x222222));
                wall.circle(lx, h * 0.12, h * 0.08, p.graded(0xFFD9A0, 30));
                wall.ellipse(lx, h * 0.12, w * 0.025, h * 0.02, p.graded(0xFFE0A0));
            }
        }
    }

    private static void vehicle(SceneLayer.Builder wall, SceneLayer.Builder floor, SceneLayer.Builder b, Palette p,
                                double w, double h, double floorY, SplittableRandom r) {
        Color shell = p.lit(new int[] {0x3A3E46, 0x4A3A32, 0x5A5E64}[r.nextInt(3)]);
        wall.rect(-w, -2 * h, 3 * w, 5 * h, Palette.shade(shell, 0.8));
        double top = h * 0.08;
        double bottom = h * 0.5;
        wall.backdrop(-w, top, 3 * w, bottom - top, top, p.skyTop, bottom, p.skyBottom);
        Path2D.Double land = new Path2D.Double();
        land.moveTo(-w, bottom);
        for (double x = -w; x <= 2 * w; x += w * 0.1) {
            land.lineTo(x, bottom - h * (0.04 + 0.1 * r.nextDouble()));
        }
        land.lineTo(2 * w, bottom);
        land.closePath();
        wall.fill(land, p.lit(0x5A6A5A, 0.4));
        List<Rectangle2D> posts = new ArrayList<>();
        for (double x = -w; x < 2 * w; x += w * 0.5) {
            posts.add(new Rectangle2D.Double(x, top, w * 0.04, bottom - top));
        }
        wall.fillAll(posts, shell);
        floor.rect(-w, bottom, 3 * w, 3 * h, Palette.shade(shell, 0.6));
        floor.rect(-w, floorY - h * 0.02, 3 * w, h * 0.05, Palette.shade(shell, 0.5));
        Color seat = p.lit(FABRICS[r.nextInt(FABRICS.length)]);
        for (double x = -0.6 * w; x < 1.6 * w; x += w * 0.45) {
            b.fill(new java.awt.geom.RoundRectangle2D.Double(x, floorY - h * 0.05, w * 0.3, h * 0.5, w * 0.08, w * 0.08),
                    Palette.shade(seat, 0.8));
            b.fill(new java.awt.geom.RoundRectangle2D.Double(x + w * 0.08, floorY - h * 0.14, w * 0.14, h * 0.1, w * 0.03, w * 0.03),
                    seat);
        }
    }
}
