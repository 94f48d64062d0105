package dev.storyreel.sound.mix;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import dev.storyreel.assemble.FfmpegException;
import dev.storyreel.assemble.Mp4Output;
import dev.storyreel.assemble.FfmpegLogging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Puts a soundtrack into a film without re-encoding anything: every non-audio stream of the film
 * (video, subtitles) and the audio stream of an encoded soundtrack are copied packet by packet,
 * interleaved by time, into a new MP4 with {@code +faststart}.
 */
public final class AudioMuxer {
    private AudioMuxer() {
    }

    /** Writes {@code output}: the film's streams (its own audio dropped) plus the soundtrack's audio stream. */
    public static void mux(Path film, Path soundtrack, Path output) throws IOException {
        FfmpegLogging.quiet();
        AVFormatContext v = open(film);
        AVFormatContext a = null;
        AVFormatContext out = new AVFormatContext(null);
        AVPacket pv = av_packet_alloc();
        AVPacket pa = av_packet_alloc();
        boolean opened = false;
        boolean done = false;
        try {
            a = open(soundtrack);
            FfmpegException.check(avformat_alloc_output_context2(out, null, "mp4", output.toString()),
                    "allocating the MP4 muxer", output);
            int[] mapV = new int[v.nb_streams()];
            for (int i = 0; i < v.nb_streams(); i++) {
                AVStream in = v.streams(i);
                mapV[i] = in.codecpar().codec_type() == AVMEDIA_TYPE_AUDIO ? -1 : copyStream(out, in, output);
            }
            int[] mapA = new int[a.nb_streams()];
            int audioStreams = 0;
            for (int i = 0; i < a.nb_streams(); i++) {
                AVStream in = a.streams(i);
                boolean audio = in.codecpar().codec_type() == AVMEDIA_TYPE_AUDIO && audioStreams++ == 0;
                mapA[i] = audio ? copyStream(out, in, output) : -1;
            }
            if (audioStreams == 0) {
                throw new IOException(soundtrack + " has no audio stream");
            }
            Mp4Output.open(out, output);
            opened = true;
            Mp4Output.writeFaststartHeader(out, output);
            boolean moreV = next(v, pv, mapV, film);
            boolean moreA = next(a, pa, mapA, soundtrack);
            while (moreV || moreA) {
                boolean takeV = moreV && (!moreA || seconds(v, pv) <= seconds(a, pa));
                if (takeV) {
                    write(out, v, pv, mapV, output);
                    moreV = next(v, pv, mapV, film);
                } else {
                    write(out, a, pa, mapA, output);
                    moreA = next(a, pa, mapA, soundtrack);
                }
            }
            FfmpegException.check(av_write_trailer(out), "writing the MP4 index (faststart)", output);
            done = true;
        } finally {
            av_packet_free(pv);
            av_packet_free(pa);
            avformat_close_input(v);
            if (a != null) {
                avformat_close_input(a);
            }
            if (out.pb() != null && !out.pb().isNull()) {
                avio_closep(out.pb());
                out.pb(null);
            }
            avformat_free_context(out);
            if (opened && !done) {
                Files.deleteIfExists(output);
            }
        }
    }

    private static AVFormatContext open(Path file) throws IOException {
        AVFormatContext ctx = new AVFormatContext(null);
        FfmpegException.check(avformat_open_input(ctx, file.toString(), null, null), "opening", file);
        FfmpegException.check(avformat_find_stream_info(ctx, (PointerPointer<?>) null), "reading stream info", file);
        return ctx;
    }

    private static int copyStream(AVFormatContext out, AVStream in, Path output) throws IOException {
        AVStream s = avformat_new_stream(out, null);
        FfmpegException.check(avcodec_parameters_copy(s.codecpar(), in.codecpar()), "copying codec parameters", output);
        s.codecpar().codec_tag(0);
        s.time_base(in.time_base());
        s.avg_frame_rate(in.avg_frame_rate());
        s.r_frame_rate(in.r_frame_rate());
        s.disposition(in.disposition());
        if (in.metadata() != null) {
            AVDictionary m = new AVDictionary(null);
            av_dict_copy(m, in.metadata(), 0);
            s.metadata(m);
        }
        return s.index();
    }

    /** Reads the next packet of a mapped stream into {@code p}; false at the end. */
    private static boolean next(AVFormatContext in, AVPacket p, int[] map, Path file) throws IOException {
        while (true) {
            int ret = av_read_frame(in, p);
            if (ret == AVERROR_EOF) {
                return false;
            }
            FfmpegException.check(ret, "reading packets", file);
            if (map[p.stream_index()] >= 0) {
                return true;
            }
            av_packet_unref(p);
        }
    }

    private static double seconds(AVFormatContext in, AVPacket p) {
        long t = p.dts() != AV_NOPTS_VALUE ? p.dts() : p.pts();
        return t == AV_NOPTS_VALUE ? 0 : t * av_q2d(in.streams(p.stream_index()).time_base());
    }

    private static void write(AVFormatContext out, AVFormatContext in, AVPacket p, int[] map, Path output)
            throws IOException {
        try {
            int o = map[p.stream_index()];
            av_packet_rescale_ts(p, in.streams(p.stream_index()).time_base(), out.streams(o).time_base());
            p.stream_index(o).pos(-1);
            FfmpegException.check(av_interleaved_write_frame(out, p), "writing a packet to", output);
        } finally {
            av_packet_unref(p);
        }
    }
}
