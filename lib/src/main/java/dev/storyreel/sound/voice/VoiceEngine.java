package dev.storyreel.sound.voice;

import java.io.IOException;
import java.util.List;

/** A speech synthesiser: text, voice, language and delivery in, mono PCM out. */
public interface VoiceEngine {
    /** The engine's name, as {@code --voice-engine} and {@link Voice#engine()} spell it. */
    String name();

    /** The engine's version: part of every line's audio key. */
    String version();

    /** Whether the engine speaks {@code language} (ISO 639-1). */
    boolean speaks(String language);

    /** The engine's voices to cast from, male-sounding first then female-sounding, in a fixed order. */
    VoiceBank voices();

    /** Speaks one line. Same request, same engine version: same samples. */
    Speech speak(LineRequest request) throws IOException;

    /**
     * The voices of an engine in two fixed lists.
     *
     * @param male   voice names that sound male
     * @param female voice names that sound female
     */
    record VoiceBank(List<String> male, List<String> female) implements java.io.Serializable {
        public VoiceBank {
            male = List.copyOf(male);
            female = List.copyOf(female);
            if (male.isEmpty() || female.isEmpty()) {
                throw new IllegalArgumentException("a voice bank needs male and female voices");
            }
        }
    }
}
