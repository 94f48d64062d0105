package dev.storyreel.frames;

import com.github.luben.zstd.Zstd;
import java.awt.image.BufferedImage;

/** Lossless: the raw BGR24 bytes compressed with zstd (level 1: fast, and animatic frames compress well). */
public final class ZstdBgrCodec implements FrameCodec {
    static final int LEVEL = 1;

    @Override
    public String name() {
        return "bgr24-zstd";
    }

    @Override
    public boolean lossless() {
        return true;
    }

    @Override
    public byte[] encode(BufferedImage image) {
        return Zstd.compress(Images.bgr(image), LEVEL);
    }

    @Override
    public BufferedImage decode(byte[] data, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = Images.bgr(image);
        long n = Zstd.decompress(dst, data);
        if (Zstd.isError(n) || n != dst.length) {
            throw new IllegalArgumentException("corrupt " + name() + " frame: expected " + dst.length
                    + " bytes for " + width + "x" + height + (Zstd.isError(n) ? ", " + Zstd.getErrorName(n) : ", got " + n));
        }
        return image;
    }
}
