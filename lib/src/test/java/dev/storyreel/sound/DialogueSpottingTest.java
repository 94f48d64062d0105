package dev.storyreel.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.plan.PlannedShot;
import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.Setting;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import dev.storyreel.sound.voice.Delivery;
import dev.storyreel.sound.voice.Voice;
import dev.storyreel.subtitle.Translation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DialogueSpotting: lines inside their shots, parentheticals as delivery, dual dialogue overlapping, dubs per speech. */
class DialogueSpottingTest {
    private static final Setting QUAY = new Setting(Setting.Exposure.EXT, "QUAY", "NIGHT");
    private static final Map<String, Voice> CAST = Map.of("MARTA", new Voice("espeak-ng", "f2", 60, 160),
            "IVO", new Voice("espeak-ng", "m3", 35, 160));

    private static PlannedShot shot(int start, int frames, ShotKind kind, String speaker, String caption, String sub,
                                    int line) {
        ShotSpec s = new ShotSpec(64, 36, 24, frames, 1, kind, CameraMove.STATIC, QUAY, List.of(), speaker, caption, sub,
                "", "");
        return new PlannedShot("f", "main", 1, "1", 1, start, s, "k" + start, line);
    }

    @Test
    void placesLinesInsideTheirShotsWithDeliveryAndOverlapsDualDialogue() {
        List<PlannedShot> shots = List.of(
                shot(0, 72, ShotKind.ESTABLISHING, "", "", "", 3),
                shot(72, 48, ShotKind.DIALOGUE, "MARTA", "Who keeps the lamp?", "(whispering)", 5),
                shot(120, 60, ShotKind.REVERSE, "MARTA", "Tell me.", "", 5),
                shot(180, 72, ShotKind.TWO_SHOT, "", "MARTA: Now!\nIVO: Not now!", "", 9));
        List<SpottedLine> lines = DialogueSpotting.spot(shots, CAST, "en", null, 48000);
        assertEquals(4, lines.size());
        SpottedLine first = lines.get(0);
        assertEquals(Delivery.WHISPER, first.request().delivery());
        assertEquals(Delivery.WHISPER, lines.get(1).request().delivery(), "the speech's second shot keeps its delivery");
        for (SpottedLine l : lines) {
            assertTrue(l.startSample() >= 72 * 2000, "after the establishing shot");
        }
        assertEquals((long) ((3.0 + DialogueSpotting.LEAD_IN) * 48000), first.startSample());
        assertTrue(first.startSample() + first.maxSamples() <= 5.0 * 48000 - 0.15 * 48000, "ends before the cut");
        SpottedLine a = lines.get(2);
        SpottedLine b = lines.get(3);
        assertTrue(b.startSample() < a.startSample() + a.maxSamples(), "dual dialogue overlaps");
        assertTrue(a.pan() < 0 && b.pan() > 0, "and is panned apart");
        assertEquals("IVO", CAST.entrySet().stream().filter(e -> e.getValue().equals(b.request().voice())).findFirst()
                .orElseThrow().getKey());
    }

    @Test
    void aDubSpeaksEachSpeechsTranslationOverAllItsShots() {
        List<PlannedShot> shots = List.of(
                shot(0, 48, ShotKind.DIALOGUE, "MARTA", "Who keeps the lamp?", "", 5),
                shot(48, 60, ShotKind.REVERSE, "MARTA", "Tell me.", "", 5));
        Translation fr = Translation.parse("x.fr.txt", "5: Qui garde la lampe ? Dis-le-moi.\n");
        List<SpottedLine> lines = DialogueSpotting.spot(shots, CAST, "fr", fr, 48000);
        assertEquals(1, lines.size());
        assertEquals("fr", lines.get(0).request().language());
        assertEquals("Qui garde la lampe ? Dis-le-moi.", lines.get(0).request().text());
        assertTrue(lines.get(0).startSample() + lines.get(0).maxSamples() <= 108 * 2000 - 0.15 * 48000);
        assertTrue(lines.get(0).maxSamples() > 48 * 2000, "spans both shots");
    }
}
