package dev.storyreel.estimate;

/**
 * What one frame costs to make (render and store) on one worker: a GPU, or a core for CPU renderers.
 *
 * @param method          {@code calibration} (measured on this machine) or {@code figure} (recorded in conf)
 * @param secondsPerFrame worker-seconds per frame at the planned size
 * @param unit            what a worker is: {@code core} or {@code GPU}
 * @param detail          where the figure comes from, for people
 */
public record FrameCost(String method, double secondsPerFrame, String unit, String detail) {
}
