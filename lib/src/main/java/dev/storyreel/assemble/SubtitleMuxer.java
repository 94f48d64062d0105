package dev.storyreel.assemble;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MOV_TEXT;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_decode_subtitle2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_encode_subtitle;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avsubtitle_free;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
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
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVSubtitle;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Muxes a SubRip file into an MP4 as a {@code mov_text} subtitle stream: the video packets are copied
 * (no re-encoding), the SRT is read with FFmpeg's demuxer and subrip decoder and each cue encoded
 * with the mov_text encoder. The output has {@code +faststart}. Not thread-safe per instance call;
 * it keeps no state between calls.
 */
public final class SubtitleMuxer {
    private static final AVRational MILLIS = av_make_q(1, 1000);
    private static final int MAX_CUE_BYTES = 1 << 16;

    /** What a mux wrote. */
    public record Result(long videoPackets, int cues) {
    }

    /** One encoded mov_text sample in milliseconds. */
    private record Sample(byte[] data, long ptsMs, long durationMs) {
    }

    public SubtitleMuxer() {
        FfmpegLogging.quiet();
    }

    /**
     * Writes {@code output}: the video stream of {@code video} plus the cues of {@code srt} as a
     * mov_text stream tagged with {@code language} (ISO 639-2, e.g. "eng"; "" leaves it "und").
     */
    public Result mux(Path video, Path srt, Path output, String language) throws IOException {
        List<Sample> samples = encodeCues(srt);
        AVFormatContext in = new AVFormatContext(null);
        FfmpegException.check(avformat_open_input(in, video.toString(), null, null), "opening video", video);
        AVFormatContext out = new AVFormatContext(null);
        AVPacket packet = av_packet_alloc();
        boolean opened = false;
        boolean done = false;
        try {
            FfmpegException.check(avformat_find_stream_info(in, (PointerPointer<?>) null), "reading stream info", video);
            int vi = FfmpegException.check(av_find_best_stream(in, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0),
                    "finding the video stream", video);
            AVStream inVideo = in.streams(vi);
            FfmpegException.check(avformat_alloc_output_context2(out, null, "mp4", output.toString()), "allocating the MP4 muxer", output);
            AVStream vs = avformat_new_stream(out, null);
            FfmpegException.check(avcodec_parameters_copy(vs.codecpar(), inVideo.codecpar()), "copying codec parameters", output);
            vs.codecpar().codec_tag(0);
            vs.time_base(inVideo.time_base());
            vs.avg_frame_rate(inVideo.avg_frame_rate());
            vs.r_frame_rate(inVideo.r_frame_rate());
            AVStream ss = avformat_new_stream(out, null);
            AVCodecContext enc = movTextEncoder();
            try {
                FfmpegException.check(avcodec_parameters_from_context(ss.codecpar(), enc), "copying mov_text parameters", output);
            } finally {
                avcodec_free_context(enc);
            }
            ss.time_base(MILLIS);
            if (!language.isEmpty()) {
                AVDictionary metadata = new AVDictionary(null);
                av_dict_set(metadata, "language", language, 0);
                ss.metadata(metadata);
            }
            Mp4Output.open(out, output);
            opened = true;
            Mp4Output.writeFaststartHeader(out, output);
            AVRational videoBase = vs.time_base();
            int next = 0;
            long videoPackets = 0;
            int ret;
            while ((ret = av_read_frame(in, packet)) >= 0) {
                try {
                    if (packet.stream_index() != vi) {
                        continue;
                    }
                    av_packet_rescale_ts(packet, inVideo.time_base(), videoBase);
                    long nowMs = packet.dts() == AV_NOPTS_VALUE ? 0 : av_rescale_q(packet.dts(), videoBase, MILLIS);
                    while (next < samples.size() && samples.get(next).ptsMs() <= nowMs) {
                        writeSample(out, ss, samples.get(next++), output);
                    }
                    packet.stream_index(vs.index()).pos(-1);
                    FfmpegException.check(av_interleaved_write_frame(out, packet), "writing a video packet to", output);
                    videoPackets++;
                } finally {
                    av_packet_unref(packet);
                }
            }
            if (ret != AVERROR_EOF) {
                FfmpegException.check(ret, "reading packets", video);
            }
            while (next < samples.size()) {
                writeSample(out, ss, samples.get(next++), output);
            }
            FfmpegException.check(av_write_trailer(out), "writing the MP4 index (faststart)", output);
            done = true;
            return new Result(videoPackets, samples.size());
        } finally {
            av_packet_free(packet);
            avformat_close_input(in);
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

    private static void writeSample(AVFormatContext out, AVStream ss, Sample s, Path output) throws IOException {
        AVPacket p = av_packet_alloc();
        try {
            FfmpegException.check(av_new_packet(p, s.data().length), "allocating a subtitle packet for", output);
            p.data().put(s.data(), 0, s.data().length);
            p.pts(av_rescale_q(s.ptsMs(), MILLIS, ss.time_base()));
            p.dts(p.pts());
            p.duration(av_rescale_q(s.durationMs(), MILLIS, ss.time_base()));
            p.stream_index(ss.index());
            FfmpegException.check(av_interleaved_write_frame(out, p), "writing a subtitle packet to", output);
        } finally {
            av_packet_free(p);
        }
    }

    /** A mov_text encoder context with the ASS header FFmpeg's own subrip decoder produces. */
    private static AVCodecContext movTextEncoder() throws IOException {
        return openEncoder(DEFAULT_ASS_HEADER);
    }

    private static AVCodecContext openEncoder(byte[] header) throws IOException {
        AVCodec codec = avcodec_find_encoder(AV_CODEC_ID_MOV_TEXT);
        if (codec == null) {
            throw new IOException("this FFmpeg build has no mov_text encoder");
        }
        AVCodecContext ctx = avcodec_alloc_context3(codec);
        ctx.time_base(MILLIS);
        BytePointer h = new BytePointer(av_malloc(header.length + 1)).capacity(header.length + 1);
        h.put(header, 0, header.length).put(header.length, (byte) 0);
        ctx.subtitle_header(h);
        ctx.subtitle_header_size(header.length);
        int ret = avcodec_open2(ctx, codec, (AVDictionary) null);
        if (ret < 0) {
            avcodec_free_context(ctx);
            FfmpegException.check(ret, "opening the mov_text encoder for", Path.of("mov_text"));
        }
        return ctx;
    }

    /** Reads the SRT with FFmpeg (demuxer + subrip decoder) and encodes each cue as a mov_text sample. */
    private static List<Sample> encodeCues(Path srt) throws IOException {
        List<Sample> out = new ArrayList<>();
        AVFormatContext in = new AVFormatContext(null);
        FfmpegException.check(avformat_open_input(in, srt.toString(), null, null), "opening subtitles", srt);
        AVCodecContext dec = null;
        AVCodecContext enc = null;
        AVPacket packet = av_packet_alloc();
        AVSubtitle sub = new AVSubtitle();
        IntPointer got = new IntPointer(1);
        byte[] buffer = new byte[MAX_CUE_BYTES];
        try {
            FfmpegException.check(avformat_find_stream_info(in, (PointerPointer<?>) null), "reading stream info", srt);
            int si = FfmpegException.check(av_find_best_stream(in, AVMEDIA_TYPE_SUBTITLE, -1, -1, (AVCodec) null, 0),
                    "finding the subtitle stream", srt);
            AVStream stream = in.streams(si);
            AVCodec decoder = avcodec_find_decoder(stream.codecpar().codec_id());
            if (decoder == null) {
                throw new IOException("no decoder for the subtitles of " + srt);
            }
            dec = avcodec_alloc_context3(decoder);
            FfmpegException.check(avcodec_parameters_to_context(dec, stream.codecpar()), "configuring the decoder", srt);
            dec.pkt_timebase(stream.time_base());
            FfmpegException.check(avcodec_open2(dec, decoder, (AVDictionary) null), "opening the subtitle decoder", srt);
            byte[] header = DEFAULT_ASS_HEADER;
            if (dec.subtitle_header() != null && !dec.subtitle_header().isNull() && dec.subtitle_header_size() > 0) {
                header = new byte[dec.subtitle_header_size()];
                dec.subtitle_header().capacity(header.length).get(header);
            }
            enc = openEncoder(header);
            int ret;
            while ((ret = av_read_frame(in, packet)) >= 0) {
                try {
                    if (packet.stream_index() != si) {
                        continue;
                    }
                    long ptsMs = av_rescale_q(packet.pts(), stream.time_base(), MILLIS);
                    long durMs = av_rescale_q(packet.duration(), stream.time_base(), MILLIS);
                    FfmpegException.check(avcodec_decode_subtitle2(dec, sub, got, packet), "decoding a cue of", srt);
                    if (got.get() == 0) {
                        continue;
                    }
                    try {
                        int n = FfmpegException.check(avcodec_encode_subtitle(enc, buffer, buffer.length, sub),
                                "encoding a mov_text cue of", srt);
                        byte[] data = new byte[n];
                        System.arraycopy(buffer, 0, data, 0, n);
                        out.add(new Sample(data, ptsMs, durMs));
                    } finally {
                        avsubtitle_free(sub);
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
            if (ret != AVERROR_EOF) {
                FfmpegException.check(ret, "reading cues", srt);
            }
            return out;
        } finally {
            av_packet_free(packet);
            got.close();
            sub.close();
            if (dec != null) {
                avcodec_free_context(dec);
            }
            if (enc != null) {
                avcodec_free_context(enc);
            }
            avformat_close_input(in);
        }
    }

    /** An ASS script header (the encoder needs one to parse cue styles); used when the decoder gives none. */
    private static final byte[] DEFAULT_ASS_HEADER = ("[Script Info]\nScriptType: v4.00+\nPlayResX: 384\nPlayResY: 288\n\n"
            + "[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, "
            + "Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, "
            + "MarginL, MarginR, MarginV, Encoding\n"
            + "Style: Default,Arial,16,&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,0\n\n"
            + "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

}
