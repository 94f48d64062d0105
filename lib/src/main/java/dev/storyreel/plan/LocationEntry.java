package dev.storyreel.plan;

import java.util.List;
import java.util.Objects;

/**
 * One place of a film's bible, described the same way in every shot set there.
 *
 * @param name         the location as the headings write it ("CARROW POINT LIGHTHOUSE")
 * @param subLocations its parts named in headings ("LANTERN ROOM", "KITCHEN"), in order of first use
 * @param descriptor   what the first scene there says about it (its first action sentence, shortened), or ""
 * @param firstSeen    the 1-based screenplay line of its first heading
 * @param scenes       how many scenes happen there
 */
public record LocationEntry(String name, List<String> subLocations, String descriptor, int firstSeen, int scenes)
        implements java.io.Serializable {
    public LocationEntry {
        Objects.requireNonNull(name, "name");
        subLocations = List.copyOf(subLocations);
        descriptor = Objects.requireNonNullElse(descriptor, "");
    }
}
