package dev.storyreel.remote;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The model profiles of {@code conf/remote-models.yaml}: the currency and a profile per model family,
 * chosen by the longest prefix of the model name; {@code default} (or {@link ModelProfile#ANY}) otherwise.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelProfiles(String currency, Map<String, ModelProfile> models) implements java.io.Serializable {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    public ModelProfiles {
        currency = currency == null || currency.isBlank() ? "USD" : currency;
        models = models == null ? Map.of() : new TreeMap<>(models);
    }

    /** No profiles: every model gets {@link ModelProfile#ANY}. */
    public static ModelProfiles none() {
        return new ModelProfiles(null, null);
    }

    /** Reads the YAML. */
    public static ModelProfiles read(InputStream yaml) throws IOException {
        ModelProfiles p = YAML.readValue(yaml, ModelProfiles.class);
        return p == null ? none() : p;
    }

    /** The profile for a model name. */
    public ModelProfile forModel(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        ModelProfile best = null;
        int bestLength = -1;
        for (ModelProfile p : models.values()) {   // TreeMap: name order, so ties resolve the same way every run
            for (String prefix : p.match()) {
                if (!prefix.isEmpty() && m.startsWith(prefix) && prefix.length() > bestLength) {
                    best = p;
                    bestLength = prefix.length();
                }
            }
        }
        if (best != null) {
            return best;
        }
        return models.getOrDefault("default", ModelProfile.ANY);
    }
}
