package dev.storyreel.frames.bench;

import dev.storyreel.frames.FrameCodec;
import dev.storyreel.frames.PhotoFrames;
import dev.storyreel.render.ProceduralRenderer;
import dev.storyreel.render.RenderedFrame;
import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.Setting;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Bytes per frame, PSNR against the rendered pixels, and encode/decode ms per frame of every frame
 * codec, on procedural (animatic) frames and on photographic-like frames, at each given size.
 * Usage: CodecBench [FRAMES] [WxH...]  (default 12 frames, 1280x720 1920x1080). Prints a Markdown table.
 */
public final class CodecBench {
    private CodecBench() {
    }

    public static void main(String[] args) {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        List<int[]> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] wh = args[i].split("x");
            sizes.add(new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])});
        }
        if (sizes.isEmpty()) {
            sizes.add(new int[] {1280, 720});
            sizes.add(new int[] {1920, 1080});
        }
        System.out.println("| size | content | codec | lossless | bytes/frame | vs raw BGR | PSNR dB (min over frames) | encode ms/frame | decode ms/frame |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int[] s : sizes) {
            List<BufferedImage> procedural = procedural(s[0], s[1], frames);
            List<BufferedImage> photo = new ArrayList<>();
            for (int i = 0; i < frames; i++) {
                photo.add(PhotoFrames.frame(s[0], s[1], 7, i));
            }
            for (FrameCodec codec : FrameCodec.all()) {
                measure(s, "procedural", procedural, codec);
                measure(s, "photographic", photo, codec);
            }
        }
    }

    private static void measure(int[] size, String content, List<BufferedImage> frames, FrameCodec codec) {
        codec.decode(codec.encode(frames.get(0)), size[0], size[1]); // warm-up
        long bytes = 0;
        long encodeNs = 0;
        long decodeNs = 0;
        double minPsnr = Double.POSITIVE_INFINITY;
        for (BufferedImage f : frames) {
            long t0 = System.nanoTime();
            byte[] data = codec.encode(f);
            long t1 = System.nanoTime();
            BufferedImage back = codec.decode(data, size[0], size[1]);
            long t2 = System.nanoTime();
            encodeNs += t1 - t0;
            decodeNs += t2 - t1;
            bytes += data.length;
            minPsnr = Math.min(minPsnr, PhotoFrames.psnr(f, back));
        }
        int n = frames.size();
        double raw = size[0] * size[1] * 3.0;
        System.out.printf(Locale.ROOT, "| %dx%d | %s | %s | %s | %,d | %.3f | %s | %.1f | %.1f |%n", size[0], size[1], content,
                codec.name(), codec.lossless() ? "yes" : "no", bytes / n, bytes / n / raw,
                Double.isInfinite(minPsnr) ? "∞ (exact)" : String.format(Locale.ROOT, "%.1f", minPsnr),
                encodeNs / 1e6 / n, decodeNs / 1e6 / n);
    }

    /** Frames of a moving-camera dialogue shot and an establishing pan of the procedural renderer. */
    private static List<BufferedImage> procedural(int w, int h, int frames) {
        Setting kitchen = new Setting(Setting.Exposure.INT, "KITCHEN", "DAY");
        Setting street = new Setting(Setting.Exposure.EXT, "CITY STREET", "NIGHT");
        int half = Math.max(1, frames / 2);
        List<ShotSpec> shots = List.of(
                new ShotSpec(w, h, 24, half, 42L, ShotKind.DIALOGUE, CameraMove.PUSH_IN, kitchen, List.of("ANNA", "BEN"),
                        "ANNA", "I told you the key was under the mat.", "(sighing)", "", ""),
                new ShotSpec(w, h, 24, frames - half, 43L, ShotKind.ESTABLISHING, CameraMove.PAN, street,
                        List.of("ANNA", "BEN"), "", "Neon flickers over the wet street.", "", "", ""));
        List<BufferedImage> out = new ArrayList<>();
        try (ProceduralRenderer r = new ProceduralRenderer()) {
            Iterator<RenderedFrame> it = r.render(shots.iterator());
            it.forEachRemaining(f -> out.add(f.image()));
        }
        return out;
    }
}
