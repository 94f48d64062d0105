package dev.storyreel.frames;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * How a frame's pixels are stored in the frames table's {@code data} column. Lossless codecs
 * round-trip every pixel; the codec's name is stored beside the data so any reader can decode it.
 */
public interface FrameCodec {

    /** The name stored in the {@code codec} column. */
    String name();

    /** Whether decoding gives back exactly the encoded pixels. */
    boolean lossless();

    /** Encodes a {@code TYPE_3BYTE_BGR} image. Deterministic: same pixels ⇒ same bytes. */
    byte[] encode(BufferedImage image);

    /** Decodes bytes written by {@link #encode} into a {@code TYPE_3BYTE_BGR} image of the given size. */
    BufferedImage decode(byte[] data, int width, int height);

    /** Every codec, the default first. */
    static List<FrameCodec> all() {
        return List.of(new ZstdBgrCodec(), new PngCodec(), new Yuv420ZstdCodec(), new JpegHqCodec(), new JpegCodec());
    }

    /**
     * The codec a renderer's frames are stored with unless the run names one: the animatic's flat
     * colours compress best losslessly ({@code bgr24-zstd}, ~2% of raw BGR at 720p); photographic
     * frames from models are near-incompressible noise for zstd, so they are kept as the film's own
     * yuv420p planes ({@code yuv420p-zstd}: a third of bgr24-zstd's bytes, PSNR ≥ 50 dB).
     */
    static FrameCodec defaultFor(String rendererId) {
        return named("procedural".equals(rendererId) ? "bgr24-zstd" : "yuv420p-zstd");
    }

    /** The codec with this name; the message lists the known names. */
    static FrameCodec named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown frame codec '" + name + "'; known: "
                        + all().stream().map(FrameCodec::name).toList()));
    }
}
