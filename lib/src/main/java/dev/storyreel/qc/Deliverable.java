package dev.storyreel.qc;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One deliverable to check: its MP4 on a local disk, what its plan says of it, and its subtitle files.
 *
 * @param label      how reasons and logs name it ({@code lighthouse/16x9-30s}, {@code trailer lighthouse})
 * @param video      the MP4
 * @param fps        planned frames per second
 * @param frames     planned frame count
 * @param shotStarts the planned start frame of every shot (or trailer cut), in order
 * @param subtitles  subtitle file name → its text (SubRip or WebVTT), in a stable order
 */
public record Deliverable(String label, Path video, int fps, int frames, List<Integer> shotStarts,
                          Map<String, String> subtitles) {
    public Deliverable {
        if (fps <= 0 || frames < 0) {
            throw new IllegalArgumentException(label + ": fps and frames must be positive");
        }
        shotStarts = List.copyOf(shotStarts);
        subtitles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(subtitles));
    }
}
