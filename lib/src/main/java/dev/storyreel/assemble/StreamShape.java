package dev.storyreel.assemble;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/**
 * The parts of a video stream that must match for its packets to be copied into another file's
 * stream: codec, size, pixel format, profile, level, frame rate and the codec's extradata (for
 * H.264 in MP4, the avcC box holding SPS and PPS). The extradata is kept as hex so that the
 * record's own {@code equals} compares it by content.
 */
record StreamShape(String codec, int width, int height, String pixelFormat, int profile, int level,
                   String frameRate, String extradata) {

    /** FFmpeg's value for a profile or level it has not read (AV_PROFILE_UNKNOWN, AV_LEVEL_UNKNOWN). */
    static final int UNKNOWN = -99;

    static StreamShape of(AVStream stream) {
        AVCodecParameters par = stream.codecpar();
        byte[] extra = new byte[Math.max(0, par.extradata_size())];
        if (extra.length > 0) {
            BytePointer data = par.extradata();
            data.get(extra);
        }
        BytePointer pixFmtName = av_get_pix_fmt_name(par.format());
        AVRational rate = stream.avg_frame_rate();
        return new StreamShape(
                avcodec_get_name(par.codec_id()).getString(),
                par.width(),
                par.height(),
                pixFmtName == null ? "none" : pixFmtName.getString(),
                par.profile(),
                par.level(),
                rate.num() + "/" + rate.den(),
                HexFormat.of().formatHex(extra));
    }

    /**
     * Whether packets of {@code other} can be copied into a stream shaped like this one. Pixel
     * format, profile and level are only known after probing (decoding); they are compared when
     * both sides know them. Equal extradata (SPS/PPS) implies they are equal anyway.
     */
    boolean joinsWith(StreamShape other) {
        return differencesFrom(other).isEmpty();
    }

    /** Each field that differs, as {@code name: this vs other}; unknown fields are not compared. */
    String differencesFrom(StreamShape other) {
        List<String> diffs = new ArrayList<>();
        compare(diffs, "codec", codec, other.codec);
        compare(diffs, "size", width + "x" + height, other.width + "x" + other.height);
        if (!"none".equals(pixelFormat) && !"none".equals(other.pixelFormat)) {
            compare(diffs, "pixel format", pixelFormat, other.pixelFormat);
        }
        if (profile != UNKNOWN && other.profile != UNKNOWN) {
            compare(diffs, "profile", profile, other.profile);
        }
        if (level != UNKNOWN && other.level != UNKNOWN) {
            compare(diffs, "level", level, other.level);
        }
        compare(diffs, "frame rate", frameRate, other.frameRate);
        if (!extradata.equals(other.extradata)) {
            diffs.add("extradata (SPS/PPS) differs: " + abbreviate(extradata) + " vs " + abbreviate(other.extradata));
        }
        return String.join("; ", diffs);
    }

    private static void compare(List<String> diffs, String name, Object mine, Object theirs) {
        if (!mine.equals(theirs)) {
            diffs.add(name + " " + mine + " vs " + theirs);
        }
    }

    private static String abbreviate(String hex) {
        return hex.length() <= 48 ? hex : hex.substring(0, 48) + "...(" + hex.length() / 2 + " bytes)";
    }

    @Override
    public String toString() {
        return codec + " " + width + "x" + height + " " + pixelFormat + " @" + frameRate
                + " profile " + profile + " level " + level + " extradata " + abbreviate(extradata);
    }

}
