package dev.storyreel.frames;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Lossless and portable: PNG through ImageIO (slower than zstd, readable by any image tool). */
public final class PngCodec implements FrameCodec {

    @Override
    public String name() {
        return "png";
    }

    @Override
    public boolean lossless() {
        return true;
    }

    @Override
    public byte[] encode(BufferedImage image) {
        return write(image, "png");
    }

    @Override
    public BufferedImage decode(byte[] data, int width, int height) {
        return read(data, width, height, name());
    }

    static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.getWidth() * image.getHeight());
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage read(byte[] data, int width, int height, String codec) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(data));
            if (img == null || img.getWidth() != width || img.getHeight() != height) {
                throw new IllegalArgumentException("corrupt " + codec + " frame or wrong size (expected " + width + "x" + height + ")");
            }
            if (img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
                return img;
            }
            BufferedImage bgr = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            bgr.getGraphics().drawImage(img, 0, 0, null);
            return bgr;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
