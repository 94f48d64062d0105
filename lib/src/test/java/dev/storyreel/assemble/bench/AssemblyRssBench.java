package dev.storyreel.assemble.bench;

import dev.storyreel.assemble.EncoderSettings;
import dev.storyreel.assemble.SegmentJoiner;
import dev.storyreel.assemble.ShotEncoder;
import dev.storyreel.frames.PhotoFrames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Peak resident memory (VmHWM) of assembling a film by joining its shot segments, for a 10-minute
 * and a 120-minute film, each joined in a fresh JVM. The films are 5-second segments (distinct
 * content, cycled) at 320x180, 24 fps. Usage: AssemblyRssBench [SHORT_MIN] [LONG_MIN]  (default 10 120).
 */
public final class AssemblyRssBench {
    private static final int SEGMENT_SECONDS = 5;
    private static final int FPS = 24;
    private static final int DISTINCT = 12;

    private AssemblyRssBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("join")) {
            join(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            return;
        }
        int shortMin = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int longMin = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        Path work = Files.createTempDirectory("storyreel-rss-");
        EncoderSettings settings = new EncoderSettings(320, 180, FPS, "veryfast", 20);
        for (int s = 0; s < DISTINCT; s++) {
            try (ShotEncoder e = new ShotEncoder(work.resolve("seg-" + s + ".mp4"), settings)) {
                for (int f = 0; f < SEGMENT_SECONDS * FPS; f++) {
                    e.write(PhotoFrames.frame(320, 180, s, f));
                }
            }
        }
        long a = child(work, shortMin);
        long b = child(work, longMin);
        System.out.printf(Locale.ROOT, "join %d-min film: peak RSS %d MB; %d-min film: %d MB; ratio %.3f%n",
                shortMin, a >> 10, longMin, b >> 10, (double) b / a);
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Runs the join of a {@code minutes}-long film in a new JVM (same heap settings); its peak RSS in kB. */
    private static long child(Path work, int minutes) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), AssemblyRssBench.class.getName(), "join",
                work.toString(), String.valueOf(minutes), work.resolve("film-" + minutes + ".mp4").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("join child failed: " + out);
        }
        System.out.print(out);
        String line = out.lines().filter(l -> l.startsWith("VmHWM")).findFirst().orElseThrow();
        return Long.parseLong(line.replaceAll("\\D", ""));
    }

    private static void join(Path work, int minutes, Path film) throws Exception {
        int count = minutes * 60 / SEGMENT_SECONDS;
        List<Path> segments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            segments.add(work.resolve("seg-" + (i % DISTINCT) + ".mp4"));
        }
        SegmentJoiner.Result r = new SegmentJoiner().join(segments, film);
        System.out.printf(Locale.ROOT, "%d-min film: %d segments, %d frames, %d bytes%n", minutes, r.segments(), r.frames(),
                Files.size(film));
        Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .forEach(System.out::println);
    }
}
