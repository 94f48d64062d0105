package dev.storyreel.render;

import dev.storyreel.shot.Seeds;
import dev.storyreel.shot.StableHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How a character looks, read from the character bible's descriptor ("woman, 60s, grey braid, oilskin
 * coat") where it says something and drawn from the name's seed where it is silent. A function of the
 * name and descriptor only, so a character looks the same in every shot, film and variant.
 *
 * @param name      the character's key (upper case, no parentheticals)
 * @param woman     drawn with a woman's cut of clothes and hair default
 * @param age       0 child, 1 young, 2 middle-aged, 3 old
 * @param build     width factor of the body (0.85 slight .. 1.3 heavy)
 * @param stature   height factor (a child about 0.68)
 * @param skin      skin colour
 * @param hair      hair colour
 * @param hairStyle how the hair is worn
 * @param top       colour of the coat, jacket or top
 * @param legs      colour of trousers or skirt
 * @param longCoat  whether the top reaches the knees (coat, dress, oilskin, robe, gown)
 * @param glasses   wears glasses
 * @param beard     has a beard
 * @param hat       colour of a hat or helmet, or -1
 */
record Appearance(String name, boolean woman, int age, double build, double stature, int skin, int hair,
                  HairStyle hairStyle, int top, int legs, boolean longCoat, boolean glasses, boolean beard, int hat) {

    /** How hair is worn. */
    enum HairStyle { SHORT, LONG, BRAID, BUN, PONYTAIL, CURLY, BALD }

    private static final int[] SKIN = {0xF1C8A5, 0xE0AC80, 0xC68B5E, 0x9A6440, 0x6E4630, 0xF5D5BA};
    private static final int[] HAIR = {0x1E1A18, 0x4A3020, 0x7A4A28, 0xC89A58, 0x8A3A1E};
    private static final int[] TROUSERS = {0x2E3440, 0x3E3428, 0x4A4E58, 0x1E2228, 0x5A4A3A};

    private static final Map<String, Integer> COLOURS = Map.ofEntries(
            Map.entry("red", 0xB8302A), Map.entry("scarlet", 0xC8201A), Map.entry("crimson", 0xA01830),
            Map.entry("yellow", 0xE8C020), Map.entry("mustard", 0xC8A020), Map.entry("orange", 0xE07020),
            Map.entry("blue", 0x2E5EA8), Map.entry("navy", 0x1E2A4A), Map.entry("teal", 0x1E7A7A),
            Map.entry("green", 0x3A7A3A), Map.entry("olive", 0x6A6A30), Map.entry("purple", 0x6A3A8A),
            Map.entry("pink", 0xE88AA8), Map.entry("white", 0xEEEEEA), Map.entry("black", 0x1E1E22),
            Map.entry("grey", 0x8A8A8E), Map.entry("gray", 0x8A8A8E), Map.entry("silver", 0xB8B8BC),
            Map.entry("brown", 0x6A4428), Map.entry("tan", 0xB08A5A), Map.entry("beige", 0xD8C8A8),
            Map.entry("khaki", 0xA8985A), Map.entry("maroon", 0x6A1A22), Map.entry("cream", 0xF0E8D0),
            Map.entry("gold", 0xC8A040), Map.entry("denim", 0x4A6A9A), Map.entry("tweed", 0x7A6A50),
            Map.entry("blonde", 0xD8B870), Map.entry("blond", 0xD8B870), Map.entry("fair", 0xD8B870),
            Map.entry("ginger", 0xB85A28), Map.entry("auburn", 0x8A3A1E), Map.entry("dark", 0x1E1A18),
            Map.entry("brunette", 0x4A3020), Map.entry("white-haired", 0xE8E8E4));
    /** Garments that bring their own colour when the descriptor names none. */
    private static final Map<String, Integer> GARMENTS = Map.ofEntries(
            Map.entry("oilskin", 0xE8C020), Map.entry("oilskins", 0xE8C020), Map.entry("scrubs", 0x3A8A8A),
            Map.entry("uniform", 0x1E2A4A), Map.entry("apron", 0xF0EEE8), Map.entry("spacesuit", 0xEEEEEA),
            Map.entry("overalls", 0x2E5EA8), Map.entry("suit", 0x2E3038), Map.entry("hoodie", 0x5A5A62),
            Map.entry("tuxedo", 0x141418), Map.entry("cassock", 0x141418), Map.entry("whites", 0xF4F4F0),
            Map.entry("flight suit", 0x4A6A3A), Map.entry("jumpsuit", 0xE07020), Map.entry("fleece", 0x3A5A7A),
            Map.entry("cardigan", 0x8A6A4A), Map.entry("raincoat", 0x3A4A6A), Map.entry("parka", 0x4A5A3A));
    private static final List<String> HAIR_WORDS = List.of("hair", "braid", "plait", "ponytail", "bun", "curls",
            "beard", "bob", "crop", "mop", "locks", "dreadlocks", "afro", "moustache", "mustache", "fringe");

    /** The look of a character from its name and descriptor ("" when the bible has none). */
    static Appearance of(String name, String descriptor) {
        String key = CastPainter.key(name);
        SplittableRandom r = Seeds.stream(StableHash.of(key), Seeds.Salt.CAST);
        List<String> words = new ArrayList<>();
        for (String t : descriptor.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+")) {
            if (!t.isEmpty()) {
                words.add(t);
            }
        }
        boolean woman = r.nextBoolean();
        if (any(words, "woman", "women", "girl", "she", "her", "female", "lady", "mother", "mum", "mom", "grandmother",
                "wife", "sister", "daughter", "aunt", "queen", "nun")) {
            woman = true;
        } else if (any(words, "man", "men", "boy", "he", "his", "male", "gentleman", "father", "dad", "grandfather",
                "husband", "brother", "son", "uncle", "king", "priest")) {
            woman = false;
        }
        int age = 1 + r.nextInt(2);
        for (String w : words) {
            if (w.matches("(60|70|80|90)s") || w.equals("old") || w.equals("elderly") || w.equals("aged")
                    || w.startsWith("grand")) {
                age = 3;
            } else if (w.matches("(40|50)s") || w.equals("middle-aged")) {
                age = 2;
            } else if (w.matches("(20|30)s") || w.equals("young")) {
                age = 1;
            } else if (w.matches("teens?|teenage|teenager|child|kid|boy|girl|toddler|[0-9]|1[0-2]")) {
                age = 0;
            }
        }
        double build = 0.95 + 0.15 * r.nextDouble();
        if (any(words, "broad", "heavy", "stocky", "burly", "big", "bulky", "portly", "heavyset", "stout", "muscular")) {
            build = 1.25;
        } else if (any(words, "thin", "slight", "wiry", "lanky", "slim", "skinny", "slender", "gaunt", "petite")) {
            build = 0.85;
        }
        double stature = age == 0 ? 0.68 : 0.96 + 0.08 * r.nextDouble();
        if (any(words, "tall", "towering", "lanky")) {
            stature = 1.08;
        } else if (any(words, "short", "small", "tiny") && age > 0) {
            stature = 0.9;
        }
        int skin = SKIN[r.nextInt(SKIN.length)];
        int hair = age == 3 ? 0xA8A8A4 : HAIR[r.nextInt(HAIR.length)];
        HairStyle style = woman ? (r.nextBoolean() ? HairStyle.LONG : HairStyle.BUN) : HairStyle.SHORT;
        if (!woman && age == 3 && r.nextInt(3) == 0) {
            style = HairStyle.BALD;
        }
        Integer top = null;
        Integer legs = null;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            Integer colour = COLOURS.get(w);
            if (colour == null) {
                continue;
            }
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            if (HAIR_WORDS.contains(next) || w.equals("blonde") || w.equals("blond") || w.equals("brunette")
                    || w.equals("ginger") || w.equals("auburn") || w.equals("white-haired")) {
                hair = colour;
            } else if (next.matches("trousers|jeans|skirt|slacks|shorts|pants|leggings")) {
                legs = colour;
            } else if (top == null) {
                top = colour;
            } else if (legs == null) {
                legs = colour;
            }
        }
        for (String w : words) {
            switch (w) {
                case "braid", "braids", "plait", "plaits" -> style = HairStyle.BRAID;
                case "bun" -> style = HairStyle.BUN;
                case "ponytail" -> style = HairStyle.PONYTAIL;
                case "curls", "curly", "afro" -> style = HairStyle.CURLY;
                case "bald", "shaved" -> style = HairStyle.BALD;
                case "long-haired" -> style = HairStyle.LONG;
                case "crop", "cropped", "buzz" -> style = HairStyle.SHORT;
                default -> {
                }
            }
            if (w.equals("grey") || w.equals("gray") || w.equals("silver")) {
                if (words.indexOf(w) + 1 < words.size() && HAIR_WORDS.contains(words.get(words.indexOf(w) + 1))) {
                    hair = 0xA8A8A4;
                }
            }
        }
        if (top == null) {
            for (String w : words) {
                if (GARMENTS.containsKey(w)) {
                    top = GARMENTS.get(w);
                    break;
                }
            }
        }
        if (top == null) {
            top = CastPainter.nameColour(key);
        }
        if (legs == null) {
            legs = TROUSERS[r.nextInt(TROUSERS.length)];
        }
        boolean longCoat = any(words, "coat", "overcoat", "trenchcoat", "oilskin", "oilskins", "dress", "gown", "robe",
                "cassock", "raincoat", "parka", "mac", "habit", "apron");
        boolean glasses = any(words, "glasses", "spectacles", "bespectacled", "specs");
        boolean beard = !woman && (any(words, "beard", "bearded", "stubble") || (age == 3 && r.nextInt(4) == 0));
        int hat = -1;
        if (any(words, "helmet", "spacesuit")) {
            hat = 0xEEEEEA;
        } else if (any(words, "hat", "cap", "beanie", "beret", "sou'wester", "fedora", "bowler")) {
            hat = COLOURS.getOrDefault(wordBefore(words, "hat", "cap", "beanie", "beret", "fedora"), 0x3A2E26);
        }
        return new Appearance(key, woman, age, build, stature, skin, hair, style, top, legs, longCoat, glasses, beard, hat);
    }

    private static String wordBefore(List<String> words, String... nouns) {
        for (int i = 1; i < words.size(); i++) {
            for (String n : nouns) {
                if (words.get(i).equals(n)) {
                    return words.get(i - 1);
                }
            }
        }
        return "";
    }

    private static boolean any(List<String> words, String... options) {
        for (String o : options) {
            if (words.contains(o)) {
                return true;
            }
        }
        return false;
    }
}
