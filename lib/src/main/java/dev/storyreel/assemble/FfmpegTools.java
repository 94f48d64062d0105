package dev.storyreel.assemble;

import java.nio.file.Path;
import org.bytedeco.javacpp.Loader;

/**
 * Paths of the {@code ffmpeg} and {@code ffprobe} programs that ship inside the bytedeco FFmpeg jar
 * (extracted by JavaCPP into its cache, {@code ~/.javacpp/cache} by default, on first use).
 *
 * <p>The bundled programs link libavdevice, which needs the system's PulseAudio client library
 * ({@code libpulse.so.0}; Debian package {@code libpulse0}). Without it they cannot be extracted or
 * run, and these methods throw {@link IllegalStateException} saying so. {@link ShotEncoder} and
 * {@link SegmentJoiner} do not use libavdevice and work without it.
 */
public final class FfmpegTools {

    private FfmpegTools() {
    }

    /** The {@code ffmpeg} executable. */
    public static Path ffmpeg() {
        return load(org.bytedeco.ffmpeg.ffmpeg.class, "ffmpeg");
    }

    /** The {@code ffprobe} executable. */
    public static Path ffprobe() {
        return load(org.bytedeco.ffmpeg.ffprobe.class, "ffprobe");
    }

    private static Path load(Class<?> program, String name) {
        try {
            String path = Loader.load(program);
            if (path == null) {
                throw new IllegalStateException("the bytedeco FFmpeg jar for " + Loader.getPlatform() + " has no " + name);
            }
            return Path.of(path);
        } catch (LinkageError e) {
            throw new IllegalStateException("cannot load the bundled " + name + " (" + e + "); its libavdevice needs "
                    + "libpulse.so.0 from the system (Debian: apt-get install libpulse0)", e);
        }
    }
}
