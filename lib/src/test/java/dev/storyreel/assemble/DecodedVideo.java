package dev.storyreel.assemble;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * A whole (small) video file decoded in-process by libavformat + libavcodec's own H.264 decoder:
 * container facts, every packet's timestamps, and every frame's MD5 (hashed like
 * {@code ffmpeg -f framemd5} hashes yuv420p: the planes without row padding) and BGR pixels.
 */
record DecodedVideo(String codec, String pixelFormat, int width, int height, String frameRate,
                    double durationSeconds, List<Packet> packets, List<Frame> frames) {

    record Packet(long pts, long dts, boolean key) {
    }

    record Frame(long pts, String md5, byte[] bgr) {

        /** Mean of {@code channel} (0 = B, 1 = G, 2 = R) over a rectangle. */
        double mean(int width, int channel, int x0, int y0, int w, int h) {
            long sum = 0;
            for (int y = y0; y < y0 + h; y++) {
                for (int x = x0; x < x0 + w; x++) {
                    sum += bgr[(y * width + x) * 3 + channel] & 0xff;
                }
            }
            return (double) sum / (w * h);
        }
    }

    List<String> md5s() {
        return frames.stream().map(Frame::md5).toList();
    }

    static DecodedVideo of(Path file) throws IOException {
        AVFormatContext format = new AVFormatContext(null);
        FfmpegException.check(avformat_open_input(format, file.toString(), null, null), "opening", file);
        AVCodecContext codec = null;
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            FfmpegException.check(avformat_find_stream_info(format, (PointerPointer<?>) null), "probing", file);
            int index = FfmpegException.check(av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0),
                    "finding video", file);
            AVStream stream = format.streams(index);
            AVCodec decoder = avcodec_find_decoder(stream.codecpar().codec_id());
            codec = avcodec_alloc_context3(decoder);
            FfmpegException.check(avcodec_parameters_to_context(codec, stream.codecpar()), "configuring decoder", file);
            FfmpegException.check(avcodec_open2(codec, decoder, (AVDictionary) null), "opening decoder", file);

            List<Packet> packets = new ArrayList<>();
            List<Frame> frames = new ArrayList<>();
            int ret;
            while ((ret = av_read_frame(format, packet)) >= 0) {
                try {
                    if (packet.stream_index() == index) {
                        packets.add(new Packet(packet.pts(), packet.dts(), (packet.flags() & AV_PKT_FLAG_KEY) != 0));
                        FfmpegException.check(avcodec_send_packet(codec, packet), "decoding", file);
                        receive(codec, frame, frames, file);
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
            if (ret != AVERROR_EOF) {
                FfmpegException.check(ret, "reading", file);
            }
            FfmpegException.check(avcodec_send_packet(codec, null), "flushing decoder", file);
            receive(codec, frame, frames, file);
            BytePointer pixFmt = av_get_pix_fmt_name(stream.codecpar().format());
            return new DecodedVideo(avcodec_get_name(stream.codecpar().codec_id()).getString(),
                    pixFmt == null ? "none" : pixFmt.getString(),
                    stream.codecpar().width(), stream.codecpar().height(),
                    stream.avg_frame_rate().num() + "/" + stream.avg_frame_rate().den(),
                    format.duration() / 1e6, packets, frames);
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
            if (codec != null) {
                avcodec_free_context(codec);
            }
            avformat_close_input(format);
        }
    }

    private static void receive(AVCodecContext codec, AVFrame frame, List<Frame> frames, Path file) throws IOException {
        while (true) {
            int ret = avcodec_receive_frame(codec, frame);
            if (ret == -11 /* AVERROR(EAGAIN) */ || ret == AVERROR_EOF) {
                return;
            }
            FfmpegException.check(ret, "receiving a frame", file);
            frames.add(new Frame(frame.best_effort_timestamp(), md5(frame), bgr(frame)));
        }
    }

    private static String md5(AVFrame frame) {
        if (frame.format() != AV_PIX_FMT_YUV420P) {
            throw new IllegalStateException("expected yuv420p, decoded format " + frame.format());
        }
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            int[][] planes = {{frame.width(), frame.height()}, {(frame.width() + 1) / 2, (frame.height() + 1) / 2},
                {(frame.width() + 1) / 2, (frame.height() + 1) / 2}};
            for (int p = 0; p < 3; p++) {
                byte[] row = new byte[planes[p][0]];
                BytePointer data = frame.data(p);
                for (int y = 0; y < planes[p][1]; y++) {
                    data.position((long) y * frame.linesize(p)).get(row);
                    md5.update(row);
                }
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bgr(AVFrame frame) {
        int w = frame.width();
        int h = frame.height();
        SwsContext sws = sws_getContext(w, h, frame.format(), w, h, AV_PIX_FMT_BGR24, SWS_BICUBIC, null, null, (double[]) null);
        try (BytePointer out = new BytePointer((long) w * h * 3);
             PointerPointer<BytePointer> dst = new PointerPointer<BytePointer>(4).put(0, out);
             IntPointer dstStride = new IntPointer(w * 3, 0, 0, 0)) {
            sws_scale(sws, frame.data(), frame.linesize(), 0, h, dst, dstStride);
            byte[] bytes = new byte[w * h * 3];
            out.get(bytes);
            return bytes;
        } finally {
            sws_freeContext(sws);
        }
    }
}
