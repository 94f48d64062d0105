package dev.storyreel.sound.voice;

import java.io.IOException;
import java.util.List;

/** The voice engines by name, as {@code --voice-engine} spells them. */
public final class VoiceEngines {
    /** The default engine's name. */
    public static final String DEFAULT = EspeakEngine.NAME;
    /** Every engine's name. */
    public static final List<String> NAMES = List.of(EspeakEngine.NAME, SpeechApiEngine.NAME);

    private VoiceEngines() {
    }

    /** Opens the engine called {@code name}; fails naming what is missing (program, settings). */
    public static VoiceEngine open(String name) throws IOException {
        return switch (name) {
            case EspeakEngine.NAME -> EspeakEngine.open();
            case SpeechApiEngine.NAME -> SpeechApiEngine.fromEnvironment(System.getenv());
            default -> throw new IllegalArgumentException("unknown voice engine '" + name + "'; known: "
                    + String.join(", ", NAMES));
        };
    }
}
