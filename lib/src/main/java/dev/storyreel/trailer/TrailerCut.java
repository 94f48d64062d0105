package dev.storyreel.trailer;

import dev.storyreel.plan.PlannedShot;

/**
 * One cut of a trailer: frames {@code from .. from+frames-1} of a planned (rendered) shot.
 *
 * @param shot   the film's shot the frames come from
 * @param from   first frame within the shot
 * @param frames number of frames, at least 1
 */
public record TrailerCut(PlannedShot shot, int from, int frames) implements java.io.Serializable {

    public TrailerCut {
        if (from < 0 || frames < 1 || from + frames > shot.frames()) {
            throw new IllegalArgumentException("cut " + from + "+" + frames + " outside a shot of " + shot.frames() + " frames");
        }
    }
}
