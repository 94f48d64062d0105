package dev.storyreel.render;

import dev.storyreel.shot.ShotSpec;
import java.awt.image.BufferedImage;

/** One rendered frame: its shot, its index within the shot, and its pixels ({@code TYPE_3BYTE_BGR}). */
public record RenderedFrame(ShotSpec shot, int index, BufferedImage image) {
}
