package dev.storyreel.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.sound.voice.Casting;
import dev.storyreel.sound.voice.Delivery;
import dev.storyreel.sound.voice.EspeakEngine;
import dev.storyreel.sound.voice.LineRequest;
import dev.storyreel.sound.voice.Speech;
import dev.storyreel.sound.voice.Voice;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The espeak-ng engine and casting: real speech, measurably different voices, stable keys. */
class VoiceTest {
    /** Median fundamental frequency of voiced 40 ms frames, by autocorrelation (70..400 Hz). */
    static double pitchHz(Speech s) {
        short[] x = s.samples();
        int rate = s.sampleRate();
        int win = rate / 25;
        List<Double> f0 = new java.util.ArrayList<>();
        for (int at = 0; at + win + rate / 70 < x.length; at += win) {
            double energy = 0;
            for (int i = 0; i < win; i++) {
                energy += (double) x[at + i] * x[at + i];
            }
            if (energy / win < 1e5) {
                continue;
            }
            double best = 0;
            int lag = 0;
            for (int l = rate / 400; l <= rate / 70; l++) {
                double c = 0;
                for (int i = 0; i < win; i++) {
                    c += (double) x[at + i] * x[at + i + l];
                }
                if (c > best) {
                    best = c;
                    lag = l;
                }
            }
            if (best > 0.5 * energy && lag > 0) {
                f0.add(rate / (double) lag);
            }
        }
        f0.sort(null);
        return f0.isEmpty() ? 0 : f0.get(f0.size() / 2);
    }

    @Test
    void espeakSpeaksDeterministicallyWithPitchThatFollowsTheVoice() throws Exception {
        EspeakEngine e = EspeakEngine.open();
        assertTrue(e.speaks("en") && e.speaks("fr"), "English and French");
        String text = "The lamp has burned every night for forty years.";
        Speech low = e.speak(new LineRequest(text, new Voice(e.name(), "m3", 20, 160), "en", Delivery.NORMAL));
        Speech high = e.speak(new LineRequest(text, new Voice(e.name(), "f2", 70, 160), "en", Delivery.NORMAL));
        Speech again = e.speak(new LineRequest(text, new Voice(e.name(), "m3", 20, 160), "en", Delivery.NORMAL));
        assertTrue(low.seconds() > 1.5 && low.seconds() < 6, "duration " + low.seconds());
        assertTrue(java.util.Arrays.equals(low.samples(), again.samples()), "same request, same PCM");
        double fl = pitchHz(low);
        double fh = pitchHz(high);
        assertTrue(fh > fl * 1.3, "pitch " + fl + " Hz vs " + fh + " Hz");
        Speech shout = e.speak(new LineRequest(text, new Voice(e.name(), "m3", 20, 160), "en", Delivery.SHOUT));
        assertTrue(shout.seconds() < low.seconds(), "shouting is faster");
        Speech fr = e.speak(new LineRequest("Le phare brûle chaque nuit.", new Voice(e.name(), "m3", 40, 160), "fr",
                Delivery.NORMAL));
        assertTrue(fr.seconds() > 0.8, "French speech");
    }

    @Test
    void castingIsStableAndKeepsCoSpeakersApart() throws Exception {
        EspeakEngine e = EspeakEngine.open();
        List<Casting.Role> roles = List.of(new Casting.Role("MARTA", "woman, 60s, grey braid"),
                new Casting.Role("IVO", "young man, fisherman"), new Casting.Role("NELL", ""),
                new Casting.Role("OSKAR", ""));
        List<Set<String>> scenes = List.of(Set.of("MARTA", "IVO"), Set.of("NELL", "OSKAR", "MARTA"));
        Map<String, Voice> a = Casting.cast(42, e.name(), e.voices(), roles, scenes);
        Map<String, Voice> b = Casting.cast(42, e.name(), e.voices(), roles, scenes);
        assertEquals(a, b, "same seed and screenplay, same voices");
        assertTrue(e.voices().female().contains(a.get("MARTA").name()), "a woman's descriptor casts a female voice");
        assertTrue(e.voices().male().contains(a.get("IVO").name()));
        for (Set<String> scene : scenes) {
            for (String x : scene) {
                for (String y : scene) {
                    if (!x.equals(y)) {
                        assertTrue(Casting.apart(a.get(x), a.get(y)), x + " vs " + y + ": " + a);
                    }
                }
            }
        }
        Map<String, Voice> other = Casting.cast(43, e.name(), e.voices(), roles, scenes);
        assertNotEquals(a, other, "another film seed casts differently");
    }

    @Test
    void aLinesKeyCoversTextVoiceEngineVersionAndDelivery() {
        Voice v = new Voice("espeak-ng", "m3", 40, 160);
        LineRequest r = new LineRequest("Hold the gate!", v, "en", Delivery.NORMAL);
        assertEquals(r.key("1.51"), new LineRequest("Hold the gate!", v, "en", Delivery.NORMAL).key("1.51"));
        assertNotEquals(r.key("1.51"), r.key("1.52"));
        assertNotEquals(r.key("1.51"), new LineRequest("Hold the gate!", v, "en", Delivery.SHOUT).key("1.51"));
        assertNotEquals(r.key("1.51"), new LineRequest("Hold the gate.", v, "en", Delivery.NORMAL).key("1.51"));
        assertNotEquals(r.key("1.51"), new LineRequest("Hold the gate!", new Voice("espeak-ng", "m3", 41, 160), "en",
                Delivery.NORMAL).key("1.51"));
        assertEquals(Delivery.WHISPER, Delivery.of("(whispering)"));
        assertEquals(Delivery.SHOUT, Delivery.of("(shouting over the wind)"));
        assertEquals(Delivery.NORMAL, Delivery.of("(beat)"));
    }
}
