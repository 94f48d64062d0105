package dev.storyreel.qc;

import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;

import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.Frame;

/** Reads the {@code lavfi.*} metadata FFmpeg's analysis filters attach to a filtered frame. */
final class FilterMetadata {
    private FilterMetadata() {
    }

    /** The value of {@code key} on a filtered frame, or null. */
    static String get(AVFrame frame, String key) {
        if (frame == null || frame.metadata() == null || frame.metadata().isNull()) {
            return null;
        }
        AVDictionaryEntry e = av_dict_get(frame.metadata(), key, null, 0);
        return e == null || e.isNull() ? null : e.value().getString();
    }

    /** The value of {@code key} on audio pulled from an {@code FFmpegFrameFilter} (its {@code opaque} is the AVFrame), or null. */
    static String get(Frame frame, String key) {
        return frame.opaque instanceof AVFrame av ? get(av, key) : null;
    }

    /** The numeric value of {@code key}, or NaN when absent or not a number. */
    static double number(String value) {
        if (value == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The numeric value of {@code key} on audio pulled from an {@code FFmpegFrameFilter}, or NaN. */
    static double number(Frame frame, String key) {
        return number(get(frame, key));
    }
}
