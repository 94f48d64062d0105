package dev.storyreel.shot;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * Everything a renderer needs to draw one shot, and nothing else: a renderer must derive its pixels
 * from these fields alone, so the shot key (a hash of this record and the renderer's id and version)
 * identifies the pixels.
 *
 * @param width      frame width in pixels (even)
 * @param height     frame height in pixels (even)
 * @param fps        frames per second
 * @param frames     number of frames, at least 1
 * @param seed       the shot's seed, derived from the catalogue seed and the shot's content
 * @param kind       framing of the shot
 * @param camera     camera move applied across the frames
 * @param setting    the scene's setting (for the title card: the first scene's)
 * @param characters characters in frame, in order of appearance
 * @param speaker    the character speaking, or "" when nobody does
 * @param caption    the line shown on screen: dialogue, action, or the title for a title card
 * @param subcaption a second line: parenthetical, or credit and author for a title card; may be ""
 * @param style      the film's style preset name (may be "")
 * @param prompt     a text prompt describing the shot for generative renderers (short form, within a CLIP
 *                   text encoder's 77 tokens)
 * @param direction  the director's framing, visibility, transition and long prompts, or null for a plan made
 *                   without them (left out of the shot key when null, so such plans keep their keys)
 */
public record ShotSpec(int width, int height, int fps, int frames, long seed, ShotKind kind,
                       CameraMove camera, Setting setting, List<String> characters, String speaker,
                       String caption, String subcaption, String style, String prompt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Direction direction)
        implements java.io.Serializable {

    public ShotSpec {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("frame size must be positive and even: " + width + "x" + height);
        }
        if (fps <= 0 || frames <= 0) {
            throw new IllegalArgumentException("fps and frames must be positive: " + fps + ", " + frames);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(setting, "setting");
        characters = List.copyOf(characters);
        speaker = Objects.requireNonNullElse(speaker, "");
        caption = Objects.requireNonNullElse(caption, "");
        subcaption = Objects.requireNonNullElse(subcaption, "");
        style = Objects.requireNonNullElse(style, "");
        prompt = Objects.requireNonNullElse(prompt, "");
    }

    /** A shot without the director's extra decisions. */
    public ShotSpec(int width, int height, int fps, int frames, long seed, ShotKind kind, CameraMove camera,
                    Setting setting, List<String> characters, String speaker, String caption, String subcaption,
                    String style, String prompt) {
        this(width, height, fps, frames, seed, kind, camera, setting, characters, speaker, caption, subcaption, style,
                prompt, null);
    }

    /** The same shot with another frame count (calibration renders a shot's first frames). */
    public ShotSpec withFrames(int n) {
        return new ShotSpec(width, height, fps, n, seed, kind, camera, setting, characters, speaker, caption, subcaption,
                style, prompt, direction);
    }

    /** The same shot at another frame size (variants re-frame a shot per aspect ratio). */
    public ShotSpec withSize(int w, int h) {
        return new ShotSpec(w, h, fps, frames, seed, kind, camera, setting, characters, speaker, caption, subcaption,
                style, prompt, direction);
    }
}
