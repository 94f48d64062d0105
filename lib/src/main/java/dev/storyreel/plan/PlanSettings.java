package dev.storyreel.plan;

import dev.storyreel.shot.RendererInfo;

/**
 * What a plan is made for: frame size, frame rate, renderer (all part of every shot key).
 *
 * @param width    frame width (even)
 * @param height   frame height (even)
 * @param fps      frames per second
 * @param renderer the renderer that will draw the shots
 */
public record PlanSettings(int width, int height, int fps, RendererInfo renderer) implements java.io.Serializable {

    public PlanSettings {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("width and height must be positive and even (H.264 yuv420p), got "
                    + width + "x" + height);
        }
        if (fps <= 0 || fps > 120) {
            throw new IllegalArgumentException("fps must be in 1..120, got " + fps);
        }
    }
}
