package dev.storyreel.assemble;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_count;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
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
 * Encodes one shot's frames ({@code TYPE_3BYTE_BGR} images) into an H.264/yuv420p MP4 segment with
 * libx264, so that segments made with the same {@link EncoderSettings} can be joined by
 * {@link SegmentJoiner} without re-encoding.
 *
 * <p>Each segment starts with an IDR frame and carries identical SPS/PPS for identical settings.
 * Output is deterministic: the same frames and settings give a byte-identical file (x264's thread
 * count is pinned, see {@link #DEFAULT_THREADS}, and MB-tree is off, see {@link #X264_PARAMS}).
 * Frames are numbered 0, 1, 2, ... at {@code 1/fps}; B-frames are allowed, and every frame written is in the file. Memory use is one
 * frame: the image bytes are copied into one native BGR buffer and converted by swscale into one
 * yuv420p frame. Not thread-safe; use one encoder per thread. {@link #close()} flushes the encoder
 * and writes the MP4 index; it writes the output path directly, so callers that need atomic output
 * write to a temporary name and rename.
 */
public final class ShotEncoder implements AutoCloseable {

    /**
     * x264 threads used unless the caller says otherwise. A fixed count (not x264's "auto", which
     * follows the machine's core count) keeps output identical from one machine to another: x264
     * output is deterministic for a given thread count but changes with it.
     */
    public static final int DEFAULT_THREADS = 2;

    /**
     * x264 options fixed for every segment. MB-tree is off: with it on, the same frames encoded twice
     * in one process sometimes gave different bitstreams (it reads heap memory that x264 never
     * initialized, seen by filling fresh allocations with glibc's MALLOC_PERTURB_, which made
     * the output stable). MB-tree changes per-macroblock quantizers, so with real content that
     * could change decoded pixels too. Off, output was byte-identical in every run tried.
     */
    static final String X264_PARAMS = "mbtree=0";

    /** {@code AVERROR(EAGAIN)} on Linux; the presets expose no constant for it. */
    private static final int AVERROR_EAGAIN = -11;

    private final Path output;
    private final EncoderSettings settings;
    private final int width;
    private final int height;
    private final int bgrStride;

    private AVFormatContext format;
    private AVCodecContext codec;
    private AVStream stream;
    private AVFrame yuv;
    private AVPacket packet;
    private SwsContext scaler;
    private BytePointer bgr;
    private PointerPointer<BytePointer> bgrPlanes;
    private IntPointer bgrStrides;

    private long framesWritten;
    private boolean failed;
    private boolean closed;

    /** Opens {@code output} for a new segment with {@link #DEFAULT_THREADS} x264 threads. */
    public ShotEncoder(Path output, EncoderSettings settings) throws IOException {
        this(output, settings, DEFAULT_THREADS);
    }

    /**
     * Opens {@code output} for a new segment.
     *
     * @param threads x264 threads; segments meant to be byte-identical must use the same count
     */
    public ShotEncoder(Path output, EncoderSettings settings, int threads) throws IOException {
        if (settings.width() <= 0 || settings.height() <= 0 || settings.width() % 2 != 0 || settings.height() % 2 != 0) {
            throw new IllegalArgumentException("width and height must be positive and even: " + settings);
        }
        if (settings.fps() <= 0) {
            throw new IllegalArgumentException("fps must be positive: " + settings);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        FfmpegLogging.quiet();
        this.output = output;
        this.settings = settings;
        this.width = settings.width();
        this.height = settings.height();
        this.bgrStride = width * 3;
        try {
            open(threads);
        } catch (IOException | RuntimeException e) {
            release();
            throw e;
        }
    }

    private void open(int threads) throws IOException {
        String file = output.toString();
        format = new AVFormatContext(null);
        FfmpegException.check(avformat_alloc_output_context2(format, null, "mp4", file), "allocating the MP4 muxer", output);

        AVCodec x264 = avcodec_find_encoder_by_name("libx264");
        if (x264 == null) {
            throw new IllegalStateException("libx264 is missing: depend on the ffmpeg '-gpl' natives");
        }
        stream = avformat_new_stream(format, null);
        codec = avcodec_alloc_context3(x264);
        if (stream == null || codec == null) {
            throw new OutOfMemoryError("FFmpeg could not allocate the stream or codec context");
        }
        codec.width(width).height(height).pix_fmt(AV_PIX_FMT_YUV420P);
        codec.time_base(av_make_q(1, settings.fps())).framerate(av_make_q(settings.fps(), 1));
        codec.thread_count(threads);
        if ((format.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            codec.flags(codec.flags() | AV_CODEC_FLAG_GLOBAL_HEADER); // SPS/PPS in avcC (extradata)
        }
        AVDictionary options = new AVDictionary(null);
        try {
            av_dict_set(options, "preset", settings.preset(), 0);
            av_dict_set(options, "crf", Integer.toString(settings.crf()), 0);
            av_dict_set(options, "x264-params", X264_PARAMS, 0);
            FfmpegException.check(avcodec_open2(codec, x264, options), "opening libx264 (" + settings + ")", output);
            if (av_dict_count(options) > 0) {
                throw new IllegalArgumentException("libx264 did not accept the settings " + settings);
            }
        } finally {
            av_dict_free(options);
        }
        FfmpegException.check(avcodec_parameters_from_context(stream.codecpar(), codec), "copying codec parameters", output);
        stream.time_base(codec.time_base());
        stream.avg_frame_rate(codec.framerate());

        Mp4Output.open(format, output);
        FfmpegException.check(avformat_write_header(format, (AVDictionary) null), "writing the MP4 header", output);

        yuv = av_frame_alloc();
        packet = av_packet_alloc();
        if (yuv == null || packet == null) {
            throw new OutOfMemoryError("FFmpeg could not allocate a frame or packet");
        }
        yuv.format(AV_PIX_FMT_YUV420P).width(width).height(height);
        FfmpegException.check(av_frame_get_buffer(yuv, 0), "allocating the yuv420p frame", output);

        long bgrSize = (long) bgrStride * height;
        bgr = new BytePointer(av_malloc(bgrSize)).capacity(bgrSize);
        if (bgr.isNull()) {
            throw new OutOfMemoryError("FFmpeg could not allocate " + bgrSize + " bytes");
        }
        bgrPlanes = new PointerPointer<BytePointer>(4).put(0, bgr);
        bgrStrides = new IntPointer(bgrStride, 0, 0, 0);
        // Bicubic is what the ffmpeg CLI uses for its automatic BGR -> yuv420p conversion.
        scaler = sws_getContext(width, height, AV_PIX_FMT_BGR24, width, height, AV_PIX_FMT_YUV420P,
                SWS_BICUBIC, null, null, (double[]) null);
        if (scaler == null) {
            throw new IllegalStateException("swscale cannot convert bgr24 to yuv420p at " + width + "x" + height);
        }
    }

    /** The settings this segment is encoded with. */
    public EncoderSettings settings() {
        return settings;
    }

    /** Frames accepted so far. */
    public long framesWritten() {
        return framesWritten;
    }

    /**
     * Encodes one frame, shown for {@code 1/fps} seconds after the previous one.
     *
     * @param image a {@code TYPE_3BYTE_BGR} image of exactly the settings' width and height
     */
    public void write(BufferedImage image) throws IOException {
        ensureOpen();
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("expected a TYPE_3BYTE_BGR image, got type " + image.getType());
        }
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException("expected a " + width + "x" + height + " image, got "
                    + image.getWidth() + "x" + image.getHeight());
        }
        boolean ok = false;
        try {
            copyPixels(image.getRaster());
            FfmpegException.check(av_frame_make_writable(yuv), "making the frame writable", output);
            sws_scale(scaler, bgrPlanes, bgrStrides, 0, height, yuv.data(), yuv.linesize());
            yuv.pts(framesWritten).duration(1);
            FfmpegException.check(avcodec_send_frame(codec, yuv), "encoding frame " + framesWritten, output);
            framesWritten++;
            drainPackets();
            ok = true;
        } finally {
            failed |= !ok;
        }
    }

    /** Copies the raster's BGR bytes into the native buffer: one copy, row by row only for sub-images. */
    private void copyPixels(Raster raster) {
        byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
        ComponentSampleModel model = (ComponentSampleModel) raster.getSampleModel();
        int[] offsets = model.getBandOffsets();
        if (model.getPixelStride() != 3 || !Arrays.equals(offsets, new int[] {2, 1, 0})) {
            throw new IllegalArgumentException("expected interleaved BGR bytes, got band offsets " + Arrays.toString(offsets));
        }
        int stride = model.getScanlineStride();
        int start = raster.getDataBuffer().getOffset()
                - raster.getSampleModelTranslateY() * stride
                - raster.getSampleModelTranslateX() * 3;
        if (stride == bgrStride) {
            bgr.position(0).put(data, start, bgrStride * height);
        } else {
            for (int y = 0; y < height; y++) {
                bgr.position((long) y * bgrStride).put(data, start + y * stride, bgrStride);
            }
        }
        bgr.position(0);
    }

    /** Moves every packet the encoder has ready into the muxer. */
    private void drainPackets() throws IOException {
        while (true) {
            int ret = avcodec_receive_packet(codec, packet);
            if (ret == AVERROR_EAGAIN || ret == AVERROR_EOF) {
                return;
            }
            FfmpegException.check(ret, "receiving a packet from libx264", output);
            av_packet_rescale_ts(packet, codec.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            // Takes the packet's reference and leaves the packet blank.
            FfmpegException.check(av_interleaved_write_frame(format, packet), "writing a packet", output);
        }
    }

    /**
     * Flushes the encoder, writes the MP4 index and releases every native resource. After a failed
     * {@link #write} the file is left unfinished (and must be discarded); resources are released
     * either way. Calling it again does nothing.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!failed) {
                FfmpegException.check(avcodec_send_frame(codec, null), "flushing libx264", output);
                drainPackets();
                FfmpegException.check(av_write_trailer(format), "writing the MP4 index", output);
            }
        } finally {
            release();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("encoder for " + output + " is closed");
        }
        if (failed) {
            throw new IllegalStateException("encoder for " + output + " failed earlier");
        }
    }

    private void release() {
        if (scaler != null) {
            sws_freeContext(scaler);
            scaler = null;
        }
        if (bgr != null) {
            av_free(bgr.position(0));
            bgr = null;
        }
        if (bgrPlanes != null) {
            bgrPlanes.close();
            bgrPlanes = null;
        }
        if (bgrStrides != null) {
            bgrStrides.close();
            bgrStrides = null;
        }
        if (yuv != null) {
            av_frame_free(yuv);
            yuv = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (codec != null) {
            avcodec_free_context(codec);
            codec = null;
        }
        if (format != null) {
            if (format.pb() != null && !format.pb().isNull()) {
                avio_closep(format.pb());
                format.pb(null);
            }
            avformat_free_context(format);
            format = null;
        }
    }
}
