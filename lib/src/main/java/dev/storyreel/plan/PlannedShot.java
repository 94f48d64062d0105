package dev.storyreel.plan;

import dev.storyreel.shot.ShotSpec;

/**
 * One shot of a film's plan: where it sits in the film, and what to render.
 *
 * @param filmId     the film
 * @param variant    the variant ("main")
 * @param scene      1-based scene index (0 for the title card)
 * @param sceneLabel the screenplay's scene number when given ("1A"), else the index as text
 * @param shot       1-based shot index within the scene
 * @param startFrame index of the shot's first frame within the film
 * @param spec       what to render
 * @param shotKey    content hash of the spec and the renderer (see {@link ShotKey})
 * @param sourceLine 1-based screenplay line the shot comes from (0 for the title card)
 */
public record PlannedShot(String filmId, String variant, int scene, String sceneLabel, int shot, int startFrame,
                          ShotSpec spec, String shotKey, int sourceLine) implements java.io.Serializable {

    /** Number of frames. */
    public int frames() {
        return spec.frames();
    }
}
