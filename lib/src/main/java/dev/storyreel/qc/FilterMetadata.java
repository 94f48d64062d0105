package dev.storyreel.qc;

import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;

import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.Frame;

/** Reads the {@code lavfi.*} metadata FFmpeg's analysis filters attach to a frame pulled from a filter graph. */
final class FilterMetadata {
    private FilterMetadata() {
    }

    /** The value of {@code key} on a frame pulled from an {@code FFmpegFrameFilter}, or null. */
    static String get(Frame frame, String key) {
        if (!(frame.opaque instanceof AVFrame av) || av.metadata() == null || av.metadata().isNull()) {
            return null;
        }
        AVDictionaryEntry e = av_dict_get(av.metadata(), key, null, 0);
        return e == null || e.isNull() ? null : e.value().getString();
    }

    /** The numeric value of {@code key}, or NaN when absent or not a number. */
    static double number(Frame frame, String key) {
        String v = get(frame, key);
        if (v == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
