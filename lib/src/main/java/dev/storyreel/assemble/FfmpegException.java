package dev.storyreel.assemble;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** An FFmpeg library call failed; the message names the call, the file and FFmpeg's error text. */
public final class FfmpegException extends IOException {

    private final int errorCode;

    FfmpegException(String action, Path file, int errorCode) {
        super(action + " failed for " + file + ": " + describe(errorCode) + " (" + errorCode + ")");
        this.errorCode = errorCode;
    }

    /** The negative AVERROR code FFmpeg returned. */
    public int errorCode() {
        return errorCode;
    }

    /** Returns {@code ret} when it is not negative, otherwise throws naming the action and file. */
    public static int check(int ret, String action, Path file) throws FfmpegException {
        if (ret < 0) {
            throw new FfmpegException(action, file, ret);
        }
        return ret;
    }

    /** FFmpeg's text for an AVERROR code, as {@code av_strerror} gives it. */
    static String describe(int errorCode) {
        byte[] buf = new byte[256];
        if (av_strerror(errorCode, buf, buf.length) < 0) {
            return "unknown error";
        }
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }
}
