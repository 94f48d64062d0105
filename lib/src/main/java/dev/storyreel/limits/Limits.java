package dev.storyreel.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The limits a run enforces on its input (from {@code conf/limits.yaml}), and the rule for where
 * screenplays may be read from. Each check throws {@link LimitExceeded} naming the limit before the
 * memory the input would take is spent.
 *
 * @param values  every limit's maximum
 * @param sources where catalogue sources may point
 */
public record Limits(Map<Limit, Long> values, SourcePolicy sources) implements Serializable {

    public Limits {
        EnumMap<Limit, Long> all = new EnumMap<>(Limit.class);
        for (Limit l : Limit.values()) {
            all.put(l, l.byDefault());
        }
        all.putAll(values);
        values = java.util.Collections.unmodifiableMap(all);
    }

    /** Every limit at its default; sources confined to the catalogue's folder. */
    public static Limits defaults() {
        return new Limits(Map.of(), SourcePolicy.CONFINED);
    }

    /** The maximum for {@code limit}. */
    public long max(Limit limit) {
        return values.get(limit);
    }

    /** These limits with one changed (tests, command-line overrides). */
    public Limits with(Limit limit, long max) {
        EnumMap<Limit, Long> v = new EnumMap<>(values);
        v.put(limit, max);
        return new Limits(v, sources);
    }

    /** Throws when {@code value} is over {@code limit}; {@code file}/{@code line} say where (may be ""/0). */
    public void check(Limit limit, long value, String file, int line) {
        if (value > max(limit)) {
            throw new LimitExceeded(limit, value, max(limit), file, line);
        }
    }

    /**
     * Reads a stream to its end, at most {@code limit}'s maximum bytes: one byte more throws (the
     * rest is never read). {@code file} names the stream in the error.
     */
    public byte[] readCapped(InputStream in, Limit limit, String file) throws IOException {
        long max = max(limit);
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw new LimitExceeded(limit, max + 1, max, file, 0);
        }
        return bytes;
    }

    /**
     * Checks that no line of a UTF-8 text is longer than {@link Limit#LINE_CHARS} characters (code
     * points; '\n', '\r' or "\r\n" end a line) without decoding it; the error names the first such line.
     */
    public void checkLines(byte[] utf8, String file) {
        long max = max(Limit.LINE_CHARS);
        int line = 1;
        long chars = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '\n' || b == '\r') {
                if (b == '\r' && i + 1 < utf8.length && utf8[i + 1] == '\n') {
                    i++;
                }
                line++;
                chars = 0;
            } else if ((b & 0xC0) != 0x80 && ++chars > max) {
                throw new LimitExceeded(Limit.LINE_CHARS, max + 1, max, file, line);
            }
        }
    }

    /**
     * Reads {@code conf/limits.yaml}: a {@code limits:} map of {@link Limit#key()} to a positive whole
     * number and a {@code sources:} map with {@code roots} and {@code schemes} lists. Unknown keys are errors.
     */
    public static Limits parseYaml(String file, byte[] yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return defaults();
        }
        if (!root.isObject()) {
            throw new IOException(file + ": expected a map with 'limits' and 'sources'");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("limits") && !k.equals("sources")) {
                throw new IOException(file + ": unknown section '" + k + "' (expected limits, sources)");
            }
        }
        EnumMap<Limit, Long> values = new EnumMap<>(Limit.class);
        JsonNode limits = root.path("limits");
        if (!limits.isMissingNode() && !limits.isNull()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = limits.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Limit limit = byKey(file, e.getKey());
                JsonNode v = e.getValue();
                if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() <= 0) {
                    throw new IOException(file + ": limits." + e.getKey() + " must be a positive whole number (found " + v + ")");
                }
                values.put(limit, v.asLong());
            }
        }
        JsonNode sources = root.path("sources");
        for (Iterator<String> it = sources.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("roots") && !k.equals("schemes")) {
                throw new IOException(file + ": unknown key sources." + k + " (expected roots, schemes)");
            }
        }
        return new Limits(values, new SourcePolicy(strings(file, sources, "roots"), strings(file, sources, "schemes")));
    }

    private static Limit byKey(String file, String key) throws IOException {
        for (Limit l : Limit.values()) {
            if (l.key().equals(key)) {
                return l;
            }
        }
        List<String> keys = new ArrayList<>();
        for (Limit l : Limit.values()) {
            keys.add(l.key());
        }
        throw new IOException(file + ": unknown limit '" + key + "' (known: " + String.join(", ", keys) + ")");
    }

    private static List<String> strings(String file, JsonNode parent, String key) throws IOException {
        JsonNode list = parent.path(key);
        List<String> out = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new IOException(file + ": sources." + key + " must be a list");
        }
        for (JsonNode n : list) {
            if (!n.isTextual() || n.asText().isBlank()) {
                throw new IOException(file + ": sources." + key + " must hold non-empty strings (found " + n + ")");
            }
            out.add(n.asText().strip());
        }
        return out;
    }
}
