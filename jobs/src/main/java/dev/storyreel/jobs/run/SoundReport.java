package dev.storyreel.jobs.run;

import java.util.Map;

/**
 * A deliverable's sound as {@code run.json} gives it.
 *
 * @param stems  stem kind ({@code dialogue}, {@code music}, {@code ambience}) to its WAV, relative to the output root
 * @param voices character to the engine and voice that speak them
 * @param dub    the dubbed language, or why the variant is not dubbed; null for the screenplay's own language
 */
public record SoundReport(Map<String, String> stems, Map<String, Map<String, Object>> voices, String dub) {
}
