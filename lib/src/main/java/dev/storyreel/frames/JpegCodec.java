package dev.storyreel.frames;

import java.awt.image.BufferedImage;

/** Lossy and small: JPEG through ImageIO at its default quality, for previews and datasets. */
public final class JpegCodec implements FrameCodec {

    @Override
    public String name() {
        return "jpeg";
    }

    @Override
    public boolean lossless() {
        return false;
    }

    @Override
    public byte[] encode(BufferedImage image) {
        return PngCodec.write(image, "jpeg");
    }

    @Override
    public BufferedImage decode(byte[] data, int width, int height) {
        return PngCodec.read(data, width, height, name());
    }
}
