package dev.storyreel.shot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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

    /** Hex SHA-256 of some bytes. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
