package dev.storyreel.assemble;

import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_count;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/** Opening an MP4 muxer's output file, and writing a film's header with the index in front (+faststart). */
public final class Mp4Output {
    private Mp4Output() {
    }

    /** Opens {@code output} for writing as the muxer's I/O context (the caller closes it with the muxer). */
    public static void open(AVFormatContext muxer, Path output) throws FfmpegException {
        AVIOContext io = new AVIOContext(null);
        FfmpegException.check(avio_open(io, output.toString(), AVIO_FLAG_WRITE), "opening for writing", output);
        muxer.pb(io);
    }

    /** Writes the header asking for {@code movflags=+faststart}; fails if the muxer ignored it. */
    public static void writeFaststartHeader(AVFormatContext muxer, Path output) throws FfmpegException {
        AVDictionary options = new AVDictionary(null);
        try {
            av_dict_set(options, "movflags", "+faststart", 0);
            FfmpegException.check(avformat_write_header(muxer, options), "writing the MP4 header", output);
            if (av_dict_count(options) > 0) {
                throw new IllegalStateException("the MP4 muxer ignored movflags=+faststart");
            }
        } finally {
            av_dict_free(options);
        }
    }
}
