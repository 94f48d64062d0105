package dev.storyreel.qc;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;

import dev.storyreel.assemble.FfmpegLogging;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * One decoding pass over a file's picture (JavaCV's grabber): every frame goes through FFmpeg's
 * {@code blackdetect}, {@code freezedetect} and {@code scdet} filters (a {@link VideoFilterGraph};
 * their findings are read from the {@code lavfi.*} metadata they attach to each frame) and through our
 * {@link FlashDetector}.
 */
public final class VideoScan {

    private VideoScan() {
    }

    /**
     * What the picture of a file shows.
     *
     * @param frames               frames decoded
     * @param startS               first frame's time (s)
     * @param black                black stretches (blackdetect)
     * @param frozen               frozen stretches (freezedetect)
     * @param cutFrames            frames that start a new scene (scdet)
     * @param maxGeneralFlashesPerS most general flashes in any second
     * @param maxRedFlashesPerS    most red flashes in any second
     * @param worstFlashFrame      first frame of the worst flash window (-1 when none)
     */
    public record Findings(int frames, double startS, List<Span> black, List<Span> frozen, List<Integer> cutFrames,
                           double maxGeneralFlashesPerS, double maxRedFlashesPerS, int worstFlashFrame) {
        /** The worse of the general and red flash rates. */
        public double maxFlashesPerS() {
            return Math.max(maxGeneralFlashesPerS, maxRedFlashesPerS);
        }
    }

    /** FFmpeg's analysis chain for these thresholds. */
    static String filters(DeliveryProfile.Checks c, double minFrozenS) {
        return String.format(Locale.ROOT, "blackdetect=d=0:pic_th=%.4f:pix_th=%.4f,freezedetect=n=%.2fdB:d=%.3f,scdet=threshold=%.3f",
                c.blackPictureRatio(), c.blackPixelThreshold(), c.freezeNoiseDb(), minFrozenS, c.sceneThreshold());
    }

    /**
     * Scans the first video stream of {@code file} at {@code fps} (the deliverable's planned rate);
     * frozen stretches shorter than {@code minFrozenS} are not reported.
     */
    public static Findings scan(Path file, int fps, DeliveryProfile.Checks checks, double minFrozenS) throws IOException {
        FfmpegLogging.quiet();
        FlashDetector flashes = new FlashDetector(fps);
        State state = new State(fps);
        double t0 = Double.NaN;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setPixelFormat(AV_PIX_FMT_BGR24);
            grabber.start();
            if (!grabber.hasVideo()) {
                throw new IOException(file.getFileName() + " has no video stream");
            }
            try (VideoFilterGraph graph = new VideoFilterGraph(filters(checks, minFrozenS),
                    grabber.getImageWidth(), grabber.getImageHeight(), fps)) {
                Frame f;
                while ((f = grabber.grabImage()) != null) {
                    if (f.image == null) {
                        continue;
                    }
                    if (Double.isNaN(t0)) {
                        t0 = f.timestamp / 1e6;
                    }
                    ByteBuffer bgr = (ByteBuffer) f.image[0];
                    flashes.accept(bgr, f.imageWidth, f.imageHeight, f.imageStride);
                    graph.push(bgr, f.imageStride, state::accept);
                }
                graph.finish(state::accept);
            }
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot scan the picture of " + file.getFileName() + ": " + e.getMessage(), e);
        }
        state.finish();
        return new Findings(state.frames, Double.isNaN(t0) ? 0 : t0, state.black, state.frozen, state.cuts,
                flashes.maxGeneralFlashesPerSecond(), flashes.maxRedFlashesPerSecond(), flashes.worstWindowStart());
    }

    /** The findings so far, frame by frame in output order. */
    private static final class State {
        final int fps;
        final List<Span> black = new ArrayList<>();
        final List<Span> frozen = new ArrayList<>();
        final List<Integer> cuts = new ArrayList<>();

        int frames;
        int blackFrom = -1;
        int frozenFrom = -1;

        State(int fps) {
            this.fps = fps;
        }

        /** The next filtered frame's metadata; the graph's clock starts at 0 on the first frame. */
        void accept(VideoFilterGraph.Metadata f) {
            int i = frames++;
            if (f.get("lavfi.black_start") != null) {
                blackFrom = i;
            }
            if (f.get("lavfi.black_end") != null && blackFrom >= 0) {
                black.add(new Span(blackFrom, i, fps));
                blackFrom = -1;
            }
            double freezeStart = f.number("lavfi.freezedetect.freeze_start");
            if (!Double.isNaN(freezeStart)) {
                frozenFrom = Math.max(0, (int) Math.round(freezeStart * fps));
            }
            if (f.get("lavfi.freezedetect.freeze_end") != null && frozenFrom >= 0) {
                frozen.add(new Span(frozenFrom, i, fps));
                frozenFrom = -1;
            }
            if (f.get("lavfi.scd.time") != null && i > 0) {
                cuts.add(i);
            }
        }

        void finish() {
            if (blackFrom >= 0) {
                black.add(new Span(blackFrom, frames, fps));
            }
            if (frozenFrom >= 0) {
                frozen.add(new Span(frozenFrom, frames, fps));
            }
        }
    }
}
