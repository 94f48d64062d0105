package dev.storyreel.plan;

import java.util.List;
import java.util.Objects;

/**
 * One character of a film's bible: how every shot and every renderer describes them.
 *
 * @param name       the name as the cues write it ("MARTA")
 * @param aliases    other names the script uses for them ("CAPTAIN MARTA OLSEN" from the introduction)
 * @param descriptor a stable visual description from the introduction ("woman in her 70s, wind-bitten, in a
 *                   man's oilskin coat"); never empty
 * @param firstLine  the first line they speak, or "" when they never speak
 * @param lines      how many speeches they have
 * @param firstSeen  the 1-based screenplay line where they first appear (introduction or first cue)
 * @param voiceOnly  true when they are only ever heard (V.O./O.S.) and never seen or named in action
 */
public record CharacterEntry(String name, List<String> aliases, String descriptor, String firstLine, int lines,
                             int firstSeen, boolean voiceOnly) implements java.io.Serializable {
    public CharacterEntry {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        descriptor = Objects.requireNonNullElse(descriptor, "");
        firstLine = Objects.requireNonNullElse(firstLine, "");
    }
}
