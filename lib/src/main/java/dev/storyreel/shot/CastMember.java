package dev.storyreel.shot;

import java.util.Objects;

/**
 * A character as every renderer must draw them: the name and the stable descriptor from the film's
 * character bible ("woman, 60s, grey braid, oilskin coat"), the same in every shot.
 */
public record CastMember(String name, String descriptor) implements java.io.Serializable {
    public CastMember {
        Objects.requireNonNull(name, "name");
        descriptor = Objects.requireNonNullElse(descriptor, "");
    }
}
