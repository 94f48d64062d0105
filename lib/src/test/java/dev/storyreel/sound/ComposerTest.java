package dev.storyreel.sound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.sound.score.Composer;
import dev.storyreel.sound.score.CueSpec;
import dev.storyreel.sound.score.MidiRenderer;
import dev.storyreel.sound.score.TimedMessage;
import java.util.List;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;

/** Composer + MidiRenderer: the score renders offline, bit for bit the same, with a key per film and a trailer hit. */
class ComposerTest {
    private static final int RATE = 48000;

    private static float[] render(List<TimedMessage> score, double seconds) throws Exception {
        int n = (int) (seconds * RATE);
        float[] mono = new float[n];
        float[] l = new float[RATE / 10];
        float[] r = new float[RATE / 10];
        try (MidiRenderer m = new MidiRenderer(score, RATE)) {
            for (int at = 0; at < n; at += l.length) {
                int k = Math.min(l.length, n - at);
                m.read(l, r, k);
                for (int i = 0; i < k; i++) {
                    mono[at + i] = (l[i] + r[i]) / 2;
                }
            }
        }
        return mono;
    }

    private static double db(float[] x, double from, double to) {
        double s = 0;
        int a = (int) (from * RATE);
        int b = (int) (to * RATE);
        for (int i = a; i < b; i++) {
            s += x[i] * x[i];
        }
        return 10 * Math.log10(s / (b - a) + 1e-20);
    }

    @Test
    void filmScoreRendersTheSameTwiceAndEndsOnACadence() throws Exception {
        List<TimedMessage> score = Composer.film(11, List.of(new CueSpec(0, 3, "DAY", true, "", 2.0),
                new CueSpec(3, 6, "NIGHT", false, "", 3.0)), 6.0);
        float[] a = render(score, 6.5);
        float[] b = render(score, 6.5);
        assertArrayEquals(a, b, "offline rendering is deterministic");
        assertTrue(db(a, 0.5, 5.0) > -45, "music sounds: " + db(a, 0.5, 5.0));
        assertTrue(db(a, 6.2, 6.5) < db(a, 4.0, 5.0) - 20, "the ending fades out by the last frame");
        long noteOns = score.stream().filter(m -> m.message().getCommand() == ShortMessage.NOTE_ON).count();
        assertTrue(noteOns > 20, "notes: " + noteOns);
    }

    @Test
    void oneKeyPerFilmFromItsSeed() {
        assertTrue(Composer.keyRoot(1, "") == Composer.keyRoot(1, ""));
        long distinct = java.util.stream.LongStream.range(0, 12).map(s -> Composer.keyRoot(s, "")).distinct().count();
        assertTrue(distinct > 3, "keys vary with the seed: " + distinct);
        assertNotEquals(List.of(), Composer.film(3, List.of(new CueSpec(0, 2, "", false, "", 1)), 2));
    }

    @Test
    void trailerBuildsToAHitOnTheTitleCard() throws Exception {
        float[] t = render(Composer.trailer(5, "", 8.0, 10.0), 10.0);
        assertTrue(db(t, 7.0, 7.9) > db(t, 0.0, 1.5) + 6, "the build rises: " + db(t, 0.0, 1.5) + " -> " + db(t, 7.0, 7.9));
        assertTrue(db(t, 8.0, 8.6) > db(t, 7.0, 7.9), "the hit lands on the card: " + db(t, 8.0, 8.6));
    }
}
