package dev.storyreel.frames;

import com.github.luben.zstd.Zstd;
import java.awt.image.BufferedImage;

/**
 * Half the bytes of BGR before compression: the frame as the encoder's own yuv420p planes (BT.601,
 * limited range, 2×2 chroma averaged), compressed with zstd. Lossless as YUV, not as RGB (chroma is
 * subsampled, as in the H.264 film anyway); needs even sides.
 */
public final class Yuv420ZstdCodec implements FrameCodec {
    static final int LEVEL = 1;

    @Override
    public String name() {
        return "yuv420p-zstd";
    }

    @Override
    public boolean lossless() {
        return false;
    }

    @Override
    public byte[] encode(BufferedImage image) {
        return Zstd.compress(Yuv420.fromBgr(Images.bgr(image), image.getWidth(), image.getHeight()), LEVEL);
    }

    @Override
    public BufferedImage decode(byte[] data, int width, int height) {
        byte[] yuv = new byte[Yuv420.size(width, height)];
        long n = Zstd.decompress(yuv, data);
        if (Zstd.isError(n) || n != yuv.length) {
            throw new IllegalArgumentException("corrupt " + name() + " frame: expected " + yuv.length
                    + " bytes for " + width + "x" + height + (Zstd.isError(n) ? ", " + Zstd.getErrorName(n) : ", got " + n));
        }
        return Images.fromBgr(Yuv420.toBgr(yuv, width, height), width, height);
    }
}
