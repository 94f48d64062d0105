package dev.storyreel.sound.voice;

import dev.storyreel.shot.ShotKey;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One line to speak: text, voice, language (ISO 639-1, "en"), delivery.
 *
 * @param text     what is said (plain text; never reaches a command line)
 * @param voice    who says it
 * @param language the language of the text
 * @param delivery how it is said
 */
public record LineRequest(String text, Voice voice, String language, Delivery delivery) implements java.io.Serializable {
    public LineRequest {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(delivery, "delivery");
    }

    /**
     * The line's audio key: a hash of the text, voice, language, delivery and the engine's name and version,
     * so the same key always names the same PCM.
     */
    public String key(String engineVersion) {
        String content = String.join("\u0001", "line-v1", voice.engine(), engineVersion, voice.name(),
                Integer.toString(voice.pitch()), Integer.toString(voice.rate()), language, delivery.name(), text);
        return ShotKey.sha256(content.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }
}
