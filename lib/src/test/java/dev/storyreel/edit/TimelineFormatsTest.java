package dev.storyreel.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** CMX3600 EDL events and OTIO JSON schemas. */
class TimelineFormatsTest {
    static final List<TimelineClip> CLIPS = List.of(
            new TimelineClip("SC00SH01", "SC00SH01", "../segments/a.mp4", 0, 96),
            new TimelineClip("SC01SH02", "SC01SH02", "../segments/b.mp4", 96, 75),
            new TimelineClip("SC01SH03", "SC01SH03", "../segments/c.mp4", 171, 1));
    static final Pattern EVENT = Pattern.compile(
            "^(\\d{3,6}) +([A-Za-z0-9_]{1,8}) +V +C +(\\d\\d:\\d\\d:\\d\\d:\\d\\d) (\\d\\d:\\d\\d:\\d\\d:\\d\\d) "
                    + "(\\d\\d:\\d\\d:\\d\\d:\\d\\d) (\\d\\d:\\d\\d:\\d\\d:\\d\\d)$");

    @Test
    void edlEventsParseAsCmx3600() {
        String edl = Edl.write("Ferry (16x9)", 24, CLIPS);
        assertTrue(edl.startsWith("TITLE: Ferry (16x9)\nFCM: NON-DROP FRAME\n"), edl);
        List<Matcher> events = edl.lines().map(EVENT::matcher).filter(Matcher::matches).toList();
        assertEquals(3, events.size(), edl);
        assertEquals(List.of("001", "SC01SH02", "00:00:00:00", "00:00:03:03", "01:00:04:00", "01:00:07:03"),
                List.of(events.get(0).group(1), events.get(1).group(2), events.get(1).group(3), events.get(1).group(4),
                        events.get(1).group(5), events.get(1).group(6)));
        assertEquals("01:00:07:03", events.get(2).group(5), "record in = previous record out");
        assertTrue(edl.contains("* SOURCE FILE: ../segments/b.mp4"));
        assertEquals("00:01:02:05", Edl.timecode(62 * 6 + 5, 6));
        assertThrows(IllegalArgumentException.class, () -> new TimelineClip("x", "TOOLONGNAME", "m", 0, 1));
    }

    @Test
    void otioHasTimelineStackTrackAndAClipPerShot() throws Exception {
        String text = Otio.write("Ferry", 24, CLIPS);
        assertTrue(text.contains("\"OTIO_SCHEMA\": \"Timeline.1\""), text);
        JsonNode t = new ObjectMapper().readTree(text);
        assertEquals("Timeline.1", t.get("OTIO_SCHEMA").asText());
        assertEquals("Stack.1", t.at("/tracks/OTIO_SCHEMA").asText());
        JsonNode track = t.at("/tracks/children/0");
        assertEquals("Track.1", track.get("OTIO_SCHEMA").asText());
        assertEquals("Video", track.get("kind").asText());
        assertEquals(3, track.get("children").size());
        JsonNode clip = track.at("/children/1");
        assertEquals("Clip.2", clip.get("OTIO_SCHEMA").asText());
        assertEquals("SC01SH02", clip.get("name").asText());
        assertEquals(75.0, clip.at("/source_range/duration/value").asDouble());
        assertEquals(24.0, clip.at("/source_range/duration/rate").asDouble());
        JsonNode ref = clip.at("/media_references/DEFAULT_MEDIA");
        assertEquals("ExternalReference.1", ref.get("OTIO_SCHEMA").asText());
        assertEquals("../segments/b.mp4", ref.get("target_url").asText());
    }

    @Test
    void otioMetadataKeysComeInAFixedOrder() {
        // Map.of iterates in an order salted per JVM start: the writer must not depend on it.
        String text = Otio.write("Ferry", 24, CLIPS);
        int start = text.indexOf("\"record_start\"");
        int reel = text.indexOf("\"reel\"");
        assertTrue(start > 0 && reel > start, "clip metadata keys sorted (record_start, then reel): " + text);
    }

    @Test
    void otioCarriesOneAudioTrackPerSoundStem() throws Exception {
        List<TimelineClip> stems = List.of(new TimelineClip("dialogue", "A1", "f.dialogue.wav", 0, 96),
                new TimelineClip("music", "A2", "f.music.wav", 0, 96));
        JsonNode tracks = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Otio.write("Ferry", 24, CLIPS, stems))
                .at("/tracks/children");
        assertEquals(3, tracks.size());
        assertEquals("Video", tracks.get(0).get("kind").asText());
        assertEquals("Audio", tracks.get(1).get("kind").asText());
        assertEquals("A2", tracks.get(2).get("name").asText());
        assertEquals("f.music.wav", tracks.get(2).at("/children/0/media_references/DEFAULT_MEDIA/target_url").asText());
        assertEquals(96.0, tracks.get(1).at("/children/0/source_range/duration/value").asDouble());
    }
}
