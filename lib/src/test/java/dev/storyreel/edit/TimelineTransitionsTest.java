package dev.storyreel.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyreel.shot.Transition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Point 4 on the timelines: planned dissolves and fades are OTIO Transition.1 items and EDL dissolve events. */
class TimelineTransitionsTest {
    static final List<TimelineClip> CLIPS = List.of(
            new TimelineClip("SC00SH01", "SC00SH01", "a.mp4", 0, 96, Transition.FADE_IN),
            new TimelineClip("SC01SH01", "SC01SH01", "b.mp4", 96, 48, Transition.CUT),
            new TimelineClip("SC02SH01", "SC02SH01", "c.mp4", 144, 60, Transition.DISSOLVE),
            new TimelineClip("SC03SH01", "SC03SH01", "d.mp4", 204, 10, Transition.FADE_FROM_BLACK),
            new TimelineClip("SC03SH02", "SC03SH02", "e.mp4", 214, 30, Transition.SMASH_CUT));

    @Test
    void otioCarriesTransitionItemsCentredOnTheirCuts() throws Exception {
        JsonNode track = new ObjectMapper().readTree(Otio.write("T", 24, CLIPS)).at("/tracks/children/0/children");
        List<String> items = new ArrayList<>();
        track.forEach(n -> items.add(n.get("OTIO_SCHEMA").asText() + ":" + n.get("name").asText()));
        assertEquals(List.of("Transition.1:fade_in", "Clip.2:SC00SH01", "Clip.2:SC01SH01", "Transition.1:dissolve",
                "Clip.2:SC02SH01", "Transition.1:fade_from_black", "Clip.2:SC03SH01", "Clip.2:SC03SH02"), items);
        JsonNode dissolve = track.get(3);
        assertEquals("SMPTE_Dissolve", dissolve.get("transition_type").asText());
        assertEquals(6.0, dissolve.at("/in_offset/value").asDouble());
        assertEquals(6.0, dissolve.at("/out_offset/value").asDouble(), "half a second at 24 fps, centred");
        assertEquals(0.0, track.get(0).at("/in_offset/value").asDouble(), "nothing before the first clip");
        assertEquals(5.0, track.get(5).at("/in_offset/value").asDouble() + track.get(5).at("/out_offset/value").asDouble(),
                "at most half of a short clip");
    }

    @Test
    void edlHasDissolveEvents() {
        List<String> events = Edl.write("T", 24, CLIPS).lines().filter(l -> l.matches("^\\d{3} .*")).toList();
        assertEquals(List.of(
                "001  BL       V     C        00:00:00:00 00:00:00:00 01:00:00:00 01:00:00:00",
                "001  SC00SH01 V     D    012 00:00:00:00 00:00:04:00 01:00:00:00 01:00:04:00",
                "002  SC01SH01 V     C        00:00:00:00 00:00:02:00 01:00:04:00 01:00:06:00",
                "003  SC01SH01 V     C        00:00:00:00 00:00:00:00 01:00:06:00 01:00:06:00",
                "003  SC02SH01 V     D    012 00:00:00:00 00:00:02:12 01:00:06:00 01:00:08:12",
                "004  BL       V     C        00:00:00:00 00:00:00:00 01:00:08:12 01:00:08:12",
                "004  SC03SH01 V     D    005 00:00:00:00 00:00:00:10 01:00:08:12 01:00:08:22",
                "005  SC03SH02 V     C        00:00:00:00 00:00:01:06 01:00:08:22 01:00:10:04"), events);
    }
}
