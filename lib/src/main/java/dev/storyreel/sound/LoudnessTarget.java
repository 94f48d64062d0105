package dev.storyreel.sound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The loudness a mix is normalised to: the {@code loudness} section of a delivery profile in
 * {@code conf/delivery.yaml} (integrated loudness, its tolerance, the true-peak ceiling; the other
 * sections belong to delivery QC and are ignored here).
 *
 * @param name           profile name ("ebu", "web")
 * @param integratedLufs target integrated loudness, LUFS
 * @param toleranceLu    allowed deviation from the target, LU
 * @param truePeakDbtp   true-peak ceiling, dBTP
 */
public record LoudnessTarget(String name, double integratedLufs, double toleranceLu, double truePeakDbtp)
        implements java.io.Serializable {
    /** EBU R128: -23 LUFS +-0.5, true peak at most -1 dBTP. */
    public static final LoudnessTarget EBU = new LoudnessTarget("ebu", -23.0, 0.5, -1.0);

    public LoudnessTarget {
        Objects.requireNonNull(name, "name");
        if (!(integratedLufs < 0) || !(toleranceLu > 0) || !(truePeakDbtp <= 0)) {
            throw new IllegalArgumentException("loudness target " + name + ": integrated_lufs < 0, tolerance_lu > 0, "
                    + "true_peak_dbtp <= 0 expected");
        }
    }

    /**
     * The loudness targets of a {@code delivery.yaml} ({@code NAME: {loudness: {integrated_lufs, tolerance_lu,
     * max_true_peak_dbtp}, ...}}), in file order; {@code file} names it in errors.
     */
    public static Map<String, LoudnessTarget> parse(String yaml, String file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not YAML (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a mapping of profile names");
        }
        Map<String, LoudnessTarget> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue().get("loudness");
            if (p == null || !p.isObject()) {
                throw new IllegalArgumentException(file + ": profile " + e.getKey() + " has no loudness section");
            }
            for (String k : new String[] {"integrated_lufs", "tolerance_lu", "max_true_peak_dbtp"}) {
                if (p.get(k) == null || !p.get(k).isNumber()) {
                    throw new IllegalArgumentException(file + ": profile " + e.getKey() + " needs a number loudness." + k);
                }
            }
            out.put(e.getKey(), new LoudnessTarget(e.getKey(), p.get("integrated_lufs").asDouble(),
                    p.get("tolerance_lu").asDouble(), p.get("max_true_peak_dbtp").asDouble()));
        }
        return out;
    }
}
