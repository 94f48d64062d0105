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
 * @param negative what generative renderers must avoid in this style ({@link #DEFAULT_NEGATIVE} when not given)
 */
public record StylePreset(String name, String palette, String prompt, String negative) implements java.io.Serializable {
    /** The negative prompt of a style that names none. */
    public static final String DEFAULT_NEGATIVE = "text, caption, subtitles, watermark, logo, signature, blurry, "
            + "low quality, jpeg artifacts, deformed hands, extra fingers, extra limbs, duplicate face, distorted face";

    public StylePreset {
        negative = negative == null || negative.isBlank() ? DEFAULT_NEGATIVE : negative.strip();
    }

    /** A preset with the default negative prompt. */
    public StylePreset(String name, String palette, String prompt) {
        this(name, palette, prompt, DEFAULT_NEGATIVE);
    }

    /** Parses a YAML map of {@code name: {palette: ..., prompt: ..., negative: ...}}; a missing palette is the name. */
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
            out.put(e.getKey(), new StylePreset(e.getKey(), palette, v.path("prompt").asText(""),
                    v.path("negative").asText("")));
        }
        return out;
    }
}
