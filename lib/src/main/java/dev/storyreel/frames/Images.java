package dev.storyreel.frames;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Access to the packed BGR bytes of {@code TYPE_3BYTE_BGR} images, the pipeline's frame format. */
public final class Images {
    private Images() {
    }

    /** The image's backing BGR bytes (row-major, no padding); not a copy. */
    public static byte[] bgr(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("frames must be TYPE_3BYTE_BGR, got type " + image.getType());
        }
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    /** A new {@code TYPE_3BYTE_BGR} image holding a copy of these bytes. */
    public static BufferedImage fromBgr(byte[] bgr, int width, int height) {
        if (bgr.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + width * height * 3 + " BGR bytes for "
                    + width + "x" + height + ", got " + bgr.length);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        System.arraycopy(bgr, 0, bgr(image), 0, bgr.length);
        return image;
    }
}
