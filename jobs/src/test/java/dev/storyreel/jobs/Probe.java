package dev.storyreel.jobs;

import dev.storyreel.assemble.FfmpegTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Independent checks of MP4 files with the real ffprobe and ffmpeg programs. */
final class Probe {
    private Probe() {
    }

    /** ffprobe's value of some entries of the first video stream, comma separated. */
    static String stream(Path mp4, String entries) throws IOException, InterruptedException {
        return run(FfmpegTools.ffprobe().toString(), "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=" + entries, "-of", "csv=p=0", mp4.toString()).strip();
    }

    /** Decoded video frame count. */
    static long decodedFrames(Path mp4) throws IOException, InterruptedException {
        return Long.parseLong(run(FfmpegTools.ffprobe().toString(), "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", mp4.toString()).strip());
    }

    /** One MD5 per decoded frame, in order (ffmpeg -f framemd5). */
    static List<String> frameMd5(Path mp4) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        for (String line : run(FfmpegTools.ffmpeg().toString(), "-v", "error", "-i", mp4.toString(), "-map", "0:v",
                "-f", "framemd5", "-").split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                out.add(line.substring(line.lastIndexOf(',') + 1).strip());
            }
        }
        return out;
    }

    static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}
