package dev.storyreel.sound.voice;

import java.util.Objects;

/**
 * One cast voice: the engine that speaks it, the engine's voice name, and the pitch and rate it is
 * spoken at (engines without such controls ignore them).
 *
 * @param engine engine name ("espeak-ng", "openai")
 * @param name   the engine's voice ("m3", "f2", "alloy")
 * @param pitch  pitch, 0..99 (50 is the engine's default)
 * @param rate   speaking rate in words per minute
 */
public record Voice(String engine, String name, int pitch, int rate) implements java.io.Serializable {
    public Voice {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(name, "name");
        if (pitch < 0 || pitch > 99 || rate < 80 || rate > 450) {
            throw new IllegalArgumentException("voice pitch 0..99 and rate 80..450 wpm: " + pitch + ", " + rate);
        }
    }
}
