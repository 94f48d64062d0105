package dev.storyreel.render;

import dev.storyreel.shot.StableHash;

import dev.storyreel.shot.Setting;
import java.awt.Color;
import java.util.Locale;

/**
 * The colours of one shot: the sky and light of its time of day, the ambient light on objects, and
 * the film's style grade applied last to every colour drawn (figures included).
 */
final class Palette {

    /** Time-of-day lighting. */
    enum Light { DAY, DAWN, DUSK, NIGHT }

    /** Style grades; {@link #TINT} hashes an unknown style name to a tint. */
    enum Grade { NONE, NOIR, SEPIA, PASTEL, NEON, TINT }

    private final Light light;
    private final Grade grade;
    private final boolean interior;
    private final float[] ambient;
    private final float[] tint;
    private final float tintAmount;
    private final float tintContrast;

    final Color skyTop;
    final Color skyBottom;
    final Color sun;
    final Color haze;

    private Palette(Light light, Grade grade, boolean interior, String style) {
        this.light = light;
        this.grade = grade;
        this.interior = interior;
        this.ambient = ambientOf(light, interior);
        long h = StableHash.of(style);
        float hue = (float) StableHash.unit(h, 0);
        Color t = Color.getHSBColor(hue, 0.65f, 0.95f);
        this.tint = new float[] {t.getRed() / 255f, t.getGreen() / 255f, t.getBlue() / 255f};
        this.tintAmount = 0.18f + 0.14f * (float) StableHash.unit(h, 16);
        this.tintContrast = 0.9f + 0.35f * (float) StableHash.unit(h, 32);
        int[] sky = skyOf(light);
        this.skyTop = graded(sky[0]);
        this.skyBottom = graded(sky[1]);
        this.sun = graded(sky[2]);
        this.haze = graded(sky[1]);
    }

    /** The palette for a shot's setting and style. */
    static Palette of(Setting setting, String style) {
        boolean interior = setting.exposure() == Setting.Exposure.INT || setting.exposure() == Setting.Exposure.INT_EXT;
        return new Palette(lightOf(setting.timeOfDay(), setting.location()), gradeOf(style), interior, style.strip());
    }

    /** Light from the time-of-day words; CONTINUOUS, LATER and unknown derive a stable one from the location. */
    static Light lightOf(String timeOfDay, String location) {
        String s = timeOfDay.toUpperCase(Locale.ROOT);
        if (s.contains("NIGHT")) {
            return Light.NIGHT;
        }
        if (s.contains("DAWN") || s.contains("MORNING") || s.contains("SUNRISE") || s.contains("DAYBREAK")) {
            return Light.DAWN;
        }
        if (s.contains("DUSK") || s.contains("EVENING") || s.contains("SUNSET") || s.contains("TWILIGHT")
                || s.contains("MAGIC HOUR")) {
            return Light.DUSK;
        }
        if (s.contains("DAY") || s.contains("NOON") || s.contains("AFTERNOON")) {
            return Light.DAY;
        }
        Light[] derived = {Light.DAY, Light.DAY, Light.DAY, Light.DUSK, Light.NIGHT, Light.DAWN, Light.DAY, Light.NIGHT};
        long h = StableHash.of(location.strip().toUpperCase(Locale.ROOT));
        return derived[(int) ((h >>> 7) & 7)];
    }

    static Grade gradeOf(String style) {
        String s = style.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("default") || s.equals("none") || s.equals("natural")) {
            return Grade.NONE;
        }
        if (s.contains("noir") || s.contains("black") || s.contains("mono")) {
            return Grade.NOIR;
        }
        if (s.contains("sepia") || s.contains("vintage")) {
            return Grade.SEPIA;
        }
        if (s.contains("pastel")) {
            return Grade.PASTEL;
        }
        if (s.contains("neon") || s.contains("cyber")) {
            return Grade.NEON;
        }
        return Grade.TINT;
    }

    Light light() {
        return light;
    }

    boolean interior() {
        return interior;
    }

    boolean night() {
        return light == Light.NIGHT;
    }

    /** An object's colour under this shot's ambient light, graded. */
    Color lit(int rgb) {
        return lit(rgb, 0);
    }

    /** An object's colour under the ambient light, faded by aerial perspective {@code haze} (0..1), graded. */
    Color lit(int rgb, double haze) {
        float[] c = rgbOf(rgb);
        for (int i = 0; i < 3; i++) {
            c[i] *= ambient[i];
        }
        if (haze > 0) {
            float[] sky = rgbOf(skyOf(light)[1]);
            for (int i = 0; i < 3; i++) {
                c[i] += (float) ((sky[i] - c[i]) * haze);
            }
        }
        return grade(c, 255);
    }

    /** A self-lit colour (lamps, lit windows, figures), graded only. */
    Color graded(int rgb) {
        return grade(rgbOf(rgb), 255);
    }

    /** A self-lit colour with alpha (0..255), graded only. */
    Color graded(int rgb, int alpha) {
        return grade(rgbOf(rgb), alpha);
    }

    /** Grades a colour that is already in sRGB (e.g. a character's base colour). */
    Color graded(Color c) {
        return grade(new float[] {c.getRed() / 255f, c.getGreen() / 255f, c.getBlue() / 255f}, c.getAlpha());
    }

    private Color grade(float[] c, int alpha) {
        float r = c[0];
        float g = c[1];
        float b = c[2];
        float l = 0.299f * r + 0.587f * g + 0.114f * b;
        switch (grade) {
            case NOIR -> {
                float k = contrast(l, 1.55f);
                r = k;
                g = k;
                b = k * 1.03f + 0.01f;
            }
            case SEPIA -> {
                float k = contrast(l, 1.1f);
                r = k * 1.02f + 0.07f;
                g = k * 0.86f + 0.04f;
                b = k * 0.64f + 0.02f;
            }
            case PASTEL -> {
                r = mix(mix(r, l, 0.3f), 1f, 0.38f);
                g = mix(mix(g, l, 0.3f), 1f, 0.38f);
                b = mix(mix(b, l, 0.3f), 1f, 0.38f);
            }
            case NEON -> {
                float sat = 1.6f;
                r = l + (r - l) * sat;
                g = l + (g - l) * sat;
                b = l + (b - l) * sat;
                if (l < 0.55f) {
                    float k = 0.55f + 0.45f * l / 0.55f;
                    r = r * k + 0.05f * (1 - l);
                    g = g * k * 0.9f;
                    b = b * k + 0.09f * (1 - l);
                }
            }
            case TINT -> {
                r = contrast(mix(r, tint[0] * l * 1.4f, tintAmount), tintContrast);
                g = contrast(mix(g, tint[1] * l * 1.4f, tintAmount), tintContrast);
                b = contrast(mix(b, tint[2] * l * 1.4f, tintAmount), tintContrast);
            }
            case NONE -> {
            }
        }
        return new Color(to8(r), to8(g), to8(b), alpha);
    }

    /** Linear blend of two colours, alpha from {@code a}. */
    static Color mix(Color a, Color b, double t) {
        return new Color(
                (int) StrictMath.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) StrictMath.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) StrictMath.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t),
                a.getAlpha());
    }

    /** {@code c} scaled in brightness by {@code k}. */
    static Color shade(Color c, double k) {
        return new Color(clamp8(c.getRed() * k), clamp8(c.getGreen() * k), clamp8(c.getBlue() * k), c.getAlpha());
    }

    /** {@code c} with a new alpha. */
    static Color alpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    private static float[] ambientOf(Light light, boolean interior) {
        if (interior) {
            return switch (light) {
                case DAY -> new float[] {1f, 1f, 1f};
                case DAWN -> new float[] {0.95f, 0.88f, 0.84f};
                case DUSK -> new float[] {0.9f, 0.76f, 0.64f};
                case NIGHT -> new float[] {0.72f, 0.6f, 0.46f};
            };
        }
        return switch (light) {
            case DAY -> new float[] {1f, 1f, 1f};
            case DAWN -> new float[] {0.86f, 0.74f, 0.72f};
            case DUSK -> new float[] {0.72f, 0.54f, 0.5f};
            case NIGHT -> new float[] {0.26f, 0.3f, 0.44f};
        };
    }

    /** Sky top, sky bottom (horizon) and sun/moon colours. */
    private static int[] skyOf(Light light) {
        return switch (light) {
            case DAY -> new int[] {0x3F7CC4, 0xBFDDF2, 0xFFF6D8};
            case DAWN -> new int[] {0x4E5A9A, 0xF7B98A, 0xFFDCA8};
            case DUSK -> new int[] {0x25275E, 0xEE8A55, 0xFFA868};
            case NIGHT -> new int[] {0x05081C, 0x1E2B52, 0xF0F0DC};
        };
    }

    private static float[] rgbOf(int rgb) {
        return new float[] {((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f};
    }

    private static float contrast(float v, float k) {
        return (v - 0.5f) * k + 0.5f;
    }

    private static float mix(float a, float b, float t) {
        return a + (b - a) * t;
    }

    private static int to8(float v) {
        return clamp8(v * 255f);
    }

    private static int clamp8(double v) {
        return (int) StrictMath.max(0, StrictMath.min(255, StrictMath.round(v)));
    }
}
