package dev.storyreel.shot;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Every seed in storyreel comes from here: a film's seed from its catalogue row and the run seed, a
 * shot's seed from its film's and its content, and each renderer's random streams from a shot's seed
 * and a named {@link Salt}. Renderers never invent their own salts, so the same shot moves the same way
 * whichever renderer draws it.
 */
public final class Seeds {
    /** The golden-ratio increment used to spread consecutive seeds. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** A named purpose for a random stream drawn from a shot's seed. Values are fixed forever. */
    public enum Salt {
        /** The camera move's direction (pan left or right, tilt up or down). */
        CAMERA(0xCA3E7AL),
        /** Figures' poses and idle motion. */
        POSE(0xF16E5L),
        /** Per-shot drift of the scenery (clouds, weather). */
        SCENERY(0x5CE7E2L),
        /** Props placed by the art department. */
        PROPS(0x960775L),
        /** Generative renderers' initial noise. */
        NOISE(0x4015EL),
        /** A location's set dressing (drawn from the location's seed, so a set is the same in every shot). */
        SET(0x5E7D2E55L),
        /** A character's looks where the descriptor is silent (drawn from the name's seed). */
        CAST(0xCA57L),
        /** Rain, snow, wind and light flicker of a shot. */
        WEATHER(0x3EA7E2L),
        /** Casting: which voice a character gets. */
        VOICE(0x70_1CEL),
        /** The score: key, progression, melody. */
        MUSIC(0x3_05_1CL),
        /** Ambience noise of a location. */
        AMBIENCE(0xA3_B1E7L);

        private final long bits;

        Salt(long bits) {
            this.bits = bits;
        }
    }

    private Seeds() {
    }

    /** A film's seed: the catalogue's, reseeded reproducibly by a non-zero run seed (0 keeps it). */
    public static long film(long catalogueSeed, long runSeed) {
        return catalogueSeed ^ (runSeed * GOLDEN);
    }

    /**
     * A shot's seed from its film's seed and the content that makes it this shot. The content string is
     * the one storyreel has always hashed (a setting without sub-location reads as it did before the
     * field existed), so plans keep their seeds.
     */
    public static long shot(long filmSeed, ShotKind kind, Setting where, List<String> characters, String speaker,
                            String caption, String subcaption) {
        String place = "Setting[exposure=" + where.exposure() + ", location=" + where.location() + ", timeOfDay="
                + where.timeOfDay() + (where.subLocation().isEmpty() ? "" : ", subLocation=" + where.subLocation()) + "]";
        return derive(filmSeed, String.join("\u0001", kind.name(), place, String.join(",", characters), speaker,
                caption, subcaption));
    }

    /** A 64-bit seed from a parent seed and some content, stable across runs and machines. */
    public static long derive(long parent, String content) {
        byte[] d = ShotKey.digest((parent + "\u0000" + content).getBytes(StandardCharsets.UTF_8));
        long s = 0;
        for (int i = 0; i < 8; i++) {
            s = (s << 8) | (d[i] & 0xFF);
        }
        return s;
    }

    /** The random stream of a shot for one purpose. */
    public static SplittableRandom stream(long shotSeed, Salt salt) {
        return new SplittableRandom(shotSeed ^ salt.bits);
    }

    /** +1 or -1: which way the shot's camera moves (pans right or left, tilts down or up). */
    public static int direction(long shotSeed) {
        return stream(shotSeed, Salt.CAMERA).nextBoolean() ? 1 : -1;
    }

    /** The seed of generative noise for keyframe {@code k} of a shot (k = -1: the shot's base noise). */
    public static long noise(long shotSeed, int k) {
        return StableHash.mix(shotSeed + GOLDEN * (k + 1));
    }
}
