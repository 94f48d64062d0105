package dev.storyreel.remote;

import dev.storyreel.plan.PlannedShot;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.Transition;

/**
 * Which shots continue the one before: the next shot of the same scene, of the same kind, on the same
 * setting and the same characters, entered by a plain or match cut. Such a shot is generated from the
 * last frame of the one before (image-to-video) where the model takes a start image.
 */
public final class Continuity {

    private Continuity() {
    }

    /** Whether {@code next} continues {@code prev} (both of one film variant, in plan order). */
    public static boolean continues(PlannedShot prev, PlannedShot next) {
        if (prev == null || !prev.filmId().equals(next.filmId()) || !prev.variant().equals(next.variant())
                || prev.scene() != next.scene() || next.scene() == 0 || next.shot() != prev.shot() + 1) {
            return false;
        }
        if (prev.spec().kind() == ShotKind.TITLE || next.spec().kind() != prev.spec().kind()) {
            return false;
        }
        Transition in = next.spec().direction() == null ? Transition.CUT : next.spec().direction().transitionIn();
        return (in == Transition.CUT || in == Transition.MATCH_CUT)
                && prev.spec().setting().equals(next.spec().setting())
                && prev.spec().characters().equals(next.spec().characters());
    }
}
