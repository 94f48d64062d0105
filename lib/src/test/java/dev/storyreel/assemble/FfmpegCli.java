package dev.storyreel.assemble;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/** Runs the bundled {@code ffmpeg}/{@code ffprobe} programs as independent checks in tests (shared with jobs/ as a test-jar). */
public final class FfmpegCli {

    private static final String UNAVAILABLE = probeAvailability();

    private FfmpegCli() {
    }

    /**
     * Fails the calling test, with the reason, when the bundled programs cannot run here: an
     * independent check that cannot run is a failure, not a skip (submit-scripts/test.sh installs
     * what they need).
     */
    public static void requireRunnable() {
        Assertions.assertNull(UNAVAILABLE, () -> "bundled ffmpeg/ffprobe cannot run: " + UNAVAILABLE);
    }

    private static String probeAvailability() {
        try {
            run(List.of(FfmpegTools.ffprobe().toString(), "-version"));
            run(List.of(FfmpegTools.ffmpeg().toString(), "-version"));
            return null;
        } catch (IllegalStateException | IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    /** Runs a program and returns its stdout; fails with its stderr when it exits non-zero. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("ffmpeg-cli", ".err");
        try {
            Process p = FfmpegTools.process(command).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IOException("exit " + p.exitValue() + " from " + command + ": " + Files.readString(err));
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** {@code ffprobe} key=value entries of the first video stream, counting frames by decoding. */
    public static Map<String, String> probe(Path file) throws IOException, InterruptedException {
        String out = run(List.of(FfmpegTools.ffprobe().toString(), "-v", "error", "-count_frames",
                "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,pix_fmt,width,height,r_frame_rate,nb_read_frames,has_b_frames,profile"
                        + ":format=duration,format_name",
                "-of", "default=noprint_wrappers=1", file.toString()));
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                entries.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return entries;
    }

    /** The MD5 of every decoded frame, in presentation order, from {@code ffmpeg -f framemd5}. */
    public static List<String> frameMd5(Path file) throws IOException, InterruptedException {
        String out = run(List.of(FfmpegTools.ffmpeg().toString(), "-v", "error", "-i", file.toString(),
                "-map", "0:v:0", "-f", "framemd5", "-"));
        List<String> hashes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] cols = line.split(",");
                hashes.add(cols[cols.length - 1].trim());
            }
        }
        return hashes;
    }

    /** One line per packet in decode order: {@code pts,dts,flags}. */
    public static List<String[]> packets(Path file) throws IOException, InterruptedException {
        String out = run(List.of(FfmpegTools.ffprobe().toString(), "-v", "error", "-select_streams", "v:0",
                "-show_entries", "packet=pts,dts,flags", "-of", "csv=p=0", file.toString()));
        return Arrays.stream(out.split("\n")).filter(l -> !l.isBlank()).map(l -> l.trim().split(",")).toList();
    }

    /** The picture types (I, P, B) of the decoded frames, in presentation order. */
    public static String pictureTypes(Path file) throws IOException, InterruptedException {
        String out = run(List.of(FfmpegTools.ffprobe().toString(), "-v", "error", "-select_streams", "v:0",
                "-show_entries", "frame=pict_type", "-of", "csv=p=0", file.toString()));
        return out.replaceAll("\\s+", "");
    }
}
