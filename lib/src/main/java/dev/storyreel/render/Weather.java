package dev.storyreel.render;

import dev.storyreel.shot.Seeds;
import dev.storyreel.shot.Setting;
import dev.storyreel.shot.ShotSpec;
import dev.storyreel.shot.StableHash;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** Weather and light changes the heading or the action asks for: rain, snow, wind, lightning, flicker, a torch beam. */
final class Weather {

    /** Something the air or the light does in a shot. */
    enum Kind { RAIN, SNOW, WIND, LIGHTNING, FLICKER, TORCH }

    private Weather() {
    }

    /** What a shot's heading, action and caption call for. */
    static Set<Kind> of(ShotSpec spec) {
        Setting s = spec.setting();
        String text = (s.location() + " " + s.subLocation() + " " + s.timeOfDay() + " " + ArtDepartment.text(spec))
                .toLowerCase(Locale.ROOT);
        List<String> words = List.of(text.split("[^\\p{L}]+"));
        Set<Kind> out = EnumSet.noneOf(Kind.class);
        if (any(words, "rain", "raining", "rains", "rainy", "drizzle", "downpour", "storm", "stormy", "rainstorm", "showers")) {
            out.add(Kind.RAIN);
        }
        if (any(words, "snow", "snowing", "snows", "snowy", "blizzard", "sleet", "snowfall", "flurries")) {
            out.add(Kind.SNOW);
        }
        if (any(words, "wind", "windy", "gale", "gust", "gusts", "breeze", "storm", "stormy", "blustery", "windswept")) {
            out.add(Kind.WIND);
        }
        if (any(words, "lightning", "thunder", "thunderstorm")) {
            out.add(Kind.LIGHTNING);
        }
        if (any(words, "flicker", "flickers", "flickering", "candle", "candles", "candlelight", "lamplight", "firelight",
                "strobe", "flashing", "neon", "fire", "flames")) {
            out.add(Kind.FLICKER);
        }
        if (any(words, "torch", "flashlight", "torches", "flashlights", "searchlight", "spotlight")) {
            out.add(Kind.TORCH);
        }
        return out;
    }

    private static boolean any(List<String> words, String... options) {
        for (String o : options) {
            if (words.contains(o)) {
                return true;
            }
        }
        return false;
    }

    /** The layers for a shot's weather, drawn in front of everything but the text. */
    static List<Layer> layers(ShotSpec spec, Set<Kind> kinds, Palette p, boolean open, double beamX, double beamY) {
        double w = spec.width();
        double h = spec.height();
        double u = StrictMath.min(h, w * 0.8);
        double duration = StrictMath.max(0.5, (spec.frames() - 1) / (double) spec.fps());
        SplittableRandom r = Seeds.stream(spec.seed(), Seeds.Salt.WEATHER);
        List<Layer> out = new ArrayList<>();
        double wind = kinds.contains(Kind.WIND) ? 0.6 : 0.12;
        if (kinds.contains(Kind.RAIN) && open) {
            out.add(Particles.of(r, w, h, 260, u * 0.003, u * 0.05, -wind * 0.25, h * 1.6, wind * w * 0.5, duration,
                    p.graded(0xC8D8F0, 120)));
        }
        if (kinds.contains(Kind.SNOW) && open) {
            out.add(Particles.of(r, w, h, 160, u * 0.012, u * 0.012, 0, h * 0.25, wind * w * 0.4, duration,
                    p.graded(0xFAFAFF, 220)));
        }
        if (kinds.contains(Kind.WIND) && !kinds.contains(Kind.SNOW) && open) {
            out.add(Particles.of(r, w, h, 40, u * 0.02, u * 0.008, 0.3, h * 0.15, w * 1.2, duration, p.lit(0x7A8A4A)));
        }
        if (kinds.contains(Kind.TORCH)) {
            out.add(new Ambient.Beam(1.0, beamX, beamY, u * 1.4, 11, r.nextBoolean() ? -20 : 200, r.nextBoolean() ? 35 : -35,
                    p.graded(0xFFF6D0, 70)));
        }
        if (kinds.contains(Kind.FLICKER)) {
            out.add(new Flash(spec.seed(), p.graded(0xFFC070, 1), 40, 3, w, h));
        }
        if (kinds.contains(Kind.LIGHTNING)) {
            out.add(new Flash(spec.seed() ^ 0x11, p.graded(0xF0F4FF, 1), 150, 9, w, h));
        }
        return out;
    }

    /** Falling streaks or flakes in a tile that repeats downwards. */
    record Particles(SceneLayer shapes, double tile, double fallPerSecond, double driftPerSecond, double duration)
            implements Layer {

        static Particles of(SplittableRandom r, double w, double h, int n, double sx, double sy, double slant, double fall,
                            double drift, double duration, Color c) {
            List<Shape> bits = new ArrayList<>();
            double tile = h * 1.4;
            for (int i = 0; i < n; i++) {
                double x = -w * 0.8 + r.nextDouble() * w * 2.6;
                double y = -h * 0.2 + r.nextDouble() * tile;
                bits.add(slant == 0 ? new Ellipse2D.Double(x, y, sx, sy)
                        : SceneLayer.polygon(x, y, x + sx, y, x + sx + slant * sy, y + sy, x + slant * sy, y + sy));
            }
            SceneLayer.Builder b = new SceneLayer.Builder(1.15);
            b.fillAll(bits, c);
            return new Particles(b.build(), tile, fall, drift, duration);
        }

        @Override
        public double depth() {
            return 1.15;
        }

        @Override
        public void paint(Graphics2D g, double t, int frame) {
            double seconds = t * duration;
            double dy = (fallPerSecond * seconds) % tile;
            double dx = -(driftPerSecond * seconds) % (tile);
            AffineTransform old = g.getTransform();
            for (int k = -1; k <= 0; k++) {
                g.setTransform(old);
                g.translate(dx * 0.5, dy + k * tile);
                shapes.paint(g);
            }
            g.setTransform(old);
        }
    }

    /** A full-frame wash whose strength changes frame to frame (flicker) or strikes on a few frames (lightning). */
    record Flash(long seed, Color color, int maxAlpha, int rarity, double w, double h) implements Layer {
        @Override
        public double depth() {
            return 0;
        }

        @Override
        public void paint(Graphics2D g, double t, int frame) {
            long bits = StableHash.mix(seed + frame);
            int alpha = rarity <= 3 ? (int) (maxAlpha * StableHash.unit(bits, 0))
                    : (bits % rarity == 0 ? maxAlpha : 0);
            if (alpha > 0) {
                g.setColor(Palette.alpha(color, alpha));
                g.fill(new java.awt.geom.Rectangle2D.Double(-w, -h, 3 * w, 3 * h));
            }
        }
    }
}
