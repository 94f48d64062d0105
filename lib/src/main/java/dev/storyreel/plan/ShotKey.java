package dev.storyreel.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.storyreel.render.RendererInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Content hashes. A shot key is the SHA-256 of the canonical JSON of the renderer's id and version
 * and the whole {@link ShotSpec}: since a renderer sees nothing but the spec, equal keys mean equal pixels.
 */
public final class ShotKey {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final int KEY_HEX_CHARS = 40;

    private ShotKey() {
    }

    /** The key of a shot rendered by {@code renderer}: 40 hex characters. */
    public static String of(RendererInfo renderer, ShotSpec spec) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("renderer", renderer.id());
        doc.put("version", renderer.version());
        doc.put("spec", spec);
        try {
            return sha256(CANONICAL.writeValueAsBytes(doc)).substring(0, KEY_HEX_CHARS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise shot spec", e);
        }
    }

    /** A 64-bit seed from a parent seed and some content, stable across runs and machines. */
    public static long seed(long parent, String content) {
        byte[] d = digest((parent + "\u0000" + content).getBytes(StandardCharsets.UTF_8));
        long s = 0;
        for (int i = 0; i < 8; i++) {
            s = (s << 8) | (d[i] & 0xFF);
        }
        return s;
    }

    /** Hex SHA-256 of some bytes. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
