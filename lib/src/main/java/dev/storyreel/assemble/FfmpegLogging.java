package dev.storyreel.assemble;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/** Keeps the FFmpeg libraries quiet: only errors reach stderr. */
public final class FfmpegLogging {

    static {
        av_log_set_level(AV_LOG_ERROR);
    }

    private FfmpegLogging() {
    }

    /** Sets FFmpeg's log level to errors (done once, when this class first loads). */
    public static void quiet() {
        // The static initializer does the work; calling this makes sure the class has loaded.
    }
}
