package dev.storyreel.frames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private static BufferedImage picture() {
        BufferedImage img = new BufferedImage(96, 54, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 40, 200), 96, 54, new Color(250, 180, 10)));
        g.fillRect(0, 0, 96, 54);
        g.setColor(Color.WHITE);
        g.drawString("storyreel", 5, 30);
        g.dispose();
        return img;
    }

    @Test
    void losslessCodecsRoundTripEveryPixel() {
        BufferedImage img = picture();
        for (FrameCodec codec : FrameCodec.all()) {
            if (!codec.lossless()) {
                continue;
            }
            byte[] data = codec.encode(img);
            BufferedImage back = codec.decode(data, 96, 54);
            assertEquals(BufferedImage.TYPE_3BYTE_BGR, back.getType());
            assertArrayEquals(Images.bgr(img), Images.bgr(back), codec.name());
            assertArrayEquals(data, codec.encode(picture()), codec.name() + " is deterministic");
        }
    }

    @Test
    void jpegIsCloseButSmaller() {
        BufferedImage img = picture();
        FrameCodec jpeg = FrameCodec.named("jpeg");
        byte[] data = jpeg.encode(img);
        byte[] a = Images.bgr(img);
        byte[] b = Images.bgr(jpeg.decode(data, 96, 54));
        double err = 0;
        for (int i = 0; i < a.length; i++) {
            err += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        assertTrue(err / a.length < 12, "mean abs error " + err / a.length);
        assertTrue(data.length < a.length / 4);
    }

    @Test
    void corruptOrMisSizedDataIsRejected() {
        FrameCodec zstd = FrameCodec.named("bgr24-zstd");
        byte[] data = zstd.encode(picture());
        assertThrows(IllegalArgumentException.class, () -> zstd.decode(data, 96, 56));
        assertThrows(RuntimeException.class, () -> zstd.decode(new byte[] {1, 2, 3}, 96, 54));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameCodec.named("gif"));
        assertTrue(e.getMessage().contains("bgr24-zstd"));
    }

    @Test
    void yuv420HalvesTheRawBytesAndKeepsPhotographicFramesAbove40Db() {
        BufferedImage photo = PhotoFrames.frame(96, 54, 3, 0);
        assertEquals(96 * 54 * 3 / 2, dev.storyreel.frames.Yuv420.fromBgr(Images.bgr(photo), 96, 54).length);
        FrameCodec yuv = FrameCodec.named("yuv420p-zstd");
        byte[] data = yuv.encode(photo);
        assertArrayEquals(data, yuv.encode(PhotoFrames.frame(96, 54, 3, 0)), "deterministic");
        double psnr = PhotoFrames.psnr(photo, yuv.decode(data, 96, 54));
        assertTrue(psnr > 40 && psnr < 80, "PSNR " + psnr);
        // A flat grey frame has no chroma to lose: it comes back within one level of every sample.
        BufferedImage grey = new BufferedImage(96, 54, BufferedImage.TYPE_3BYTE_BGR);
        java.util.Arrays.fill(Images.bgr(grey), (byte) 120);
        byte[] back = Images.bgr(yuv.decode(yuv.encode(grey), 96, 54));
        for (byte b : back) {
            assertTrue(Math.abs((b & 0xFF) - 120) <= 1, "grey sample " + (b & 0xFF));
        }
        assertThrows(IllegalArgumentException.class, () -> yuv.encode(new BufferedImage(95, 54, BufferedImage.TYPE_3BYTE_BGR)));
    }

    @Test
    void jpegQ95IsVisuallyLosslessOnPhotographicFrames() {
        BufferedImage photo = PhotoFrames.frame(96, 54, 3, 1);
        FrameCodec hq = FrameCodec.named("jpeg-q95");
        byte[] data = hq.encode(photo);
        assertArrayEquals(data, hq.encode(PhotoFrames.frame(96, 54, 3, 1)), "deterministic");
        double psnr = PhotoFrames.psnr(photo, hq.decode(data, 96, 54));
        double low = PhotoFrames.psnr(photo, FrameCodec.named("jpeg").decode(FrameCodec.named("jpeg").encode(photo), 96, 54));
        assertTrue(psnr > 35 && psnr > low + 3, "PSNR q95 " + psnr + " vs default " + low);
    }
}
