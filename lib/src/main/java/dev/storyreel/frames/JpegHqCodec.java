package dev.storyreel.frames;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Visually lossless for photographic frames: JPEG through ImageIO at quality 0.95 (the default
 * {@code jpeg} codec uses ImageIO's 0.75). Deterministic: same pixels ⇒ same bytes.
 */
public final class JpegHqCodec implements FrameCodec {
    static final float QUALITY = 0.95f;

    @Override
    public String name() {
        return "jpeg-q95";
    }

    @Override
    public boolean lossless() {
        return false;
    }

    @Override
    public byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @Override
    public BufferedImage decode(byte[] data, int width, int height) {
        return PngCodec.read(data, width, height, name());
    }
}
