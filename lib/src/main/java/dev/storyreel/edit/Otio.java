package dev.storyreel.edit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an OpenTimelineIO timeline as JSON ({@code .otio}): a Timeline.1 whose Stack.1 holds one
 * video Track.1 of Clip.2 items, each with an ExternalReference.1 to its shot clip and its
 * available range, times as RationalTime.1 at the film's frame rate. A clip that begins with a dissolve or a
 * fade is preceded by a Transition.1 item (SMPTE_Dissolve, or a custom fade from black) centred on the cut.
 * With sound, one audio Track.1 per stem (dialogue, music, ambience) follows, holding the stem as one
 * clip from the first frame.
 */
public final class Otio {
    /** Pretty JSON written the way OTIO writes it: {@code "key": value}. */
    private static final com.fasterxml.jackson.databind.ObjectWriter JSON = new ObjectMapper().writer(
            new com.fasterxml.jackson.core.util.DefaultPrettyPrinter().withSeparators(
                    com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)));

    private Otio() {
    }

    /** The timeline JSON of {@code clips} at {@code fps}. */
    public static String write(String name, int fps, List<TimelineClip> clips) {
        return write(name, fps, clips, List.of());
    }

    /** The timeline JSON of {@code clips} at {@code fps}, with one audio track per clip of {@code stems}. */
    public static String write(String name, int fps, List<TimelineClip> clips, List<TimelineClip> stems) {
        List<Object> tracks = new ArrayList<>(List.of(track("V1", "Video", clips, fps)));
        for (int i = 0; i < stems.size(); i++) {
            tracks.add(track("A" + (i + 1), "Audio", List.of(stems.get(i)), fps));
        }
        Map<String, Object> stack = item("Stack.1", Map.of(), "tracks", null);
        stack.put("children", tracks);
        Map<String, Object> timeline = object("Timeline.1");
        timeline.put("metadata", Map.of());
        timeline.put("name", name);
        timeline.put("global_start_time", time(0, fps));
        timeline.put("tracks", stack);
        try {
            return JSON.writeValueAsString(timeline) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write OTIO JSON", e);
        }
    }

    private static Map<String, Object> track(String name, String kind, List<TimelineClip> clips, int fps) {
        List<Object> children = new ArrayList<>();
        for (TimelineClip c : clips) {
            Map<String, Object> ref = object("ExternalReference.1");
            ref.put("metadata", Map.of());
            ref.put("name", c.name());
            ref.put("available_range", range(0, c.frames(), fps));
            ref.put("available_image_bounds", null);
            ref.put("target_url", c.media());
            Map<String, Object> clip = item("Clip.2",
                    Map.of("storyreel", new java.util.TreeMap<>(Map.of("reel", c.reel(), "record_start", c.recordStart()))), c.name(),
                    range(0, c.frames(), fps));
            clip.put("media_references", Map.of("DEFAULT_MEDIA", ref));
            clip.put("active_media_reference_key", "DEFAULT_MEDIA");
            if (c.blends()) {
                children.add(transition(c, fps, children.isEmpty()));
            }
            children.add(clip);
        }
        Map<String, Object> track = item("Track.1", Map.of(), name, null);
        track.put("children", children);
        track.put("kind", kind);
        return track;
    }

    /** A Transition.1 before {@code c}: half its length before the cut, half after (none before the first clip). */
    private static Map<String, Object> transition(TimelineClip c, int fps, boolean first) {
        int n = c.transitionFrames(fps);
        Map<String, Object> t = object("Transition.1");
        t.put("metadata", Map.of("storyreel", Map.of("transition_in", c.transitionIn().label())));
        t.put("name", c.transitionIn().label());
        t.put("in_offset", time(first ? 0 : n / 2, fps));
        t.put("out_offset", time(first ? n : n - n / 2, fps));
        t.put("transition_type", c.transitionIn() == dev.storyreel.shot.Transition.DISSOLVE ? "SMPTE_Dissolve"
                : "Custom_Transition");
        return t;
    }

    private static Map<String, Object> object(String schema) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("OTIO_SCHEMA", schema);
        return m;
    }

    /** An OTIO Item: the fields Clip, Track and Stack share, in OTIO's order. */
    private static Map<String, Object> item(String schema, Map<String, Object> metadata, String name,
                                            Map<String, Object> sourceRange) {
        Map<String, Object> m = object(schema);
        m.put("metadata", metadata);
        m.put("name", name);
        m.put("source_range", sourceRange);
        m.put("effects", List.of());
        m.put("markers", List.of());
        m.put("enabled", true);
        return m;
    }

    private static Map<String, Object> range(long start, long frames, int fps) {
        Map<String, Object> r = object("TimeRange.1");
        r.put("duration", time(frames, fps));
        r.put("start_time", time(start, fps));
        return r;
    }

    private static Map<String, Object> time(long frames, int fps) {
        Map<String, Object> t = object("RationalTime.1");
        t.put("rate", (double) fps);
        t.put("value", (double) frames);
        return t;
    }
}
