package dev.storyreel.assemble;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Loader;

/**
 * Paths of the {@code ffmpeg} and {@code ffprobe} programs that ship inside the bytedeco FFmpeg jar
 * (extracted by JavaCPP into its cache, {@code ~/.javacpp/cache} by default, on first use).
 *
 * <p>Two things the jar alone does not cover. The programs link libavdevice, which needs the
 * system's PulseAudio client library ({@code libpulse.so.0}, Debian package {@code libpulse0});
 * without it nothing can be loaded and these methods throw {@link IllegalStateException} saying so.
 * And the jar ships libva as {@code libva.so}/{@code libva-drm.so} while the programs ask for their
 * sonames {@code libva.so.2}/{@code libva-drm.so.2}: these methods add those links beside the
 * extracted programs. The libraries carry no run path of their own, so the programs must run with
 * their folder on {@code LD_LIBRARY_PATH}: start them with {@link #process(List)}.
 * {@link ShotEncoder} and {@link SegmentJoiner} need none of this.
 */
public final class FfmpegTools {

    /** Soname the programs need → file name JavaCPP extracts it under. */
    private static final Map<String, String> SONAME_LINKS = Map.of("libva.so.2", "libva.so", "libva-drm.so.2", "libva-drm.so");

    private FfmpegTools() {
    }

    /** The {@code ffmpeg} executable, ready to run. */
    public static Path ffmpeg() {
        return load(org.bytedeco.ffmpeg.ffmpeg.class, "ffmpeg");
    }

    /** The {@code ffprobe} executable, ready to run. */
    public static Path ffprobe() {
        return load(org.bytedeco.ffmpeg.ffprobe.class, "ffprobe");
    }

    /**
     * A process builder for {@code command}, whose first element is {@link #ffmpeg()} or
     * {@link #ffprobe()}, with the program's folder (its shared libraries) first on
     * {@code LD_LIBRARY_PATH}.
     */
    public static ProcessBuilder process(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        String libraries = Path.of(command.get(0)).toAbsolutePath().getParent().toString();
        String inherited = builder.environment().get("LD_LIBRARY_PATH");
        builder.environment().put("LD_LIBRARY_PATH",
                inherited == null || inherited.isEmpty() ? libraries : libraries + ":" + inherited);
        return builder;
    }

    private static Path load(Class<?> program, String name) {
        String path;
        try {
            path = Loader.load(program);
        } catch (LinkageError e) {
            throw new IllegalStateException("cannot load the bundled " + name + " (" + e + "); its libavdevice needs "
                    + "libpulse.so.0 from the system (Debian: apt-get install libpulse0)", e);
        }
        if (path == null) {
            throw new IllegalStateException("the bytedeco FFmpeg jar for " + Loader.getPlatform() + " has no " + name);
        }
        Path executable = Path.of(path);
        linkSonames(executable.getParent());
        return executable;
    }

    private static void linkSonames(Path dir) {
        for (Map.Entry<String, String> link : SONAME_LINKS.entrySet()) {
            Path soname = dir.resolve(link.getKey());
            Path file = dir.resolve(link.getValue());
            if (Files.exists(file) && !Files.exists(soname)) {
                try {
                    Files.createSymbolicLink(soname, file.getFileName());
                } catch (FileAlreadyExistsException e) {
                    // Another process made it first.
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot link " + soname + " -> " + file, e);
                }
            }
        }
    }
}
