package dev.storyreel.render;

import dev.storyreel.shot.Seeds;

import dev.storyreel.shot.StableHash;

import dev.storyreel.shot.Setting;
import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Exterior sets: sky (sun, moon, stars, clouds), distant hills or mountains, ground, and scenery
 * chosen from the location's words (buildings, trees, water, open country). The set's layout comes
 * from the location alone so every shot of a scene shares it; the shot seed only drifts the clouds.
 */
final class SceneryPainter {

    /** What an exterior location looks like. */
    enum Scenery { CITY, TREES, WATER, MOUNTAINS, OPEN }

    private static final Set<String> CITY = Set.of("STREET", "CITY", "ALLEY", "AVENUE", "DOWNTOWN", "TOWN",
            "ROOFTOP", "ROOF", "PARKING", "SIDEWALK", "BLOCK", "SQUARE", "PLAZA", "BUILDING", "MARKET", "STATION",
            "CORNER", "BOULEVARD", "LANE", "SHOP", "STORE", "MALL", "HOTEL", "APARTMENT", "OFFICE", "CLUB", "BAR");
    private static final Set<String> TREES = Set.of("FOREST", "PARK", "WOODS", "WOOD", "GARDEN", "YARD",
            "FIELD", "FARM", "ORCHARD", "CAMP", "CAMPSITE", "JUNGLE", "TRAIL", "CEMETERY", "BACKYARD", "FRONTYARD",
            "MEADOW", "GROVE", "LAWN", "CLEARING");
    private static final Set<String> WATER = Set.of("BEACH", "SEA", "HARBOR", "HARBOUR", "OCEAN", "LAKE",
            "RIVER", "DOCK", "PIER", "SHORE", "COAST", "BAY", "PORT", "MARINA", "BOAT", "SEASIDE", "WATERFRONT",
            "BOARDWALK", "ISLAND", "LAGOON", "CANAL");
    private static final Set<String> MOUNTAINS = Set.of("MOUNTAIN", "DESERT", "CANYON", "CLIFF", "HILL",
            "VALLEY", "RIDGE", "PEAK", "SUMMIT", "MESA", "DUNE", "DUNES", "ROCKS", "GLACIER");
    private static final Set<String> ROAD = Set.of("ROAD", "HIGHWAY", "FREEWAY", "BRIDGE", "MOTEL", "GAS",
            "DRIVEWAY", "INTERSTATE", "ROUTE", "CROSSROADS");
    private static final Set<String> HARBOR = Set.of("HARBOR", "HARBOUR", "DOCK", "PIER", "PORT", "MARINA",
            "BOAT", "WATERFRONT", "CANAL");
    private static final Set<String> DRY = Set.of("DESERT", "CANYON", "MESA", "DUNE", "DUNES");
    private static final Set<String> DENSE = Set.of("FOREST", "WOODS", "WOOD", "JUNGLE", "GROVE");

    private static final int[] BUILDINGS = {0x8C8F96, 0xA0705A, 0xC2B49A, 0x6F7A86, 0x9A8F80, 0xB7A28A, 0x7E6B62};

    private SceneryPainter() {
    }

    /** The upper-case words of a location ("KITCHEN", "STREET"), plural 's' dropped for long words. */
    static List<String> words(String location) {
        List<String> out = new ArrayList<>();
        for (String w : location.toUpperCase(Locale.ROOT).split("[^A-Z]+")) {
            if (w.isEmpty()) {
                continue;
            }
            out.add(w);
            if (w.length() > 4 && w.endsWith("S")) {
                out.add(w.substring(0, w.length() - 1));
            }
        }
        return out;
    }

    static boolean any(List<String> words, Set<String> set) {
        for (String w : words) {
            if (set.contains(w)) {
                return true;
            }
        }
        return false;
    }

    static Scenery sceneryOf(List<String> words) {
        if (any(words, WATER)) {
            return Scenery.WATER;
        }
        if (any(words, CITY)) {
            return Scenery.CITY;
        }
        if (any(words, TREES)) {
            return Scenery.TREES;
        }
        if (any(words, MOUNTAINS)) {
            return Scenery.MOUNTAINS;
        }
        return Scenery.OPEN;
    }

    /** The random source for a set's layout: a function of the location only. */
    static SplittableRandom setRandom(Setting setting) {
        return new SplittableRandom(StableHash.of(setting.exposure() + "|" + setting.location().strip().toUpperCase(Locale.ROOT)));
    }

    /**
     * Sky (depth ~0), far (0.15), ground (0.55) and scenery (0.45) layers of an exterior, back to front.
     *
     * @param horizon the horizon's y in pixels
     */
    static List<SceneLayer> exterior(Setting setting, Palette p, double w, double h, double horizon, long shotSeed) {
        List<String> words = words(setting.location());
        Scenery scenery = sceneryOf(words);
        SplittableRandom set = setRandom(setting);
        SplittableRandom shot = Seeds.stream(shotSeed, Seeds.Salt.SCENERY);

        SceneLayer.Builder sky = new SceneLayer.Builder(0.03);
        sky.backdrop(-w, -2 * h, 3 * w, 2 * h + horizon + h * 0.02, horizon * 0.05, p.skyTop, horizon, p.skyBottom);
        switch (p.light()) {
            case NIGHT -> nightSky(sky, p, w, h, horizon, set);
            case DAY -> daySky(sky, p, w, h, horizon, set, shot);
            default -> lowSunSky(sky, p, w, h, horizon, set, shot);
        }

        SceneLayer.Builder far = new SceneLayer.Builder(0.15);
        if (scenery == Scenery.MOUNTAINS) {
            mountains(far, p, w, h, horizon, set, any(words, DRY));
        } else {
            hills(far, p.lit(0x7F9AA8, 0.55), w, h, horizon, 0.06, 0.1, set);
            if (scenery != Scenery.CITY) {
                hills(far, p.lit(0x6F8F6A, 0.35), w, h, horizon, 0.02, 0.05, set);
            }
        }

        SceneLayer.Builder ground = new SceneLayer.Builder(0.55);
        SceneLayer.Builder mid = new SceneLayer.Builder(0.45);
        SceneLayer.Builder near = new SceneLayer.Builder(1.3);
        switch (scenery) {
            case CITY -> city(far, ground, mid, p, w, h, horizon, set);
            case TREES -> trees(ground, mid, near, p, w, h, horizon, set, any(words, DENSE));
            case WATER -> water(ground, mid, p, w, h, horizon, set, any(words, HARBOR));
            case MOUNTAINS -> groundPlane(ground, p, any(words, DRY) ? 0xD8B483 : 0x8A9A6A,
                    any(words, DRY) ? 0xB98F5E : 0x687A4E, w, h, horizon);
            case OPEN -> open(ground, mid, p, w, h, horizon, set, any(words, ROAD));
        }
        if (scenery == Scenery.MOUNTAINS) {
            rocks(mid, p, w, h, horizon, set);
        }
        List<SceneLayer> layers = new ArrayList<>(List.of(sky.build(), far.build(), ground.build(), mid.build()));
        if (!near.isEmpty()) {
            layers.add(near.build());
        }
        return layers;
    }

    private static void nightSky(SceneLayer.Builder b, Palette p, double w, double h, double horizon,
                                 SplittableRandom r) {
        double s = StrictMath.max(1, h * 0.0028);
        List<Rectangle2D> bright = new ArrayList<>();
        List<Rectangle2D> dim = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            double x = -0.4 * w + r.nextDouble() * 1.8 * w;
            double y = -0.15 * h + r.nextDouble() * (horizon * 0.85 + 0.15 * h);
            (r.nextInt(3) == 0 ? bright : dim).add(new Rectangle2D.Double(x, y, s, s));
        }
        b.fillAll(dim, p.graded(0xC8CCE0, 150));
        b.fillAll(bright, p.graded(0xFFFFFF));
        double mx = w * (0.15 + 0.7 * r.nextDouble());
        double my = h * (0.1 + 0.12 * r.nextDouble());
        double mr = h * 0.045;
        b.circle(mx, my, mr * 2.6, Palette.alpha(p.sun, 18));
        b.circle(mx, my, mr * 1.6, Palette.alpha(p.sun, 30));
        b.circle(mx, my, mr, p.sun);
        b.circle(mx - mr * 0.3, my - mr * 0.2, mr * 0.22, p.graded(0xB8B8A8, 90));
        b.circle(mx + mr * 0.35, my + mr * 0.3, mr * 0.16, p.graded(0xB8B8A8, 90));
    }

    private static void daySky(SceneLayer.Builder b, Palette p, double w, double h, double horizon,
                               SplittableRandom r, SplittableRandom shot) {
        double sx = w * (0.1 + 0.8 * r.nextDouble());
        double sy = h * (0.1 + 0.1 * r.nextDouble());
        double sr = h * 0.045;
        b.circle(sx, sy, sr * 3.2, Palette.alpha(p.sun, 34));
        b.circle(sx, sy, sr * 1.9, Palette.alpha(p.sun, 64));
        b.circle(sx, sy, sr, p.sun);
        Color cloud = Palette.mix(p.graded(0xFFFFFF), p.skyBottom, 0.12);
        Color shade = Palette.mix(cloud, p.skyTop, 0.18);
        int n = 4 + r.nextInt(3);
        double drift = (shot.nextDouble() - 0.5) * 0.08 * w;
        for (int i = 0; i < n; i++) {
            double cx = -0.3 * w + (i + r.nextDouble() * 0.6) * 1.6 * w / n + drift;
            double cy = h * 0.08 + r.nextDouble() * (horizon * 0.55);
            double cs = h * (0.035 + 0.03 * r.nextDouble());
            cloud(b, cx, cy, cs, cloud, shade);
        }
    }

    private static void cloud(SceneLayer.Builder b, double cx, double cy, double s, Color c, Color shade) {
        b.ellipse(cx, cy + 0.08 * s, 1.3 * s, 0.42 * s, shade);
        b.ellipse(cx, cy, 1.25 * s, 0.38 * s, c);
        b.circle(cx - 0.45 * s, cy - 0.3 * s, 0.5 * s, c);
        b.circle(cx + 0.2 * s, cy - 0.45 * s, 0.62 * s, c);
        b.circle(cx + 0.75 * s, cy - 0.15 * s, 0.38 * s, c);
    }

    private static void lowSunSky(SceneLayer.Builder b, Palette p, double w, double h, double horizon,
                                  SplittableRandom r, SplittableRandom shot) {
        double sx = w * (0.15 + 0.7 * r.nextDouble());
        double sy = horizon - h * 0.07;
        double sr = h * 0.065;
        b.circle(sx, sy, sr * 3.4, Palette.alpha(p.sun, 26));
        b.circle(sx, sy, sr * 2.0, Palette.alpha(p.sun, 52));
        b.circle(sx, sy, sr, p.sun);
        Color streak = Palette.mix(p.sun, p.skyTop, 0.45);
        double drift = (shot.nextDouble() - 0.5) * 0.08 * w;
        for (int i = 0; i < 6; i++) {
            double cx = -0.2 * w + r.nextDouble() * 1.4 * w + drift;
            double cy = h * 0.1 + r.nextDouble() * horizon * 0.6;
            double len = w * (0.08 + 0.14 * r.nextDouble());
            b.ellipse(cx, cy, len, h * 0.008 + h * 0.006 * r.nextDouble(), streak);
        }
    }

    /** A smooth band of hills rising {@code low..low+amp} (fractions of h) above the horizon. */
    private static void hills(SceneLayer.Builder b, Color c, double w, double h, double horizon,
                              double low, double amp, SplittableRandom r) {
        Path2D.Double path = new Path2D.Double();
        double step = 0.14 * w;
        double x = -0.7 * w;
        double prevX = x;
        double prevY = horizon - h * (low + amp * r.nextDouble());
        path.moveTo(x, horizon + h * 0.05);
        path.lineTo(prevX, prevY);
        while (x < 1.7 * w) {
            x += step;
            double y = horizon - h * (low + amp * r.nextDouble());
            path.quadTo(prevX + step * 0.5, StrictMath.min(prevY, y) - h * 0.02, x, y);
            prevX = x;
            prevY = y;
        }
        path.lineTo(x, horizon + h * 0.05);
        path.closePath();
        b.fill(path, c);
    }

    private static void mountains(SceneLayer.Builder b, Palette p, double w, double h, double horizon,
                                  SplittableRandom r, boolean dry) {
        for (int row = 0; row < 2; row++) {
            Color c = row == 0 ? p.lit(dry ? 0xB98A6A : 0x6A7A96, 0.5) : p.lit(dry ? 0xA0704E : 0x56667A, 0.25);
            Color snow = p.lit(dry ? 0xD9B08A : 0xF2F4F8, row == 0 ? 0.4 : 0.2);
            double step = w * (row == 0 ? 0.22 : 0.3);
            List<double[]> pts = new ArrayList<>();
            double x = -0.7 * w + r.nextDouble() * step;
            pts.add(new double[] {x - step, horizon + h * 0.04});
            boolean peak = true;
            while (x < 1.8 * w) {
                double rise = peak ? (row == 0 ? 0.2 : 0.13) + 0.14 * r.nextDouble() : 0.04 + 0.05 * r.nextDouble();
                pts.add(new double[] {x, horizon - h * rise});
                x += step * (0.35 + 0.3 * r.nextDouble());
                peak = !peak;
            }
            pts.add(new double[] {x, horizon + h * 0.04});
            double[] xy = new double[pts.size() * 2];
            for (int i = 0; i < pts.size(); i++) {
                xy[2 * i] = pts.get(i)[0];
                xy[2 * i + 1] = pts.get(i)[1];
            }
            b.poly(c, xy);
            for (int i = 1; i + 1 < pts.size(); i++) {
                double[] a = pts.get(i - 1);
                double[] m = pts.get(i);
                double[] z = pts.get(i + 1);
                if (m[1] < a[1] && m[1] < z[1] && horizon - m[1] > h * 0.17) {
                    double k = 0.22;
                    b.poly(snow, m[0], m[1], m[0] + (z[0] - m[0]) * k, m[1] + (z[1] - m[1]) * k,
                            m[0] + (z[0] - m[0]) * k * 0.4, m[1] + (z[1] - m[1]) * k * 0.75,
                            m[0] + (a[0] - m[0]) * k * 0.5, m[1] + (a[1] - m[1]) * k * 0.9,
                            m[0] + (a[0] - m[0]) * k, m[1] + (a[1] - m[1]) * k);
                }
            }
        }
    }

    private static void groundPlane(SceneLayer.Builder b, Palette p, int farRgb, int nearRgb, double w, double h,
                                    double horizon) {
        b.backdrop(-w, horizon, 3 * w, 3 * h, horizon, p.lit(farRgb, 0.25), h, p.lit(nearRgb));
    }

    private static void rocks(SceneLayer.Builder b, Palette p, double w, double h, double horizon,
                              SplittableRandom r) {
        for (int i = 0; i < 7; i++) {
            double x = -0.3 * w + r.nextDouble() * 1.6 * w;
            double y = horizon + (h - horizon) * (0.1 + 0.5 * r.nextDouble());
            double s = h * (0.015 + 0.03 * r.nextDouble()) * (y - horizon + h * 0.1) / (h * 0.3);
            b.ellipse(x, y, s * 1.6, s * 0.8, p.lit(0x6B6257));
            b.ellipse(x - s * 0.3, y - s * 0.25, s * 0.8, s * 0.35, p.lit(0x8C8275));
        }
    }

    private static void city(SceneLayer.Builder far, SceneLayer.Builder ground, SceneLayer.Builder mid, Palette p,
                             double w, double h, double horizon, SplittableRandom r) {
        // A hazy skyline behind.
        double x = -0.6 * w;
        while (x < 1.6 * w) {
            double bw = w * (0.05 + 0.08 * r.nextDouble());
            double bh = h * (0.2 + 0.3 * r.nextDouble());
            far.rect(x, horizon - bh, bw, bh + h * 0.05, p.lit(0x7C8594, 0.55));
            x += bw;
        }
        groundPlane(ground, p, 0x5E6168, 0x3F4247, w, h, horizon);
        double base = horizon + h * 0.04;
        ground.rect(-w, base, 3 * w, h * 0.055, p.lit(0x9C9A94));
        ground.rect(-w, base + h * 0.055, 3 * w, StrictMath.max(1, h * 0.008), p.lit(0x6E6C68));
        List<Rectangle2D> dashes = new ArrayList<>();
        double dashY = base + (h - base) * 0.42;
        for (double dx = -w; dx < 2 * w; dx += 0.16 * w) {
            dashes.add(new Rectangle2D.Double(dx, dashY, 0.07 * w, StrictMath.max(1, h * 0.01)));
        }
        ground.fillAll(dashes, p.lit(0xE6DDB8));

        List<Rectangle2D> litWindows = new ArrayList<>();
        List<Rectangle2D> darkWindows = new ArrayList<>();
        int litPercent = switch (p.light()) {
            case NIGHT -> 45;
            case DUSK -> 25;
            case DAWN -> 10;
            case DAY -> 0;
        };
        x = -0.5 * w;
        while (x < 1.5 * w) {
            double bw = w * (0.08 + 0.1 * r.nextDouble());
            double bh = h * (0.12 + 0.3 * r.nextDouble());
            Color c = p.lit(BUILDINGS[r.nextInt(BUILDINGS.length)], 0.08);
            mid.rect(x, base - bh, bw, bh, c);
            mid.rect(x + bw * 0.78, base - bh, bw * 0.22, bh, Palette.shade(c, 0.82));
            mid.rect(x - w * 0.003, base - bh - h * 0.008, bw + w * 0.006, h * 0.012, Palette.shade(c, 0.7));
            if (r.nextInt(3) == 0) {
                mid.rect(x + bw * (0.2 + 0.4 * r.nextDouble()), base - bh - h * 0.04, bw * 0.18, h * 0.035,
                        Palette.shade(c, 0.75));
            }
            double ww = StrictMath.max(1, 0.013 * w);
            double wh = StrictMath.max(1, 0.028 * h);
            int cols = StrictMath.max(1, (int) ((bw * 0.78 - 0.02 * w) / (0.03 * w)));
            int rows = (int) ((bh - 0.06 * h) / (0.06 * h));
            double gx = (bw * 0.78 - cols * 0.03 * w) / 2 + 0.0085 * w;
            for (int row = 0; row < rows; row++) {
                for (int col = 0; col < cols; col++) {
                    Rectangle2D win = new Rectangle2D.Double(x + gx + col * 0.03 * w, base - bh + 0.035 * h + row * 0.06 * h,
                            ww, wh);
                    (r.nextInt(100) < litPercent ? litWindows : darkWindows).add(win);
                }
            }
            // A street door at ground level.
            mid.rect(x + bw * 0.35, base - h * 0.05, bw * 0.14, h * 0.05, Palette.shade(c, 0.45));
            x += bw + (r.nextInt(3) == 0 ? w * 0.02 : 0);
        }
        mid.fillAll(darkWindows, p.light() == Palette.Light.DAY ? p.lit(0x8FAAC4) : p.lit(0x2E3440));
        mid.fillAll(litWindows, p.graded(0xFFD27A));
        // Street lamps along the kerb.
        double lx = -0.5 * w + r.nextDouble() * 0.3 * w;
        Color pole = p.lit(0x2E3034);
        while (lx < 1.5 * w) {
            double top = base - h * 0.3;
            mid.rect(lx, top, StrictMath.max(1, w * 0.005), base + h * 0.05 - top, pole);
            mid.rect(lx, top, w * 0.03, StrictMath.max(1, h * 0.006), pole);
            if (p.light() == Palette.Light.NIGHT || p.light() == Palette.Light.DUSK) {
                mid.circle(lx + w * 0.028, top + h * 0.012, h * 0.06, p.graded(0xFFE3A0, 30));
                mid.circle(lx + w * 0.028, top + h * 0.012, h * 0.03, p.graded(0xFFE3A0, 60));
                mid.circle(lx + w * 0.028, top + h * 0.012, h * 0.01, p.graded(0xFFF2C8));
            } else {
                mid.circle(lx + w * 0.028, top + h * 0.012, h * 0.009, p.lit(0xD8D8D0));
            }
            lx += w * 0.42;
        }
    }

    private static void trees(SceneLayer.Builder ground, SceneLayer.Builder mid, SceneLayer.Builder near, Palette p,
                              double w, double h, double horizon, SplittableRandom r, boolean dense) {
        groundPlane(ground, p, 0x86AE68, 0x567F3E, w, h, horizon);
        if (!dense) {
            // A footpath curving into the distance.
            double y0 = horizon + h * 0.03;
            double cx = w * (0.3 + 0.4 * r.nextDouble());
            Path2D.Double path = new Path2D.Double();
            path.moveTo(cx - w * 0.01, y0);
            path.quadTo(cx - w * 0.2, horizon + h * 0.2, cx - w * 0.32, h * 1.2);
            path.lineTo(cx + w * 0.1, h * 1.2);
            path.quadTo(cx, horizon + h * 0.2, cx + w * 0.01, y0);
            path.closePath();
            ground.fill(path, p.lit(0xC9B48A, 0.1));
        }
        double step = dense ? 0.045 : 0.09;
        for (double x = -0.5 * w; x < 1.5 * w; x += w * step * (0.7 + 0.6 * r.nextDouble())) {
            double s = h * (dense ? 0.26 : 0.2) * (0.8 + 0.5 * r.nextDouble());
            tree(mid, p, x, horizon + h * 0.02, s, r, 0.35);
        }
        int frontTrees = dense ? 9 : 4;
        for (int i = 0; i < frontTrees; i++) {
            double x = -0.45 * w + r.nextDouble() * 1.9 * w;
            double s = h * (0.38 + 0.2 * r.nextDouble());
            tree(mid, p, x, horizon + h * (0.07 + 0.04 * r.nextDouble()), s, r, 0.05);
        }
        if (dense) {
            Color bark = p.lit(0x3B2A20);
            near.rect(-0.1 * w, -h, 0.09 * w, 3 * h, bark);
            near.rect(1.04 * w, -h, 0.1 * w, 3 * h, bark);
            near.circle(-0.06 * w, -0.02 * h, 0.2 * h, p.lit(0x2E5A2A));
            near.circle(1.1 * w, 0.02 * h, 0.22 * h, p.lit(0x2E5A2A));
        }
    }

    private static void tree(SceneLayer.Builder b, Palette p, double x, double base, double s, SplittableRandom r,
                             double haze) {
        Color trunk = p.lit(0x5A4030, haze);
        if (r.nextInt(5) < 2) {
            Color c = p.lit(r.nextBoolean() ? 0x2F6B3A : 0x3C7A44, haze);
            b.rect(x - 0.03 * s, base - 0.25 * s, 0.06 * s, 0.25 * s, trunk);
            for (int i = 0; i < 3; i++) {
                double bottom = base - 0.18 * s - 0.22 * s * i;
                double half = 0.27 * s - 0.06 * s * i;
                b.poly(i == 0 ? Palette.shade(c, 0.9) : c, x - half, bottom, x + half, bottom, x, bottom - 0.42 * s);
            }
        } else {
            Color c = p.lit(r.nextBoolean() ? 0x4F8A3E : 0x6A9A40, haze);
            b.rect(x - 0.035 * s, base - 0.45 * s, 0.07 * s, 0.45 * s, trunk);
            b.circle(x - 0.17 * s, base - 0.55 * s, 0.2 * s, Palette.shade(c, 0.88));
            b.circle(x + 0.18 * s, base - 0.57 * s, 0.21 * s, Palette.shade(c, 0.88));
            b.circle(x, base - 0.72 * s, 0.28 * s, c);
            b.circle(x - 0.08 * s, base - 0.8 * s, 0.12 * s, Palette.mix(c, p.sun, 0.18));
        }
    }

    private static void water(SceneLayer.Builder ground, SceneLayer.Builder mid, Palette p, double w, double h,
                              double horizon, SplittableRandom r, boolean harbor) {
        double shore = horizon + h * (harbor ? 0.2 : 0.15);
        groundPlane(ground, p, 0xE3CC98, 0xCDAE78, w, h, horizon);
        ground.backdrop(-w, horizon, 3 * w, shore - horizon, horizon, p.lit(0x6A9CC0, 0.3), shore, p.lit(0x2C5C86));
        List<Rectangle2D> glints = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double y = horizon + h * 0.005 + r.nextDouble() * (shore - horizon - h * 0.015);
            double len = w * (0.015 + 0.05 * r.nextDouble()) * (0.4 + (y - horizon) / (shore - horizon));
            glints.add(new Rectangle2D.Double(-0.5 * w + r.nextDouble() * 2 * w, y, len, StrictMath.max(1, h * 0.004)));
        }
        ground.fillAll(glints, Palette.alpha(p.sun, 130));
        Path2D.Double foam = new Path2D.Double();
        foam.moveTo(-w, shore + h * 0.01);
        for (double x = -w; x < 2 * w; x += w * 0.1) {
            foam.quadTo(x + w * 0.05, shore - h * 0.012, x + w * 0.1, shore + h * 0.004);
        }
        foam.lineTo(2 * w, shore + h * 0.018);
        foam.lineTo(-w, shore + h * 0.018);
        foam.closePath();
        ground.fill(foam, p.lit(0xEEF3F4, 0.1));
        if (harbor) {
            Color wood = p.lit(0x6E5038);
            double px = w * (r.nextBoolean() ? -0.3 : 0.75);
            mid.rect(px, shore - h * 0.1, w * 0.55, h * 0.025, wood);
            for (int i = 0; i < 6; i++) {
                mid.rect(px + i * w * 0.1, shore - h * 0.08, w * 0.012, h * 0.1, Palette.shade(wood, 0.7));
            }
            for (int i = 0; i < 4; i++) {
                double bx = -0.3 * w + r.nextDouble() * 1.6 * w;
                double by = horizon + (shore - horizon) * (0.25 + 0.5 * r.nextDouble());
                double s = h * 0.05 * (0.6 + (by - horizon) / (shore - horizon));
                boat(mid, p, bx, by, s, r);
            }
        }
    }

    private static void boat(SceneLayer.Builder b, Palette p, double x, double y, double s, SplittableRandom r) {
        Color hull = p.lit(r.nextBoolean() ? 0xE8E4DA : 0x8A3A32);
        b.poly(hull, x - 1.2 * s, y - 0.3 * s, x + 1.3 * s, y - 0.3 * s, x + 0.9 * s, y + 0.15 * s, x - 0.9 * s, y + 0.15 * s);
        b.rect(x - 0.05 * s, y - 2.2 * s, 0.08 * s, 1.9 * s, p.lit(0x4A3A2E));
        b.poly(p.lit(0xF4F0E6), x + 0.05 * s, y - 2.1 * s, x + 0.05 * s, y - 0.45 * s, x + 0.95 * s, y - 0.45 * s);
    }

    private static void open(SceneLayer.Builder ground, SceneLayer.Builder mid, Palette p, double w, double h,
                             double horizon, SplittableRandom r, boolean road) {
        groundPlane(ground, p, 0x9AB874, 0x6A8E4A, w, h, horizon);
        if (road) {
            double y = horizon + h * 0.1;
            ground.rect(-w, y, 3 * w, h * 0.1, p.lit(0x55575C));
            List<Rectangle2D> dashes = new ArrayList<>();
            for (double dx = -w; dx < 2 * w; dx += 0.14 * w) {
                dashes.add(new Rectangle2D.Double(dx, y + h * 0.045, 0.06 * w, StrictMath.max(1, h * 0.008)));
            }
            ground.fillAll(dashes, p.lit(0xE8D890));
        }
        int houses = 2 + r.nextInt(3);
        for (int i = 0; i < houses; i++) {
            double x = -0.3 * w + (i + r.nextDouble() * 0.6) * 1.6 * w / houses;
            house(mid, p, x, horizon + h * 0.035, h * (0.08 + 0.05 * r.nextDouble()), r);
        }
        int n = 3 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            double x = -0.4 * w + r.nextDouble() * 1.8 * w;
            tree(mid, p, x, horizon + h * (0.03 + 0.04 * r.nextDouble()), h * (0.16 + 0.12 * r.nextDouble()), r, 0.15);
        }
    }

    private static void house(SceneLayer.Builder b, Palette p, double x, double base, double s, SplittableRandom r) {
        Color wall = p.lit(new int[] {0xE8DCC4, 0xC9D6E0, 0xE0C0A8, 0xF0F0E8}[r.nextInt(4)], 0.1);
        Color roof = p.lit(new int[] {0x8A3A2E, 0x4A4E5A, 0x6A4A3A}[r.nextInt(3)], 0.1);
        double bw = s * 1.4;
        b.rect(x, base - s * 0.7, bw, s * 0.7, wall);
        b.poly(roof, x - 0.1 * s, base - 0.68 * s, x + bw / 2, base - 1.2 * s, x + bw + 0.1 * s, base - 0.68 * s);
        b.rect(x + bw * 0.42, base - s * 0.38, bw * 0.16, s * 0.38, Palette.shade(roof, 0.8));
        Color win = p.night() ? p.graded(0xFFD27A) : p.lit(0x7F9CB8);
        b.rect(x + bw * 0.12, base - s * 0.52, bw * 0.18, s * 0.18, win);
        b.rect(x + bw * 0.7, base - s * 0.52, bw * 0.18, s * 0.18, win);
    }
}
