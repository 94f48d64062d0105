package dev.storyreel.assemble;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
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
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_inv_q;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Joins H.264 MP4 segments made by {@link ShotEncoder} with the same {@link EncoderSettings} into
 * one MP4 without re-encoding: packets are copied and their timestamps shifted by the duration of the
 * segments before them.
 *
 * <p>Only one input is open at a time, so memory does not grow with the number of segments. The
 * output is an MP4 with {@code movflags=+faststart} (index before the media data). Segments whose
 * codec parameters differ (size, pixel format, profile, SPS/PPS, frame rate) are rejected, since
 * their packets cannot share one decoder configuration.
 *
 * <p>The joiner writes {@code output} directly and deletes it again if the join fails after it was
 * opened. Callers that publish the film write to a temporary name and rename it atomically once
 * {@link #join} returns. Instances hold no state; a new one per join or a shared one are both fine.
 */
public final class SegmentJoiner {

    /** What a join produced. */
    public record Result(int segments, long frames, Duration duration) {
    }

    /** A joiner; it keeps no native resources between joins. */
    public SegmentJoiner() {
        FfmpegLogging.quiet();
    }

    /**
     * Joins {@code segments}, in order, into {@code output} (created or overwritten).
     *
     * @throws NoSuchFileException      a segment is missing (named), before anything is written
     * @throws IllegalArgumentException no segments, or a segment whose codec parameters differ from
     *                                  the first one's (both named, with the differences)
     * @throws FfmpegException          an FFmpeg call failed (the file and FFmpeg's error are named)
     */
    public Result join(List<Path> segments, Path output) throws IOException {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("no segments to join into " + output);
        }
        for (Path segment : segments) {
            if (!Files.isRegularFile(segment)) {
                throw new NoSuchFileException(segment.toString(), null, "segment file is missing");
            }
        }
        try (Output out = new Output(output)) {
            StreamShape reference = null;
            for (Path segment : segments) {
                // Only the first segment is probed (decoded); the others are checked by their headers.
                try (Input in = new Input(segment, reference == null)) {
                    StreamShape shape = StreamShape.of(in.stream);
                    if (reference == null) {
                        reference = shape;
                        out.start(in.stream);
                    } else if (!reference.joinsWith(shape)) {
                        throw new IllegalArgumentException("segment " + segment + " cannot be joined to "
                                + segments.get(0) + " without re-encoding: " + reference.differencesFrom(shape));
                    }
                    out.append(in);
                }
            }
            out.finish();
            return new Result(segments.size(), out.frames, out.duration());
        }
    }

    /** One open input segment and its video stream. */
    private static final class Input implements AutoCloseable {
        final Path path;
        final AVFormatContext format = new AVFormatContext(null);
        final AVStream stream;
        final int streamIndex;

        Input(Path path, boolean probe) throws IOException {
            this.path = path;
            FfmpegException.check(avformat_open_input(format, path.toString(), null, null), "opening segment", path);
            try {
                if (probe) {
                    FfmpegException.check(avformat_find_stream_info(format, (PointerPointer<?>) null), "reading stream info", path);
                }
                streamIndex = FfmpegException.check(
                        av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0),
                        "finding the video stream", path);
                stream = format.streams(streamIndex);
            } catch (IOException | RuntimeException e) {
                avformat_close_input(format);
                throw e;
            }
        }

        @Override
        public void close() {
            avformat_close_input(format);
        }
    }

    /** The output MP4: one video stream whose timestamps run on across segments. */
    private static final class Output implements AutoCloseable {
        final Path path;
        final AVFormatContext format = new AVFormatContext(null);
        final AVPacket packet;
        AVStream stream;
        boolean opened;
        boolean finished;
        long frames;
        /** Where the next segment starts, in the output time base. */
        long nextStart;
        long lastDts = Long.MIN_VALUE;
        /**
         * How far decoding runs ahead of presentation in the output (B-frame reordering), in the
         * output time base; fixed by the first segment, see {@link #append}.
         */
        long decodeDelay = -1;

        Output(Path path) throws IOException {
            this.path = path;
            FfmpegException.check(avformat_alloc_output_context2(format, null, "mp4", path.toString()),
                    "allocating the MP4 muxer", path);
            packet = av_packet_alloc();
            if (packet == null) {
                avformat_free_context(format);
                throw new OutOfMemoryError("FFmpeg could not allocate a packet");
            }
        }

        /** Creates the stream from the first segment's and writes the header. */
        void start(AVStream first) throws IOException {
            stream = avformat_new_stream(format, null);
            if (stream == null) {
                throw new OutOfMemoryError("FFmpeg could not allocate a stream");
            }
            FfmpegException.check(avcodec_parameters_copy(stream.codecpar(), first.codecpar()), "copying codec parameters", path);
            stream.codecpar().codec_tag(0); // let the MP4 muxer choose (avc1)
            stream.time_base(first.time_base());
            stream.avg_frame_rate(first.avg_frame_rate());
            stream.r_frame_rate(first.r_frame_rate());

            Mp4Output.open(format, path);
            opened = true;
            Mp4Output.writeFaststartHeader(format, path);
        }

        /**
         * Copies every video packet of {@code in}, presentation times shifted to start where the
         * previous segment ended.
         *
         * <p>Decoding times need more care. x264 starts a segment's decoding times early by its
         * B-frame delay (two frames at veryfast), but a segment too short for B-frames (one or two
         * frames) has no delay. Shifted like the presentation times, the next segment's first
         * decoding time would fall before this one's last. So every segment's decoding times are
         * moved to one common delay: the stream's reorder depth from its SPS ({@code video_delay},
         * the same for every segment since their SPS match), or the first segment's delay if
         * larger. Lowering a packet's decoding time keeps it before its presentation time.
         */
        void append(Input in) throws IOException {
            AVRational inBase = in.stream.time_base();
            AVRational outBase = stream.time_base();
            long start = in.stream.start_time() == AV_NOPTS_VALUE ? 0 : av_rescale_q(in.stream.start_time(), inBase, outBase);
            long shift = nextStart - start;
            long frameDuration = av_rescale_q(1, av_inv_q(in.stream.avg_frame_rate()), outBase);
            long dtsShift = 0;
            boolean firstPacket = true;
            long end = nextStart;
            int ret;
            while ((ret = av_read_frame(in.format, packet)) >= 0) {
                try {
                    if (packet.stream_index() != in.streamIndex) {
                        continue;
                    }
                    if (packet.pts() == AV_NOPTS_VALUE || packet.dts() == AV_NOPTS_VALUE) {
                        throw new IOException("packet without timestamps in " + in.path);
                    }
                    av_packet_rescale_ts(packet, inBase, outBase);
                    if (firstPacket) {
                        dtsShift = shift - commonDelayGap(start - packet.dts(), in.stream.codecpar().video_delay() * frameDuration, in.path);
                        firstPacket = false;
                    }
                    packet.pts(packet.pts() + shift).dts(packet.dts() + dtsShift);
                    if (packet.duration() <= 0) {
                        packet.duration(frameDuration);
                    }
                    if (packet.dts() <= lastDts || packet.dts() > packet.pts()) {
                        throw new IOException("timestamps out of order at " + in.path + " (dts " + packet.dts()
                                + " after " + lastDts + ", pts " + packet.pts() + ")");
                    }
                    lastDts = packet.dts();
                    end = Math.max(end, packet.pts() + packet.duration());
                    packet.stream_index(stream.index()).pos(-1);
                    FfmpegException.check(av_interleaved_write_frame(format, packet), "writing a packet of " + in.path + " to", path);
                    frames++;
                } finally {
                    av_packet_unref(packet);
                }
            }
            if (ret != AVERROR_EOF) {
                FfmpegException.check(ret, "reading packets", in.path);
            }
            nextStart = end;
        }

        /**
         * How much earlier than its own delay a segment's decoding times must go to match the common
         * delay, which the first segment fixes.
         */
        private long commonDelayGap(long segmentDelay, long spsDelay, Path segment) throws IOException {
            if (decodeDelay < 0) {
                decodeDelay = Math.max(spsDelay, segmentDelay);
            }
            if (segmentDelay < 0 || segmentDelay > decodeDelay) {
                throw new IOException("segment " + segment + " decodes " + segmentDelay + " ticks ahead of presentation, "
                        + "the film " + decodeDelay + "; it was not encoded like the first segment");
            }
            return decodeDelay - segmentDelay;
        }

        void finish() throws IOException {
            FfmpegException.check(av_write_trailer(format), "writing the MP4 index (faststart)", path);
            finished = true;
        }

        Duration duration() {
            AVRational base = stream.time_base();
            return Duration.ofNanos(av_rescale_q(nextStart, base, av_make_q(1, 1_000_000_000)));
        }

        @Override
        public void close() throws IOException {
            av_packet_free(packet);
            if (format.pb() != null && !format.pb().isNull()) {
                avio_closep(format.pb());
                format.pb(null);
            }
            avformat_free_context(format);
            if (opened && !finished) {
                Files.deleteIfExists(path);
            }
        }
    }
}
