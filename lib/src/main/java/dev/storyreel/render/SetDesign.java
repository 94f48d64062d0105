package dev.storyreel.render;

import dev.storyreel.shot.Setting;
import dev.storyreel.shot.StableHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The set library: every set the procedural renderer can build, the heading words (with synonyms)
 * that choose it, and whether it is an interior. A set is chosen from the sub-location first, then
 * the location, reading each from its last word (the head noun: "FERRY TERMINAL" is a terminal).
 */
public enum SetDesign {
    KITCHEN(true, "KITCHEN", "KITCHENETTE", "PANTRY", "GALLEY", "SCULLERY"),
    LIVING_ROOM(true, "LIVING ROOM", "SITTING ROOM", "LOUNGE", "PARLOUR", "PARLOR", "DEN", "APARTMENT", "FLAT",
            "HOUSE", "HOME", "COTTAGE", "CABIN"),
    BEDROOM(true, "BEDROOM", "BEDSIT", "MOTEL ROOM", "HOTEL ROOM", "MOTEL", "HOTEL", "DORM", "NURSERY", "ATTIC"),
    OFFICE(true, "OFFICE", "STUDY", "NEWSROOM", "PRECINCT", "BANK", "AGENCY", "LIBRARY", "CONFERENCE ROOM"),
    SHOP(true, "PATISSERIE", "BAKERY", "CAFE", "CAFÉ", "COFFEE SHOP", "SHOP", "STORE", "BOUTIQUE", "DELI",
            "FLORIST", "BOOKSHOP", "SUPERMARKET", "GROCERY"),
    BAR(true, "BAR", "PUB", "TAVERN", "SALOON", "RESTAURANT", "DINER", "BISTRO", "NIGHTCLUB", "CLUB", "CANTEEN"),
    CAR(true, "CAR", "HATCHBACK", "TAXI", "CAB", "SEDAN", "VAN", "TRUCK", "JEEP", "LIMO", "LIMOUSINE", "PICKUP",
            "CONVERTIBLE"),
    TRAIN(true, "TRAIN", "CARRIAGE", "BUS", "TRAM", "SUBWAY CAR", "COACH", "COMPARTMENT", "METRO"),
    DECK(false, "DECK", "FERRY", "BOAT", "SHIP", "YACHT", "TRAWLER", "DINGHY", "WATER TAXI"),
    STREET(false, "STREET", "ROAD", "AVENUE", "ALLEY", "LANE", "SQUARE", "BOULEVARD", "TOWN", "CITY",
            "SIDEWALK", "CROSSROADS", "DOWNTOWN"),
    COUNTRYSIDE(false, "FIELD", "FARM", "FARMHOUSE", "MEADOW", "COUNTRYSIDE", "PARK", "GARDEN", "VILLAGE",
            "ORCHARD", "PASTURE", "HILLSIDE", "YARD"),
    FOREST(false, "FOREST", "WOODS", "WOOD", "JUNGLE", "GROVE", "CLEARING", "THICKET"),
    BEACH(false, "BEACH", "SHORE", "COAST", "CLIFF", "CLIFFS", "SEA", "OCEAN", "BAY", "SEAFRONT", "DUNES"),
    LIGHTHOUSE(false, "LIGHTHOUSE", "BEACON"),
    LANTERN_ROOM(true, "LANTERN ROOM", "LAMP ROOM", "LANTERN"),
    MOUNTAIN(false, "MOUNTAIN", "PEAK", "SUMMIT", "RIDGE", "GLACIER", "PASS", "SLOPE", "ALPS"),
    DESERT(false, "DESERT", "CANYON", "MESA", "BADLANDS", "WASTELAND", "SALT FLATS"),
    PLATFORM(false, "PLATFORM", "STATION", "TRAIN STATION", "RAILWAY", "TRACKS", "DEPOT"),
    HOSPITAL(true, "HOSPITAL", "WARD", "CLINIC", "INFIRMARY", "SURGERY", "ICU", "EMERGENCY ROOM"),
    CORRIDOR(true, "CORRIDOR", "HALLWAY", "PASSAGE", "SPOKE CORRIDOR", "TUNNEL", "LANDING"),
    STAIRWELL(true, "STAIRWELL", "STAIRS", "STAIRCASE", "STEPS INSIDE", "LADDER", "TOWER"),
    CONTROL_ROOM(true, "CONTROL ROOM", "LISTENING ROOM", "RADIO ROOM", "RADIO STATION", "STUDIO", "BRIDGE",
            "COCKPIT", "MISSION CONTROL", "LAB", "LABORATORY", "SERVER ROOM"),
    SPACE(false, "RELAY MAST", "SPACE", "ORBIT", "HULL", "ANTENNA", "SATELLITE", "ASTEROID", "MOON", "SPACEWALK",
            "RELAY", "DISH"),
    AIRLOCK(true, "AIRLOCK", "HATCH", "MODULE", "SPACE STATION", "SPACESHIP", "CAPSULE", "POD"),
    WAREHOUSE(true, "WAREHOUSE", "GARAGE", "FACTORY", "HANGAR", "WORKSHOP", "STOREROOM", "BARN", "LOADING DOCK"),
    CHURCH(true, "CHURCH", "CHAPEL", "CATHEDRAL", "TEMPLE", "ABBEY", "NAVE"),
    CHURCH_FRONT(false, "CHURCH STEPS", "CHURCHYARD"),
    CLASSROOM(true, "CLASSROOM", "SCHOOL", "LECTURE HALL", "CLASS", "UNIVERSITY", "COLLEGE"),
    STAGE(true, "STAGE", "THEATRE", "THEATER", "CONCERT HALL", "AUDITORIUM", "BACKSTAGE", "OPERA"),
    HARBOUR(false, "PIER", "HARBOUR", "HARBOR", "DOCK", "DOCKS", "WHARF", "QUAY", "MARINA", "JETTY", "PORT"),
    TERMINAL(false, "TERMINAL", "BUS STATION", "CAR PARK", "PARKING LOT", "GATE"),
    TICKET_HALL(true, "TICKET HALL", "CONCOURSE", "LOBBY", "FOYER", "WAITING ROOM", "ARRIVALS", "DEPARTURES",
            "RECEPTION", "AIRPORT");

    private final boolean interior;
    private final List<String> words;

    SetDesign(boolean interior, String... words) {
        this.interior = interior;
        this.words = List.of(words);
    }

    /** Whether the set is a room (walls and a ceiling) rather than open air. */
    public boolean interior() {
        return interior;
    }

    /** The set's id as it appears in plans ("lantern_room"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The heading words and phrases that choose this set. */
    public List<String> words() {
        return words;
    }

    /**
     * The set a setting is built as: the sub-location's words first, then the location's, each read from
     * the last word back (phrases of two words before single words); synonyms whose set has the other
     * exposure lose to ones that match it. A heading no word matches gets a generic room or exterior,
     * picked by the location's hash so that two unknown places in one film differ.
     */
    public static SetDesign of(Setting setting) {
        boolean inside = setting.exposure() != Setting.Exposure.EXT;
        List<List<String>> segments = new ArrayList<>();
        if (!setting.subLocation().isBlank()) {
            segments.add(words(setting.subLocation()));
        }
        String[] parts = setting.location().split("\\s+-+\\s+|\\s*/\\s*");
        for (int i = parts.length - 1; i >= 0; i--) {
            segments.add(words(parts[i]));
        }
        SetDesign otherExposure = null;
        for (List<String> seg : segments) {
            for (int end = seg.size(); end > 0; end--) {
                for (int len = StrictMath.min(3, end); len >= 1; len--) {
                    String phrase = String.join(" ", seg.subList(end - len, end));
                    SetDesign d = byPhrase(phrase);
                    if (d != null) {
                        if (d.interior == inside || setting.exposure() == Setting.Exposure.INT_EXT) {
                            return d;
                        }
                        otherExposure = otherExposure == null ? d : otherExposure;
                    }
                }
            }
        }
        if (otherExposure != null) {
            return counterpart(otherExposure, inside);
        }
        SetDesign[] generic = inside
                ? new SetDesign[] {LIVING_ROOM, OFFICE, CORRIDOR, KITCHEN, BEDROOM, WAREHOUSE}
                : new SetDesign[] {STREET, COUNTRYSIDE, FOREST, BEACH, MOUNTAIN, HARBOUR};
        long h = StableHash.of(setting.location().strip().toUpperCase(Locale.ROOT) + "|" + setting.subLocation());
        return generic[(int) Long.remainderUnsigned(h, generic.length)];
    }

    /** The set of the other exposure that stands for {@code d} ("INT. LIGHTHOUSE" is its lantern room). */
    private static SetDesign counterpart(SetDesign d, boolean inside) {
        return switch (d) {
            case LIGHTHOUSE -> inside ? STAIRWELL : d;
            case LANTERN_ROOM -> inside ? d : LIGHTHOUSE;
            case CHURCH -> inside ? d : CHURCH_FRONT;
            case CHURCH_FRONT -> inside ? CHURCH : d;
            case PLATFORM, TERMINAL -> inside ? TICKET_HALL : d;
            case TICKET_HALL -> inside ? d : TERMINAL;
            case DECK, HARBOUR -> inside ? TRAIN : d;
            case SPACE -> inside ? AIRLOCK : d;
            case AIRLOCK, CONTROL_ROOM -> inside ? d : SPACE;
            case CAR, TRAIN -> inside ? d : STREET;
            case STREET, COUNTRYSIDE, FOREST, BEACH, MOUNTAIN, DESERT -> inside ? LIVING_ROOM : d;
            default -> inside ? d : STREET;
        };
    }

    private static SetDesign byPhrase(String phrase) {
        for (SetDesign d : values()) {
            if (d.words.contains(phrase)) {
                return d;
            }
        }
        return null;
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.toUpperCase(Locale.ROOT).replace("'S", "").split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
