package dev.storyreel.sound.mix;

import dev.storyreel.shot.Setting;

/**
 * A stretch of the film under one ambience bed (a run of consecutive shots of one scene).
 *
 * @param startSample first sample
 * @param endSample   sample after the last
 * @param setting     where it is
 */
public record SceneSpan(long startSample, long endSample, Setting setting) {
}
