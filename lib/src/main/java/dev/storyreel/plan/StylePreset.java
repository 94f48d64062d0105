package dev.storyreel.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named style preset (from {@code conf/styles.yaml}): the palette name the procedural renderer grades
 * with (it becomes {@link ShotSpec#style()}) and the lead phrase of every prompt.
 *
 * @param name    the preset's name, as catalogues write it
 * @param palette the palette grade name (noir, sepia, neon, ... ; an unknown name hashes to a tint)
 * @param prompt  the prompt's lead phrase, e.g. "high-contrast black-and-white film noir still"
 */
public record StylePreset(String name, String palette, String prompt) implements java.io.Serializable {

    /** Parses a YAML map of {@code name: {palette: ..., prompt: ...}}; a missing palette is the name. */
    public static Map<String, StylePreset> parseYaml(byte[] yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        Map<String, StylePreset> out = new TreeMap<>();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return out;
        }
        if (!root.isObject()) {
            throw new IOException("styles: expected a map of preset names");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String palette = v.path("palette").asText(e.getKey());
            out.put(e.getKey(), new StylePreset(e.getKey(), palette, v.path("prompt").asText("")));
        }
        return out;
    }
}
