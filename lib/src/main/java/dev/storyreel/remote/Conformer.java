package dev.storyreel.remote;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;

/**
 * Turns a returned video into the planned frames: decodes it with FFmpeg (JavaCV), checks it is the
 * size and length that was asked for, scales it to cover the planned size and crops the middle, and
 * retimes it to the planned frame count and rate (frame {@code i} of the shot shows the video at
 * {@code i / planFps} seconds; when the rates match, that is the first frames, the rest trimmed).
 */
public final class Conformer {

    private Conformer() {
    }

    /**
     * The planned frames ({@code TYPE_3BYTE_BGR}, {@code width x height}, {@code frames} of them) from
     * an MP4 that should have the {@code asked} shape.
     *
     * @throws BadResultException when the video does not decode, or its size or frame count is not the asked one
     */
    public static List<BufferedImage> conform(byte[] mp4, ModelProfile.Shape asked, int width, int height, int frames,
                                              int planFps) {
        int[] source = new int[frames];
        for (int i = 0; i < frames; i++) {
            source[i] = Math.min(asked.frames() - 1, (int) Math.floor(i * (double) asked.fps() / planFps + 1e-9));
        }
        if (mp4.length < 12 || mp4[4] != 'f' || mp4[5] != 't' || mp4[6] != 'y' || mp4[7] != 'p') {
            throw new BadResultException("the video does not decode: " + mp4.length + " bytes that are not an MP4");
        }
        List<BufferedImage> out = new ArrayList<>(frames);
        int decoded = 0;
        Path tmp = null;
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
        try {
            tmp = Files.createTempFile("storyreel-remote", ".mp4");
            Files.write(tmp, mp4);
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(tmp.toFile())) {
                g.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24);
                g.start();
                if (g.getImageWidth() != asked.width() || g.getImageHeight() != asked.height()) {
                    throw new BadResultException("the video is " + g.getImageWidth() + "x" + g.getImageHeight()
                            + ", asked for " + asked.width() + "x" + asked.height());
                }
                int next = 0;
                Frame f;
                while ((f = g.grabImage()) != null) {
                    while (next < frames && source[next] == decoded) {
                        out.add(fit(bgr(f), width, height));
                        next++;
                    }
                    decoded++;
                }
                g.stop();
            }
        } catch (BadResultException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BadResultException("the video does not decode: " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans it up
                }
            }
        }
        if (decoded != asked.frames()) {
            throw new BadResultException("the video has " + decoded + " frames, asked for " + asked.frames());
        }
        return out;
    }

    /** A grabbed BGR24 frame as a fresh image (rows copied without the frame's stride padding). */
    private static BufferedImage bgr(Frame f) {
        BufferedImage img = new BufferedImage(f.imageWidth, f.imageHeight, BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        ByteBuffer src = ((ByteBuffer) f.image[0]).duplicate();
        int row = f.imageWidth * 3;
        for (int y = 0; y < f.imageHeight; y++) {
            src.position(y * f.imageStride);
            src.get(dst, y * row, row);
        }
        return img;
    }

    /** Scales an image to cover {@code width x height} and crops the middle, as a fresh BGR image. */
    static BufferedImage fit(BufferedImage src, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        double scale = Math.max(width / (double) src.getWidth(), height / (double) src.getHeight());
        int w = (int) Math.ceil(src.getWidth() * scale);
        int h = (int) Math.ceil(src.getHeight() * scale);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, (width - w) / 2, (height - h) / 2, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
