package dev.storyreel.render.diffusion;

import dev.storyreel.shot.StableHash;
import dev.storyreel.shot.Setting;
import dev.storyreel.shot.ShotSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Continuity across shots: every character and every location gets a stable descriptor and seed
 * offset derived from its name alone, so the same person or place is prompted and seeded alike in
 * every shot; the film's style adds its look to every prompt.
 */
final class ContinuityLedger {
    private static final String[] AGE = {"young", "middle-aged", "elderly", "weathered"};
    private static final String[] HAIR = {"short dark hair", "long red hair", "grey hair", "curly black hair",
        "blond hair", "cropped brown hair", "silver hair", "a shaved head"};
    private static final String[] CLOTHES = {"a navy wool coat", "a yellow raincoat", "a grey suit", "a green sweater",
        "a white shirt", "a brown leather jacket", "a red scarf", "a black turtleneck"};
    private static final String[] PLACE = {"weathered stone", "warm wood panelling", "peeling paint", "polished brass",
        "cold tiles", "worn carpet", "wet cobblestones", "tall windows"};
    private static final String[] LIGHT = {"soft window light", "low warm lamplight", "hard side light",
        "diffuse overcast light", "flickering light", "pale moonlight"};

    private ContinuityLedger() {
    }

    /** A character's fixed look, e.g. "ANNA: middle-aged, grey hair, a navy wool coat". */
    static String character(String name) {
        long h = hash("character:" + name.strip().toUpperCase(Locale.ROOT));
        return name.strip().toLowerCase(Locale.ROOT) + " (" + pick(AGE, h, 0) + ", " + pick(HAIR, h, 8) + ", "
                + pick(CLOTHES, h, 16) + ")";
    }

    /** A location's fixed look. */
    static String place(Setting setting) {
        long h = hash("place:" + setting.location().strip().toUpperCase(Locale.ROOT));
        return pick(PLACE, h, 0) + ", " + pick(LIGHT, h, 8);
    }

    /** The seed offset of a location (same place, same composition noise). */
    static long placeSeed(ShotSpec spec) {
        return hash("place-seed:" + spec.style() + ":" + spec.setting().exposure() + ":"
                + spec.setting().location().strip().toUpperCase(Locale.ROOT));
    }

    /** The film style's look words. */
    static String style(String style) {
        return switch (style.strip().toLowerCase(Locale.ROOT)) {
            case "sepia" -> "sepia toned, soft film grain";
            case "neon" -> "neon lit, saturated magenta and cyan";
            case "noir" -> "black and white, high contrast, hard shadows";
            case "" -> "natural colour";
            default -> style.strip().toLowerCase(Locale.ROOT);
        };
    }

    /** The full prompt of a shot: the plan's prompt, the characters' and place's descriptors, the style. */
    static String prompt(ShotSpec spec) {
        List<String> parts = new ArrayList<>();
        parts.add(spec.prompt());
        for (String c : spec.characters()) {
            parts.add(character(c));
        }
        if (!spec.setting().location().isBlank()) {
            parts.add(place(spec.setting()));
        }
        parts.add(style(spec.style()));
        return String.join(", ", parts);
    }

    private static String pick(String[] options, long h, int shift) {
        return options[(int) ((h >>> shift) & 0xFF) % options.length];
    }

    /** The render package's fixed string hash, so ledger entries never change between releases. */
    static long hash(String s) {
        return StableHash.of(s);
    }
}
