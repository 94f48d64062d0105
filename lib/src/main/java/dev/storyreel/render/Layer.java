package dev.storyreel.render;

import java.awt.Graphics2D;

/** Something drawn at a depth (0 = at infinity, 1 = the figures, above 1 = foreground) on every frame. */
interface Layer {

    /** How strongly camera moves displace it: 0 never, 1 like the figures. */
    double depth();

    /**
     * Draws the layer in world coordinates (the camera transform is already set).
     *
     * @param t     the shot's linear progress, 0 on the first frame and 1 on the last
     * @param frame the frame index within the shot
     */
    void paint(Graphics2D g, double t, int frame);
}
