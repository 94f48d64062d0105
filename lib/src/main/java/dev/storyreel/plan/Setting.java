package dev.storyreel.plan;

/** Where a scene happens: interior/exterior, place, time of day (from its heading). */
public record Setting(Exposure exposure, String location, String timeOfDay) implements java.io.Serializable {

    /** Interior or exterior, as the heading's prefix says. */
    public enum Exposure { INT, EXT, INT_EXT }
}
