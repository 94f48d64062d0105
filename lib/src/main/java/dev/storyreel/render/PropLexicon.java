package dev.storyreel.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The drawable props, keyed by the nouns (singular and plural) that name them in action and dialogue:
 * each is a shape template, a base colour, a size relative to a standing figure and a place in the set.
 */
final class PropLexicon {

    /** How a prop is drawn. */
    enum Shape {
        BOX, ROUND, CUP, BOTTLE, SCREEN, PHONE, DOOR, WINDOW, CAR, BUS, BIKE, BOAT, TREE, PLANT, LAMP, CAKE, GUN,
        TORCH, BAG, BOOK, CASE, CLOCK, BOARD, CHAIR, TABLE, BED, STICK, HELMET, LADDER, BARRIER, COIL, RADIO, DISH
    }

    /** Where a prop goes: in the first figure's hand, on a surface, on the floor, on the wall, far off. */
    enum Place { HAND, TABLE, FLOOR, WALL, FAR }

    /** One lexicon entry; {@code size} is its height as a share of a standing figure's. */
    record Prop(String name, Shape shape, int rgb, double size, Place place) {
    }

    private static final Map<String, Prop> BY_NOUN = new LinkedHashMap<>();
    /** Two-word nouns whose first word would otherwise read as a prop ("car park" is no car). */
    private static final java.util.Set<String> NOT_PROPS = java.util.Set.of("car park", "glass roof", "phone call",
            "bus stop", "train station", "ferry terminal", "door frame", "key card", "table top", "book club",
            "gun shot", "light house", "box office", "ship yard", "boat house", "clock tower", "bell tower");
    private static final List<Prop> ALL = new ArrayList<>();

    static {
        add("car", Shape.CAR, 0xB03A2E, 0.75, Place.FLOOR, "cars", "hatchback", "sedan", "taxi", "cab", "jeep");
        add("van", Shape.CAR, 0xE8E4DA, 0.95, Place.FLOOR, "vans", "truck", "lorry", "pickup");
        add("bus", Shape.BUS, 0xD8A020, 1.4, Place.FAR, "buses", "coach", "tram");
        add("train", Shape.BUS, 0x2E5E8A, 1.5, Place.FAR, "trains", "carriage", "locomotive");
        add("bicycle", Shape.BIKE, 0x2E7A5A, 0.55, Place.FLOOR, "bicycles", "bike", "bikes");
        add("tricycle", Shape.BIKE, 0xD03A3A, 0.4, Place.FLOOR, "tricycles", "trike");
        add("motorbike", Shape.BIKE, 0x222222, 0.62, Place.FLOOR, "motorcycle", "scooter", "moped");
        add("boat", Shape.BOAT, 0xE07020, 0.7, Place.FAR, "boats", "dinghy", "rowboat", "water taxi");
        add("ferry", Shape.BOAT, 0xE8E8E0, 1.6, Place.FAR, "ferries", "ship", "ships", "liner", "steamer");
        add("yacht", Shape.BOAT, 0xF4F4F4, 1.1, Place.FAR, "sailboat", "yachts");
        add("plane", Shape.BUS, 0xDADADA, 0.9, Place.FAR, "airplane", "aeroplane", "jet", "aircraft");
        add("helicopter", Shape.CAR, 0x3A4A3A, 0.7, Place.FAR, "chopper");
        add("door", Shape.DOOR, 0x7A5236, 1.15, Place.WALL, "doors", "doorway", "gate", "gates", "side door");
        add("window", Shape.WINDOW, 0xE8E4D8, 0.55, Place.WALL, "windows", "porthole", "pane");
        add("phone", Shape.PHONE, 0x1A1A1E, 0.09, Place.HAND, "phones", "mobile", "cellphone", "smartphone", "app");
        add("radio", Shape.RADIO, 0x5A4A3A, 0.16, Place.TABLE, "radios", "receiver", "transmitter", "walkie-talkie");
        add("torch", Shape.TORCH, 0x3A3A40, 0.12, Place.HAND, "torches", "flashlight", "flashlights");
        add("lantern", Shape.LAMP, 0xC89A40, 0.2, Place.HAND, "lanterns", "oil lamp");
        add("lamp", Shape.LAMP, 0xE8C070, 0.5, Place.FLOOR, "lamps", "lampshade", "streetlamp", "streetlight");
        add("candle", Shape.CUP, 0xF4ECD0, 0.1, Place.TABLE, "candles", "candlestick");
        add("stopwatch", Shape.CLOCK, 0xC8C8C0, 0.07, Place.HAND, "stopwatches", "timer");
        add("wristwatch", Shape.CLOCK, 0xC8A850, 0.05, Place.HAND);
        add("clock", Shape.CLOCK, 0xF0EAD8, 0.22, Place.WALL, "clocks", "wall clock");
        add("cake", Shape.CAKE, 0xF2D0DA, 0.2, Place.TABLE, "cakes", "gateau", "torte", "wedding cake");
        add("pastry", Shape.CAKE, 0xE0A860, 0.08, Place.TABLE, "pastries", "croissant", "croissants", "eclair",
                "tart", "tarts", "pudding", "puddings", "bun", "buns", "muffin", "muffins");
        add("bread", Shape.ROUND, 0xC8883E, 0.08, Place.TABLE, "loaf", "loaves", "baguette");
        add("gun", Shape.GUN, 0x222226, 0.1, Place.HAND, "guns", "pistol", "revolver", "handgun");
        add("rifle", Shape.STICK, 0x3A2A1E, 0.5, Place.HAND, "rifles", "shotgun");
        add("knife", Shape.STICK, 0xC8CCD0, 0.12, Place.HAND, "knives", "blade", "dagger");
        add("sword", Shape.STICK, 0xD8DCE0, 0.45, Place.HAND, "swords");
        add("key", Shape.STICK, 0xD8B040, 0.05, Place.HAND, "keys", "keyring");
        add("letter", Shape.BOOK, 0xF4F0E4, 0.08, Place.HAND, "letters", "envelope", "note", "paper", "papers",
                "ticket", "tickets", "map", "maps", "photo", "photograph");
        add("book", Shape.BOOK, 0x7A2E2E, 0.1, Place.TABLE, "books", "notebook", "diary", "logbook", "ledger");
        add("newspaper", Shape.BOOK, 0xDCD8CC, 0.12, Place.HAND, "newspapers", "paper", "magazine");
        add("laptop", Shape.SCREEN, 0x3A3E44, 0.12, Place.TABLE, "laptops", "computer", "computers");
        add("monitor", Shape.SCREEN, 0x202428, 0.2, Place.TABLE, "monitors", "screen", "screens", "display", "readout",
                "readouts", "console", "consoles");
        add("television", Shape.SCREEN, 0x18181C, 0.3, Place.TABLE, "tv", "televisions", "telly");
        add("board", Shape.BOARD, 0x1E2A22, 0.5, Place.WALL, "departure board", "noticeboard", "blackboard",
                "whiteboard", "chalkboard", "timetable");
        add("sign", Shape.BOARD, 0x2E5EA8, 0.35, Place.WALL, "signs", "signpost", "poster", "posters", "banner");
        add("painting", Shape.BOARD, 0x8A6A3A, 0.35, Place.WALL, "paintings", "picture", "pictures", "portrait",
                "mirror");
        add("cup", Shape.CUP, 0xF4F4F0, 0.06, Place.TABLE, "cups", "mug", "mugs", "teacup", "coffee", "tea");
        add("flask", Shape.BOTTLE, 0x6A7A84, 0.11, Place.HAND, "flasks", "thermos", "canteen");
        add("bottle", Shape.BOTTLE, 0x2E6A3A, 0.14, Place.TABLE, "bottles", "wine", "beer", "whisky", "whiskey");
        add("glass", Shape.CUP, 0xD8E8F0, 0.07, Place.TABLE, "glasses", "tumbler");
        add("plate", Shape.ROUND, 0xF4F4F4, 0.04, Place.TABLE, "plates", "dish", "dishes", "bowl", "bowls");
        add("pot", Shape.CUP, 0x4A4A4E, 0.1, Place.TABLE, "pots", "pan", "pans", "kettle", "saucepan");
        add("soup", Shape.CUP, 0xC87A3A, 0.08, Place.HAND, "pouch", "stew");
        add("apple", Shape.ROUND, 0xC8302A, 0.04, Place.TABLE, "apples", "fruit", "pear", "pears");
        add("flowers", Shape.PLANT, 0xD84A7A, 0.16, Place.TABLE, "flower", "bouquet", "roses", "rose", "vase");
        add("plant", Shape.PLANT, 0x3A7A3A, 0.35, Place.FLOOR, "plants", "pot plant", "fern", "bush", "shrub");
        add("tree", Shape.TREE, 0x2E6A32, 1.6, Place.FAR, "trees", "oak", "pine", "palm");
        add("rock", Shape.ROUND, 0x7A746A, 0.25, Place.FLOOR, "rocks", "boulder", "boulders", "stone", "stones");
        add("table", Shape.TABLE, 0x8A6242, 0.42, Place.FLOOR, "tables", "desk", "desks", "workbench", "counter");
        add("chair", Shape.CHAIR, 0x6A4A32, 0.5, Place.FLOOR, "chairs", "stool", "stools", "seat", "seats", "bench");
        add("sofa", Shape.BED, 0x5A6E8A, 0.4, Place.FLOOR, "couch", "settee");
        add("bed", Shape.BED, 0xE8E0D0, 0.35, Place.FLOOR, "beds", "bunk", "cot", "mattress", "stretcher");
        add("box", Shape.BOX, 0xB08A5A, 0.25, Place.FLOOR, "boxes", "crate", "crates", "parcel", "package", "carton");
        add("chest", Shape.BOX, 0x6A4A2A, 0.3, Place.FLOOR, "trunk", "treasure");
        add("suitcase", Shape.BAG, 0x5A3A5A, 0.3, Place.FLOOR, "suitcases", "luggage");
        add("bag", Shape.BAG, 0x8A5A3A, 0.18, Place.HAND, "bags", "handbag", "purse", "satchel", "holdall");
        add("backpack", Shape.BAG, 0x3A5A3A, 0.22, Place.HAND, "rucksack", "backpacks");
        add("cello case", Shape.CASE, 0x202024, 0.62, Place.HAND, "cello", "cellos", "violin", "instrument");
        add("guitar", Shape.CASE, 0xA86A32, 0.45, Place.HAND, "guitars");
        add("piano", Shape.TABLE, 0x141418, 0.5, Place.FLOOR, "pianos", "keyboard");
        add("drum", Shape.CUP, 0xB03A3A, 0.25, Place.FLOOR, "drums");
        add("microphone", Shape.STICK, 0x2A2A2E, 0.4, Place.FLOOR, "mic", "microphones");
        add("camera", Shape.BOX, 0x222226, 0.07, Place.HAND, "cameras");
        add("helmet", Shape.HELMET, 0xF0F0EC, 0.1, Place.HAND, "helmets", "spacesuit");
        add("hat", Shape.HELMET, 0x3A2E26, 0.07, Place.TABLE, "hats", "cap", "caps");
        add("umbrella", Shape.STICK, 0x2A3A6A, 0.45, Place.HAND, "umbrellas", "brolly");
        add("ladder", Shape.LADDER, 0x8A7A5A, 1.1, Place.FLOOR, "ladders", "rung", "rungs");
        add("rope", Shape.COIL, 0xB8A06A, 0.1, Place.FLOOR, "ropes", "tether", "cable", "cables", "hose");
        add("barrier", Shape.BARRIER, 0xD83A2A, 0.45, Place.FLOOR, "barriers", "turnstile");
        add("fence", Shape.BARRIER, 0x8A6A4A, 0.4, Place.FAR, "fences", "railing", "railings", "rail");
        add("bell", Shape.CUP, 0xC8A040, 0.12, Place.WALL, "bells");
        add("dish", Shape.DISH, 0xDCDCDC, 0.4, Place.FAR, "dishes", "antenna", "aerial", "satellite");
        add("mast", Shape.STICK, 0x9A9AA0, 1.6, Place.FAR, "masts", "pole", "flagpole");
        add("flag", Shape.BOARD, 0xC83A3A, 0.25, Place.FAR, "flags");
        add("wheel", Shape.ROUND, 0x3A3A3A, 0.25, Place.FLOOR, "wheels", "tyre", "tire", "steering wheel");
        add("engine", Shape.BOX, 0x4A4E54, 0.3, Place.FLOOR, "engines", "motor", "generator");
        add("machine", Shape.BOX, 0xC83A3A, 0.55, Place.FLOOR, "machines", "vending machine", "vending machines",
                "jukebox", "slot machine");
        add("fridge", Shape.DOOR, 0xECECE8, 0.75, Place.FLOOR, "refrigerator", "freezer");
        add("oven", Shape.BOX, 0x3A3A3A, 0.38, Place.FLOOR, "ovens", "stove", "cooker");
        add("sink", Shape.BOX, 0xC8CCD0, 0.1, Place.TABLE, "sinks", "basin");
        add("shelf", Shape.BOARD, 0x7A5A3A, 0.3, Place.WALL, "shelves", "bookcase", "bookshelf", "cupboard");
        add("bin", Shape.CUP, 0x4A5A4A, 0.25, Place.FLOOR, "bins", "trash can", "dustbin", "bucket", "barrel");
        add("ball", Shape.ROUND, 0xE8E8E8, 0.06, Place.FLOOR, "balls", "football", "basketball");
        add("toy", Shape.BOX, 0xE85A5A, 0.08, Place.FLOOR, "toys", "teddy", "doll");
        add("dog", Shape.BAG, 0x9A6A3A, 0.25, Place.FLOOR, "dogs", "puppy", "hound");
        add("cat", Shape.BAG, 0x3A3A3A, 0.14, Place.FLOOR, "cats", "kitten");
        add("bird", Shape.ROUND, 0x3A3A46, 0.04, Place.FAR, "birds", "gull", "gulls", "seagull", "crow", "pigeon");
        add("horse", Shape.CAR, 0x6A4228, 0.9, Place.FLOOR, "horses", "pony");
        add("fish", Shape.ROUND, 0x8AA0B0, 0.05, Place.TABLE, "fishes");
        add("lens", Shape.ROUND, 0xE8E0B0, 0.55, Place.FLOOR, "lenses");
        add("campfire", Shape.PLANT, 0xF08020, 0.18, Place.FLOOR, "fireplace", "campfire", "flames", "bonfire");
        add("money", Shape.BOOK, 0x5A8A4A, 0.05, Place.HAND, "cash", "banknotes", "wallet", "coins", "coin");
        add("ring", Shape.ROUND, 0xD8B040, 0.03, Place.HAND, "rings");
        add("glasses", Shape.STICK, 0x202020, 0.03, Place.HAND, "spectacles", "binoculars", "telescope");
        add("cigarette", Shape.STICK, 0xF4F0E8, 0.03, Place.HAND, "cigarettes", "cigar");
        add("hammer", Shape.STICK, 0x6A4A2A, 0.12, Place.HAND, "hammers", "wrench", "spanner", "screwdriver",
                "tool", "tools", "crowbar");
        add("bandage", Shape.BOX, 0xF4F4F4, 0.06, Place.HAND, "bandages", "first aid", "medkit");
        add("syringe", Shape.STICK, 0xD8E8F0, 0.05, Place.HAND, "syringes", "needle");
        add("trolley", Shape.BIKE, 0x9AA0A8, 0.45, Place.FLOOR, "trolleys", "cart", "pram", "wheelchair", "buggy");
        add("sandbag", Shape.BAG, 0xB8A070, 0.15, Place.FLOOR, "sacks", "sack", "flour", "sugar");
        add("buoy", Shape.ROUND, 0xE04A20, 0.15, Place.FAR, "buoys", "lifebuoy", "life ring");
        add("anchor", Shape.STICK, 0x4A4A50, 0.3, Place.FLOOR, "anchors");
        add("tent", Shape.BOX, 0x4A7A3A, 0.6, Place.FAR, "tents");
        add("cactus", Shape.PLANT, 0x4A7A3A, 0.6, Place.FAR, "cacti");
        add("statue", Shape.STICK, 0xB8B0A4, 0.9, Place.FAR, "statues", "monument");
        add("crucifix", Shape.STICK, 0xC8A040, 0.3, Place.WALL, "altar");
        add("trophy", Shape.CUP, 0xD8B040, 0.12, Place.TABLE, "trophies", "cup final", "medal");
        add("basket", Shape.BAG, 0xB8904A, 0.12, Place.HAND, "baskets", "hamper");
        add("tray", Shape.BOOK, 0xB8B8B8, 0.03, Place.HAND, "trays", "platter");
        add("whisk", Shape.STICK, 0xC8C8C8, 0.08, Place.HAND, "spoon", "ladle", "spatula", "piping bag");
        add("blanket", Shape.BED, 0x8A3A3A, 0.08, Place.FLOOR, "blankets", "quilt", "rug", "towel");
        add("chessboard", Shape.BOARD, 0xE8E0D0, 0.04, Place.TABLE, "chess", "cards", "dice");
    }

    private PropLexicon() {
    }

    private static void add(String name, Shape shape, int rgb, double size, Place place, String... synonyms) {
        Prop p = new Prop(name, shape, rgb, size, place);
        ALL.add(p);
        BY_NOUN.putIfAbsent(name, p);
        for (String s : synonyms) {
            BY_NOUN.putIfAbsent(s, p);
        }
    }

    /** Every prop, in lexicon order. */
    static List<Prop> all() {
        return List.copyOf(ALL);
    }

    /**
     * The props a text names, in the order it first names them, at most {@code max}; two-word nouns
     * ("vending machine") win over their last word, and a noun read as a verb in front of a pronoun or
     * article is still read as the noun (the lexicon has no verbs).
     */
    static List<Prop> named(String text, int max) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'-]+")) {
            String t = w.replaceAll("^'+|'+$", "").replaceAll("'s$", "");
            if (!t.isEmpty()) {
                words.add(t);
            }
        }
        List<Prop> out = new ArrayList<>();
        for (int i = 0; i < words.size() && out.size() < max; i++) {
            Prop hit = null;
            if (i + 1 < words.size() && NOT_PROPS.contains(words.get(i) + " " + words.get(i + 1))) {
                i++;
                continue;
            }
            if (i + 1 < words.size()) {
                hit = BY_NOUN.get(words.get(i) + " " + words.get(i + 1));
                if (hit != null) {
                    i++;
                }
            }
            if (hit == null) {
                hit = BY_NOUN.get(words.get(i));
            }
            if (hit != null && !out.contains(hit)) {
                out.add(hit);
            }
        }
        return out;
    }
}
