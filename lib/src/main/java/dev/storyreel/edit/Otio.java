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
 * available range, times as RationalTime.1 at the film's frame rate.
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
        List<Object> children = new ArrayList<>();
        for (TimelineClip c : clips) {
            Map<String, Object> ref = object("ExternalReference.1");
            ref.put("metadata", Map.of());
            ref.put("name", c.name());
            ref.put("available_range", range(0, c.frames(), fps));
            ref.put("available_image_bounds", null);
            ref.put("target_url", c.media());
            Map<String, Object> clip = object("Clip.2");
            clip.put("metadata", Map.of("storyreel", Map.of("reel", c.reel(), "record_start", c.recordStart())));
            clip.put("name", c.name());
            clip.put("source_range", range(0, c.frames(), fps));
            clip.put("effects", List.of());
            clip.put("markers", List.of());
            clip.put("enabled", true);
            clip.put("media_references", Map.of("DEFAULT_MEDIA", ref));
            clip.put("active_media_reference_key", "DEFAULT_MEDIA");
            children.add(clip);
        }
        Map<String, Object> track = object("Track.1");
        track.put("metadata", Map.of());
        track.put("name", "V1");
        track.put("source_range", null);
        track.put("effects", List.of());
        track.put("markers", List.of());
        track.put("enabled", true);
        track.put("children", children);
        track.put("kind", "Video");
        Map<String, Object> stack = object("Stack.1");
        stack.put("metadata", Map.of());
        stack.put("name", "tracks");
        stack.put("source_range", null);
        stack.put("effects", List.of());
        stack.put("markers", List.of());
        stack.put("enabled", true);
        stack.put("children", List.of(track));
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

    private static Map<String, Object> object(String schema) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("OTIO_SCHEMA", schema);
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
