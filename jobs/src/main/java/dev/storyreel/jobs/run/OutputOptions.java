package dev.storyreel.jobs.run;

import dev.storyreel.plan.StylePreset;
import java.util.Map;

/**
 * What a run delivers beyond the films (the CLI's user-output options, validated).
 *
 * @param trailerSeconds trailer length for every film (0: only rows with a {@code trailer} column)
 * @param dataset        write {@code dataset/} (clips, captions table, shards)
 * @param shardBytes     tar shard size limit in bytes (0: no shards)
 * @param subtitleNames  prefix subtitle lines with the speaker's name
 * @param styles         named style presets
 */
public record OutputOptions(int trailerSeconds, boolean dataset, long shardBytes, boolean subtitleNames,
                     Map<String, StylePreset> styles) {

    /** Films only, no presets. */
    public static final OutputOptions NONE = new OutputOptions(0, false, 0, false, Map.of());

    public OutputOptions {
        styles = Map.copyOf(styles);
    }
}
