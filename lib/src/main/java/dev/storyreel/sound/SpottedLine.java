package dev.storyreel.sound;

import dev.storyreel.sound.voice.LineRequest;

/**
 * A line placed on a film's timeline: what to synthesise, where it starts, how long it may last.
 *
 * @param request         what is said, by whom, how
 * @param startSample     first sample at the mix rate, from the film's first frame
 * @param maxSamples      the most samples it may take (it is time-scaled to fit when longer)
 * @param pan             -1 (left) .. 1 (right)
 * @param estimateSeconds the plan's spoken-duration estimate of the shot(s) it plays over
 * @param scene           the scene it belongs to
 */
public record SpottedLine(LineRequest request, long startSample, long maxSamples, double pan, double estimateSeconds,
                          int scene) implements java.io.Serializable {
}
