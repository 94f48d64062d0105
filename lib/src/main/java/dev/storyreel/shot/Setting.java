package dev.storyreel.shot;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Where a scene happens, from its heading: interior/exterior, place, sub-location, time of day.
 *
 * @param exposure    interior, exterior or both
 * @param location    the place ("CARROW POINT LIGHTHOUSE")
 * @param timeOfDay   "NIGHT", "DUSK", ... or "" when the heading has none and nothing to inherit
 * @param subLocation the part of the place after a separator ("LANTERN ROOM"), or "" (left out of the
 *                    shot key when empty, so plans without it keep their keys)
 */
public record Setting(Exposure exposure, String location, String timeOfDay,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) String subLocation) implements java.io.Serializable {

    /** Interior or exterior, as the heading's prefix says. */
    public enum Exposure { INT, EXT, INT_EXT }

    public Setting {
        Objects.requireNonNull(exposure, "exposure");
        location = Objects.requireNonNullElse(location, "");
        timeOfDay = Objects.requireNonNullElse(timeOfDay, "");
        subLocation = Objects.requireNonNullElse(subLocation, "");
    }

    /** A setting without a sub-location. */
    public Setting(Exposure exposure, String location, String timeOfDay) {
        this(exposure, location, timeOfDay, "");
    }
}
