package dev.storyreel.qc;

import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame_flags;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_parse_ptr;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * An FFmpeg filter chain over BGR24 pictures, through the libavfilter C API that JavaCV's presets
 * expose: {@code buffer → chain → buffersink}. Unlike {@code FFmpegFrameFilter}, whose pulled
 * pictures carry no frame metadata, this hands each filtered frame's {@code lavfi.*} metadata to the
 * caller. One instance per thread; {@link #close()} frees the native graph.
 */
final class VideoFilterGraph implements AutoCloseable {
    /** {@code AVERROR(EAGAIN)} on Linux. */
    private static final int AVERROR_EAGAIN = -11;
    /** {@code AV_BUFFERSRC_FLAG_KEEP_REF}: the source takes its own reference; {@link #in} stays ours. */
    private static final int AV_BUFFERSRC_FLAG_KEEP_REF = 8;

    private final AVFilterGraph graph;
    private final AVFilterContext source;
    private final AVFilterContext sink;
    private final AVFrame in;
    private final AVFrame out;
    private final int width;
    private final int height;
    private long pts;

    /** A graph for {@code width × height} BGR24 pictures at {@code fps}, running {@code chain}. */
    VideoFilterGraph(String chain, int width, int height, int fps) throws IOException {
        this.width = width;
        this.height = height;
        graph = avfilter_graph_alloc();
        String description = String.format(Locale.ROOT,
                "buffer=video_size=%dx%d:pix_fmt=%d:time_base=1/%d:pixel_aspect=1/1:frame_rate=%d/1,%s,buffersink",
                width, height, AV_PIX_FMT_BGR24, fps, fps, chain);
        int ret;
        try (BytePointer text = new BytePointer(description)) {
            ret = avfilter_graph_parse_ptr(graph, text, (PointerPointer<?>) null, null, null);
        }
        if (ret >= 0) {
            ret = avfilter_graph_config(graph, null);
        }
        if (ret < 0) {
            avfilter_graph_free(graph);
            throw new IOException("cannot build the filter graph '" + chain + "' (error " + ret + ")");
        }
        AVFilterContext src = null;
        AVFilterContext snk = null;
        for (int i = 0; i < graph.nb_filters(); i++) {
            AVFilterContext f = graph.filters(i);
            String name = f.filter().name().getString();
            if (name.equals("buffer")) {
                src = f;
            } else if (name.equals("buffersink")) {
                snk = f;
            }
        }
        source = src;
        sink = snk;
        in = av_frame_alloc();
        in.format(AV_PIX_FMT_BGR24);
        in.width(width);
        in.height(height);
        av_frame_get_buffer(in, 0);
        out = av_frame_alloc();
    }

    /** Pushes one picture (BGR rows of {@code stride} bytes) and hands every filtered frame to {@code each}. */
    void push(ByteBuffer bgr, int stride, Consumer<Metadata> each) throws IOException {
        av_frame_make_writable(in);
        BytePointer data = in.data(0);
        int line = in.linesize(0);
        byte[] row = new byte[width * 3];
        for (int y = 0; y < height; y++) {
            bgr.position(y * stride);
            bgr.get(row);
            data.position((long) y * line).put(row);
        }
        data.position(0);
        bgr.position(0);
        in.pts(pts++);
        check(av_buffersrc_add_frame_flags(source, in, AV_BUFFERSRC_FLAG_KEEP_REF), "push");
        drain(each);
    }

    /** Ends the stream and hands the last filtered frames to {@code each}. */
    void finish(Consumer<Metadata> each) throws IOException {
        check(av_buffersrc_add_frame_flags(source, null, 0), "flush");
        drain(each);
    }

    private void drain(Consumer<Metadata> each) throws IOException {
        while (true) {
            int ret = av_buffersink_get_frame(sink, out);
            if (ret == AVERROR_EAGAIN || ret == AVERROR_EOF) {
                return;
            }
            check(ret, "pull");
            try {
                each.accept(new Metadata(out));
            } finally {
                av_frame_unref(out);
            }
        }
    }

    private static void check(int ret, String what) throws IOException {
        if (ret < 0) {
            throw new IOException("filter graph " + what + " failed (error " + ret + ")");
        }
    }

    @Override
    public void close() {
        av_frame_free(in);
        av_frame_free(out);
        avfilter_graph_free(graph);
    }

    /** The metadata of one filtered frame, valid only inside the callback. */
    static final class Metadata {
        private final AVFrame frame;

        Metadata(AVFrame frame) {
            this.frame = frame;
        }

        /** The value of {@code key}, or null. */
        String get(String key) {
            if (frame.metadata() == null || frame.metadata().isNull()) {
                return null;
            }
            AVDictionaryEntry e = av_dict_get(frame.metadata(), key, null, 0);
            return e == null || e.isNull() ? null : e.value().getString();
        }

        /** The numeric value of {@code key}, or NaN. */
        double number(String key) {
            String v = get(key);
            try {
                return v == null ? Double.NaN : Double.parseDouble(v.strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }
}
