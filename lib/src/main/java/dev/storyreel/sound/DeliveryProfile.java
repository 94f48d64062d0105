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
 * A delivery loudness profile from {@code conf/delivery.yaml}: the integrated loudness a mix is
 * normalised to, its tolerance, and the true-peak ceiling.
 *
 * @param name           profile name ("ebu", "web")
 * @param integratedLufs target integrated loudness, LUFS
 * @param toleranceLu    allowed deviation from the target, LU
 * @param truePeakDbtp   true-peak ceiling, dBTP
 */
public record DeliveryProfile(String name, double integratedLufs, double toleranceLu, double truePeakDbtp)
        implements java.io.Serializable {
    /** EBU R128: -23 LUFS +-0.5, true peak at most -1 dBTP. */
    public static final DeliveryProfile EBU = new DeliveryProfile("ebu", -23.0, 0.5, -1.0);

    public DeliveryProfile {
        Objects.requireNonNull(name, "name");
        if (!(integratedLufs < 0) || !(toleranceLu > 0) || !(truePeakDbtp <= 0)) {
            throw new IllegalArgumentException("delivery profile " + name + ": integrated_lufs < 0, tolerance_lu > 0, "
                    + "true_peak_dbtp <= 0 expected");
        }
    }

    /**
     * The profiles of a {@code delivery.yaml} ({@code profiles: {NAME: {integrated_lufs, tolerance_lu,
     * true_peak_dbtp}}}); {@code file} names it in errors.
     */
    public static Map<String, DeliveryProfile> parse(String yaml, String file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not YAML (" + e.getMessage() + ")", e);
        }
        JsonNode profiles = root == null ? null : root.get("profiles");
        if (profiles == null || !profiles.isObject()) {
            throw new IllegalArgumentException(file + ": expected a 'profiles' mapping");
        }
        Map<String, DeliveryProfile> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = profiles.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            for (String k : new String[] {"integrated_lufs", "tolerance_lu", "true_peak_dbtp"}) {
                if (p.get(k) == null || !p.get(k).isNumber()) {
                    throw new IllegalArgumentException(file + ": profile " + e.getKey() + " needs a number " + k);
                }
            }
            out.put(e.getKey(), new DeliveryProfile(e.getKey(), p.get("integrated_lufs").asDouble(),
                    p.get("tolerance_lu").asDouble(), p.get("true_peak_dbtp").asDouble()));
        }
        return out;
    }
}
