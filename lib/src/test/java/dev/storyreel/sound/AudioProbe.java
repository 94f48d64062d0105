package dev.storyreel.sound;

import dev.storyreel.assemble.FfmpegCli;
import dev.storyreel.assemble.FfmpegTools;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Independent reads of audio files with the bundled ffmpeg/ffprobe programs. */
public final class AudioProbe {
    private AudioProbe() {
    }

    /** Mono 16-bit samples at {@code rate}, decoded by the ffmpeg program. */
    public static short[] mono(Path file, int rate) throws IOException, InterruptedException {
        Path raw = Files.createTempFile("probe", ".s16");
        try {
            FfmpegCli.run(List.of(FfmpegTools.ffmpeg().toString(), "-nostdin", "-v", "error", "-y", "-i", file.toString(),
                    "-map", "0:a:0", "-ac", "1", "-ar", Integer.toString(rate), "-f", "s16le", raw.toString()));
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
            short[] s = new short[b.remaining() / 2];
            b.asShortBuffer().get(s);
            return s;
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    /** RMS level in dBFS of samples [from, to) seconds (negative infinity for digital silence). */
    public static double levelDb(short[] s, int rate, double from, double to) {
        int a = (int) Math.max(0, Math.round(from * rate));
        int b = (int) Math.min(s.length, Math.round(to * rate));
        double sum = 0;
        for (int i = a; i < b; i++) {
            sum += (double) s[i] * s[i];
        }
        return b > a && sum > 0 ? 10 * Math.log10(sum / (b - a) / (32768.0 * 32768.0)) : Double.NEGATIVE_INFINITY;
    }

    /** Integrated loudness and true peak from the ffmpeg program's ebur128 summary. */
    public static double[] ebur128(Path file) throws IOException, InterruptedException {
        Path err = Files.createTempFile("ebur", ".log");
        try {
            Process p = FfmpegTools.process(List.of(FfmpegTools.ffmpeg().toString(), "-nostdin", "-hide_banner", "-nostats",
                    "-i", file.toString(), "-map", "0:a:0", "-af", "ebur128=peak=true", "-f", "null", "-"))
                    .redirectErrorStream(true).redirectOutput(err.toFile()).start();
            p.waitFor();
            String log = Files.readString(err);
            String tail = log.substring(Math.max(0, log.lastIndexOf("Summary:")));
            Matcher i = Pattern.compile("I:\\s*(-?[0-9.]+|-inf)\\s*LUFS").matcher(tail);
            Matcher t = Pattern.compile("Peak:\\s*(-?[0-9.]+|-inf)\\s*dBFS").matcher(tail);
            if (!i.find() || !t.find()) {
                throw new IOException("no ebur128 summary for " + file + ": " + tail);
            }
            return new double[] {parse(i.group(1)), parse(t.group(1))};
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static double parse(String v) {
        return v.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(v);
    }

    /** ffprobe's csv line of the first audio stream: codec_name,profile,sample_rate,channels,duration. */
    public static String[] audioStream(Path file) throws IOException, InterruptedException {
        String out = FfmpegCli.run(List.of(FfmpegTools.ffprobe().toString(), "-v", "error", "-select_streams", "a",
                "-show_entries", "stream=codec_name,profile,sample_rate,channels,duration", "-of", "csv=p=0",
                file.toString())).strip();
        return out.split("\n")[0].split(",");
    }

    /** ffprobe's duration of the first video stream, seconds. */
    public static double videoDuration(Path file) throws IOException, InterruptedException {
        return Double.parseDouble(FfmpegCli.run(List.of(FfmpegTools.ffprobe().toString(), "-v", "error", "-select_streams",
                "v:0", "-show_entries", "stream=duration", "-of", "csv=p=0", file.toString())).strip());
    }

    /** A test video of {@code frames} frames at {@code fps}, made by the ffmpeg program. */
    public static Path video(Path out, int frames, int fps) throws IOException, InterruptedException {
        FfmpegCli.run(List.of(FfmpegTools.ffmpeg().toString(), "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc=size=96x64:rate=" + fps, "-frames:v", Integer.toString(frames), "-c:v", "libx264", "-pix_fmt",
                "yuv420p", out.toString()));
        return out;
    }

    /** MD5 of the decoded audio, from {@code ffmpeg -f md5}. */
    public static String md5(Path file) throws IOException, InterruptedException {
        return FfmpegCli.run(List.of(FfmpegTools.ffmpeg().toString(), "-nostdin", "-v", "error", "-i", file.toString(),
                "-map", "0:a", "-f", "md5", "-")).strip();
    }
}
