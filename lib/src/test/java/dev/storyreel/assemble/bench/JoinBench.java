package dev.storyreel.assemble.bench;

import dev.storyreel.assemble.EncoderSettings;
import dev.storyreel.assemble.FfmpegTools;
import dev.storyreel.assemble.SegmentJoiner;
import dev.storyreel.assemble.ShotEncoder;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark behind {@code bench/join-bench.sh}: times {@link ShotEncoder} against the ffmpeg CLI
 * encoding the same raw frames, and {@link SegmentJoiner} against the CLI concat demuxer with
 * {@code -c copy}, on the same 1280x720 @ 24 fps segments in one run.
 *
 * <p>Arguments: segment count, frames per segment, work folder.
 */
public final class JoinBench {

    private static final int W = 1280;
    private static final int H = 720;
    private static final int FPS = 24;
    private static final int JOIN_REPEATS = 5;

    private JoinBench() {
    }

    public static void main(String[] args) throws Exception {
        int segmentCount = Integer.parseInt(args[0]);
        int framesPerSegment = Integer.parseInt(args[1]);
        Path work = Path.of(args[2]);
        EncoderSettings settings = EncoderSettings.of(W, H, FPS);
        String ffmpeg = FfmpegTools.ffmpeg().toString();
        String ffprobe = FfmpegTools.ffprobe().toString();

        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < framesPerSegment; i++) {
            frames.add(draw(i));
        }
        Path raw = work.resolve("frames.raw");
        try (OutputStream out = Files.newOutputStream(raw)) {
            for (BufferedImage frame : frames) {
                out.write(((DataBufferByte) frame.getRaster().getDataBuffer()).getData());
            }
        }
        System.out.printf(Locale.ROOT, "%d segments x %d frames, %dx%d @ %d fps, x264 %s crf %d, %d cores%n",
                segmentCount, framesPerSegment, W, H, FPS, settings.preset(), settings.crf(),
                Runtime.getRuntime().availableProcessors());

        // Encode: ours makes every segment (they are the join's input); the CLI encodes the same raw frames.
        List<Path> segments = new ArrayList<>();
        long start = System.nanoTime();
        for (int s = 0; s < segmentCount; s++) {
            Path segment = work.resolve(String.format(Locale.ROOT, "seg-%03d.mp4", s));
            try (ShotEncoder encoder = new ShotEncoder(segment, settings)) {
                for (BufferedImage frame : frames) {
                    encoder.write(frame);
                }
            }
            segments.add(segment);
        }
        double oursEncode = fps((long) segmentCount * framesPerSegment, System.nanoTime() - start);

        int cliRuns = Math.max(1, Math.min(segmentCount, 4));
        List<String> cliEncode = new ArrayList<>(List.of(ffmpeg, "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgr24",
                "-s", W + "x" + H, "-r", String.valueOf(FPS), "-i", raw.toString(), "-c:v", "libx264",
                "-preset", settings.preset(), "-crf", String.valueOf(settings.crf()), "-pix_fmt", "yuv420p"));
        double cliEncode0 = timeCli(cliEncode, work.resolve("cli-encode.mp4"), cliRuns, framesPerSegment);
        List<String> cliMatched = new ArrayList<>(cliEncode);
        cliMatched.addAll(List.of("-threads", String.valueOf(ShotEncoder.DEFAULT_THREADS), "-x264-params", "mbtree=0"));
        double cliEncodeMatched = timeCli(cliMatched, work.resolve("cli-encode-matched.mp4"), cliRuns, framesPerSegment);

        System.out.printf(Locale.ROOT, "encode  ours (ShotEncoder, threads=%d, mbtree=0): %7.1f frames/s%n",
                ShotEncoder.DEFAULT_THREADS, oursEncode);
        System.out.printf(Locale.ROOT, "encode  ffmpeg CLI (defaults: auto threads, mbtree on): %7.1f frames/s   ratio ours/cli %.2f%n",
                cliEncode0, oursEncode / cliEncode0);
        System.out.printf(Locale.ROOT, "encode  ffmpeg CLI (-threads %d -x264-params mbtree=0):  %7.1f frames/s   ratio ours/cli %.2f%n",
                ShotEncoder.DEFAULT_THREADS, cliEncodeMatched, oursEncode / cliEncodeMatched);

        // Join: the same segments, JOIN_REPEATS times each, alternating.
        long totalFrames = (long) segmentCount * framesPerSegment;
        Path list = work.resolve("list.txt");
        StringBuilder listText = new StringBuilder();
        for (Path segment : segments) {
            listText.append("file '").append(segment.toAbsolutePath()).append("'\n");
        }
        Files.writeString(list, listText, StandardCharsets.UTF_8);
        Path oursOut = work.resolve("joined-ours.mp4");
        Path cliOut = work.resolve("joined-cli.mp4");
        List<String> concat = List.of(ffmpeg, "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", list.toString(),
                "-c", "copy", "-movflags", "+faststart", cliOut.toString());
        long[] ours = new long[JOIN_REPEATS];
        long[] cli = new long[JOIN_REPEATS];
        SegmentJoiner joiner = new SegmentJoiner();
        for (int r = 0; r < JOIN_REPEATS; r++) {
            long t = System.nanoTime();
            SegmentJoiner.Result result = joiner.join(segments, oursOut);
            ours[r] = System.nanoTime() - t;
            if (result.frames() != totalFrames) {
                throw new IllegalStateException("joiner wrote " + result.frames() + " frames, expected " + totalFrames);
            }
            t = System.nanoTime();
            run(concat);
            cli[r] = System.nanoTime() - t;
        }
        long oursPackets = countPackets(ffprobe, oursOut);
        long cliPackets = countPackets(ffprobe, cliOut);
        System.out.printf(Locale.ROOT, "join    %d frames; output packets ours %d, cli %d; sizes ours %d B, cli %d B%n",
                totalFrames, oursPackets, cliPackets, Files.size(oursOut), Files.size(cliOut));
        System.out.printf(Locale.ROOT, "join    ours (SegmentJoiner): first %7.0f frames/s, median %7.0f frames/s (%.0f ms)%n",
                fps(totalFrames, ours[0]), fps(totalFrames, median(ours)), median(ours) / 1e6);
        System.out.printf(Locale.ROOT, "join    ffmpeg CLI concat -c copy:  first %7.0f frames/s, median %7.0f frames/s (%.0f ms, process start included)%n",
                fps(totalFrames, cli[0]), fps(totalFrames, median(cli)), median(cli) / 1e6);
        System.out.printf(Locale.ROOT, "join    ratio ours/cli (medians): %.2f   (goal >= 0.5)%n",
                (double) median(cli) / median(ours));
        boolean same = frameHashes(ffmpeg, oursOut).equals(frameHashes(ffmpeg, cliOut));
        System.out.println("join    decoded frames of ours and the CLI's output identical (framemd5): " + same);
    }

    /** A frame with a gradient sky, moving discs and a moving textured band, so x264 has real work. */
    private static BufferedImage draw(int i) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(30, 60, 120), 0, H, new Color(230, 180, 120)));
            g.fillRect(0, 0, W, H);
            for (int d = 0; d < 12; d++) {
                g.setColor(Color.getHSBColor(d / 12f, 0.7f, 0.9f));
                int x = (int) (W / 2 + Math.cos(i * 0.08 + d) * (200 + d * 25));
                int y = (int) (H / 2 + Math.sin(i * 0.11 + d * 1.3) * (120 + d * 10));
                g.fillOval(x - 40, y - 40, 80 + d * 4, 80 + d * 4);
            }
            for (int x = -40; x < W + 40; x += 16) {
                g.setColor(((x / 16) & 1) == 0 ? new Color(60, 90, 40) : new Color(90, 130, 60));
                g.fillRect(x + (i * 5) % 32, H - 140, 16, 140);
            }
            g.setColor(Color.WHITE);
            g.drawString("storyreel bench frame " + i, 40, 60);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static double timeCli(List<String> command, Path out, int runs, int frames) throws Exception {
        List<String> full = new ArrayList<>(command);
        full.add(out.toString());
        long t = System.nanoTime();
        for (int r = 0; r < runs; r++) {
            run(full);
        }
        return fps((long) runs * frames, System.nanoTime() - t);
    }

    private static List<String> frameHashes(String ffmpeg, Path file) throws Exception {
        return run(List.of(ffmpeg, "-v", "error", "-i", file.toString(), "-map", "0:v:0", "-f", "framemd5", "-"))
                .lines().filter(l -> !l.startsWith("#")).map(l -> l.substring(l.lastIndexOf(',') + 1).trim()).toList();
    }

    private static long countPackets(String ffprobe, Path file) throws Exception {
        return Long.parseLong(run(List.of(ffprobe, "-v", "error", "-select_streams", "v:0", "-count_packets",
                "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", file.toString())).trim());
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = FfmpegTools.process(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("exit " + p.exitValue() + " from " + command + ": " + out);
        }
        return out;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double fps(long frames, long nanos) {
        return frames / (nanos / 1e9);
    }
}
