package dev.storyreel.sound.voice;

import java.util.Locale;

/** How a line is delivered, from its parenthetical: engines that can change delivery honour it. */
public enum Delivery {
    /** Ordinary speech. */
    NORMAL(0.0, 1.0),
    /** Whispered or said under the breath: quieter, breathy where the engine can. */
    WHISPER(-6.0, 0.95),
    /** Shouted or called out: louder and faster. */
    SHOUT(3.0, 1.12);

    private final double gainDb;
    private final double speed;

    Delivery(double gainDb, double speed) {
        this.gainDb = gainDb;
        this.speed = speed;
    }

    /** Level relative to normal speech in the mix, in dB. */
    public double gainDb() {
        return gainDb;
    }

    /** Speaking-rate factor relative to the voice's rate. */
    public double speed() {
        return speed;
    }

    /** The delivery a screenplay parenthetical asks for ("(whispering)", "(shouts)"); NORMAL when it asks none. */
    public static Delivery of(String parenthetical) {
        String p = parenthetical == null ? "" : parenthetical.toLowerCase(Locale.ROOT);
        if (p.matches(".*\\b(whisper\\w*|quietly|softly|under (his|her|their) breath|hushed|murmur\\w*|barely audible)\\b.*")) {
            return WHISPER;
        }
        if (p.matches(".*\\b(shout\\w*|yell\\w*|scream\\w*|call\\w* out|calling|bellow\\w*|roar\\w*|over the (wind|noise|engine|storm))\\b.*")) {
            return SHOUT;
        }
        return NORMAL;
    }
}
