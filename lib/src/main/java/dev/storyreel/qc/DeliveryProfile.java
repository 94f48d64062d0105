package dev.storyreel.qc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A delivery profile from {@code conf/delivery.yaml}: the loudness a deliverable is mixed to and every
 * threshold delivery QC checks it against. The file maps profile names to sections; this class reads
 * {@code description}, {@code loudness} and {@code qc} and ignores the others (the sound mix owns
 * {@code mix}).
 *
 * @param name        the profile's name ({@code ebu}, {@code web}, ...)
 * @param description one line for humans
 * @param loudness    the loudness target and its limits
 * @param checks      the QC thresholds
 */
public record DeliveryProfile(String name, String description, Loudness loudness, Checks checks) implements Serializable {

    /** The profile used when a run names none. */
    public static final String DEFAULT = "ebu";

    /**
     * Programme loudness after ITU-R BS.1770 / EBU R128.
     *
     * @param integratedLufs      target integrated loudness (LUFS)
     * @param toleranceLu         QC passes {@code integratedLufs ± toleranceLu}
     * @param maxTruePeakDbtp     highest true peak allowed (dBTP)
     * @param maxLoudnessRangeLu  largest loudness range allowed (LU)
     */
    public record Loudness(double integratedLufs, double toleranceLu, double maxTruePeakDbtp,
                           double maxLoudnessRangeLu) implements Serializable {
    }

    /**
     * Delivery QC thresholds (see {@code conf/delivery.yaml} for each key's meaning).
     *
     * @param maxAvDiffFrames       audio and video durations differ by less than this many frames
     * @param blackPixelThreshold   FFmpeg blackdetect {@code pix_th}: a pixel darker than this luma (0..1) is black
     * @param blackPictureRatio     blackdetect {@code pic_th}: share of black pixels that makes a frame black
     * @param maxBlackHeadS         black allowed from the first frame
     * @param maxBlackTailS         black allowed up to the last frame
     * @param maxBlackInsideS       longest black stretch allowed elsewhere
     * @param freezeNoiseDb         FFmpeg freezedetect {@code noise} (dB): frames closer than this are identical
     * @param maxFrozenS            longest frozen stretch allowed
     * @param sceneThreshold        FFmpeg scdet {@code threshold} (0-100)
     * @param cutToleranceFrames    a detected cut this many frames from a planned boundary matches it
     * @param maxUnplannedCuts      detected cuts allowed that match no planned boundary
     * @param fadeWindowS           a detected cut this close after black ends (or before it starts) is a fade, not a cut
     * @param minPlannedCutsFound   share of planned boundaries that must be detected as cuts
     * @param maxFlashesPerS        ITU-R BT.1702: general or red flashes allowed in any one second
     * @param subtitleMaxLineChars  characters allowed on one subtitle line
     * @param subtitleMaxLines      lines allowed in one cue
     * @param subtitleMaxCps        reading speed allowed (characters per second shown, spaces included)
     */
    public record Checks(double maxAvDiffFrames, double blackPixelThreshold, double blackPictureRatio,
                         double maxBlackHeadS, double maxBlackTailS, double maxBlackInsideS, double freezeNoiseDb,
                         double maxFrozenS, double sceneThreshold, int cutToleranceFrames, int maxUnplannedCuts, double fadeWindowS,
                         double minPlannedCutsFound, double maxFlashesPerS, int subtitleMaxLineChars,
                         int subtitleMaxLines, double subtitleMaxCps) implements Serializable {
    }

    /**
     * Parses {@code conf/delivery.yaml}'s text into profiles by name. {@code file} names the file in
     * errors: a profile without {@code loudness} or {@code qc}, an unknown or missing key in them.
     */
    public static Map<String, DeliveryProfile> parseYaml(String file, byte[] yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JsonNode root = mapper.readTree(yaml);
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": expected a map of delivery profile names");
        }
        Map<String, DeliveryProfile> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            try {
                out.put(name, new DeliveryProfile(name, v.path("description").asText(""),
                        mapper.treeToValue(section(v, "loudness"), Loudness.class),
                        mapper.treeToValue(section(v, "qc"), Checks.class)));
            } catch (IOException | IllegalArgumentException ex) {
                throw new IOException(file + ": profile '" + name + "': " + firstLine(ex.getMessage()), ex);
            }
        }
        return out;
    }

    /**
     * The profiles of the {@code conf/delivery.yaml} this build was made from (packed into the jar), for
     * runs that have no {@code conf/} folder beside them.
     */
    public static Map<String, DeliveryProfile> bundled() throws IOException {
        try (java.io.InputStream in = DeliveryProfile.class.getResourceAsStream("delivery.yaml")) {
            if (in == null) {
                throw new IOException("this build carries no delivery.yaml");
            }
            return parseYaml("delivery.yaml (bundled)", in.readAllBytes());
        }
    }

    /** The profile named {@code name}; the error lists the names there are. */
    public static DeliveryProfile select(Map<String, DeliveryProfile> profiles, String name) {
        DeliveryProfile p = profiles.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no delivery profile '" + name + "' (have " + profiles.keySet() + ")");
        }
        return p;
    }

    private static JsonNode section(JsonNode profile, String key) {
        JsonNode s = profile.get(key);
        if (s == null || !s.isObject()) {
            throw new IllegalArgumentException("no '" + key + "' section");
        }
        return s;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
