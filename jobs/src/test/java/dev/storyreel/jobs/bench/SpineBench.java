package dev.storyreel.jobs.bench;

import dev.storyreel.assemble.FfmpegTools;
import dev.storyreel.assemble.SegmentJoiner;
import dev.storyreel.frames.FrameCodec;
import dev.storyreel.frames.Images;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures, on the output of a finished run, the two references the job is compared with: the
 * ffmpeg CLI encoding the run's own frames (same size and x264 settings), and the ffmpeg CLI
 * joining the run's own segments with the concat demuxer and stream copy; and our joiner on the
 * same segments. Prints one "key=value" line per figure.
 *
 * <p>Usage: SpineBench OUT FILM_ID FRAMES PRESET CRF
 */
public final class SpineBench {
    private SpineBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String film = args[1];
        int frames = Integer.parseInt(args[2]);
        String preset = args[3];
        String crf = args[4];
        Path scratch = Files.createTempDirectory("spine-bench-");
        String framesTable = "read_parquet('" + out.resolve("frames") + "/**/*.parquet', hive_partitioning=true)";
        String planTable = "read_parquet('" + out.resolve("plan") + "/**/*.parquet', hive_partitioning=true)";
        int width;
        int height;
        int fps;
        List<Path> segments = new ArrayList<>();
        Path raw = scratch.resolve("frames.bgr");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select width, height, fps from " + planTable + " where film_id='" + film + "' limit 1")) {
                r.next();
                width = r.getInt(1);
                height = r.getInt(2);
                fps = r.getInt(3);
            }
            try (ResultSet r = s.executeQuery("select shot_key from " + planTable + " where film_id='" + film
                    + "' order by start_frame")) {
                while (r.next()) {
                    String key = r.getString(1);
                    try (var files = Files.list(out.resolve("segments"))) {
                        segments.add(files.filter(f -> f.getFileName().toString().startsWith(key + "-")).findFirst()
                                .orElseThrow(() -> new IllegalStateException("no segment for " + key)));
                    }
                }
            }
            try (ResultSet r = s.executeQuery("select codec, data from " + framesTable + " where film_id='" + film
                    + "' order by film_frame limit " + frames);
                 OutputStream o = new BufferedOutputStream(Files.newOutputStream(raw), 1 << 20)) {
                int n = 0;
                while (r.next()) {
                    o.write(Images.bgr(FrameCodec.named(r.getString(1)).decode(r.getBytes(2), width, height)));
                    n++;
                }
                frames = n;
            }
        }
        String ffmpeg = FfmpegTools.ffmpeg().toString();
        double encode = time(ffmpeg, "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", width + "x" + height,
                "-r", Integer.toString(fps), "-i", raw.toString(), "-c:v", "libx264", "-preset", preset, "-crf", crf,
                "-pix_fmt", "yuv420p", "-movflags", "+faststart", scratch.resolve("cli.mp4").toString());
        Files.delete(raw);

        long filmFrames = 0;
        StringBuilder list = new StringBuilder();
        for (Path seg : segments) {
            list.append("file '").append(seg.toAbsolutePath()).append("'\n");
        }
        Files.writeString(scratch.resolve("list.txt"), list);
        double concat = time(ffmpeg, "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", scratch.resolve("list.txt").toString(),
                "-c", "copy", "-movflags", "+faststart", scratch.resolve("concat.mp4").toString());
        long t0 = System.nanoTime();
        filmFrames = new SegmentJoiner().join(segments, scratch.resolve("ours.mp4")).frames();
        double ours = (System.nanoTime() - t0) / 1e9;

        System.out.printf(Locale.ROOT, "cli_encode_frames=%d%ncli_encode_seconds=%.3f%ncli_encode_fps=%.1f%n",
                frames, encode, frames / encode);
        System.out.printf(Locale.ROOT, "join_frames=%d%njoin_segments=%d%nours_join_seconds=%.3f%nours_join_fps=%.0f%n"
                + "cli_concat_seconds=%.3f%ncli_concat_fps=%.0f%njoin_ratio=%.2f%n",
                filmFrames, segments.size(), ours, filmFrames / ours, concat, filmFrames / concat, concat / ours);
        try (var files = Files.walk(scratch)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static double time(String... cmd) throws Exception {
        long t0 = System.nanoTime();
        Process p = FfmpegTools.process(List.of(cmd)).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
