package dev.storyreel.jobs.run;

import dev.storyreel.sound.LoudnessTarget;
import dev.storyreel.sound.voice.VoiceEngines;
import java.io.Serializable;
import java.util.Objects;

/**
 * The run's sound settings: whether films get a soundtrack ({@code --no-sound} turns it off), the voice
 * engine ({@code --voice-engine}) and the loudness target of the delivery profile ({@code --loudness}).
 *
 * @param enabled     make soundtracks
 * @param voiceEngine the voice engine's name
 * @param loudness    the delivery profile's loudness target
 */
public record SoundOptions(boolean enabled, String voiceEngine, LoudnessTarget loudness) implements Serializable {
    /** Silent films (what runs made before sound existed). */
    public static final SoundOptions OFF = new SoundOptions(false, VoiceEngines.DEFAULT, LoudnessTarget.EBU);

    public SoundOptions {
        Objects.requireNonNull(voiceEngine, "voiceEngine");
        Objects.requireNonNull(loudness, "loudness");
    }
}
