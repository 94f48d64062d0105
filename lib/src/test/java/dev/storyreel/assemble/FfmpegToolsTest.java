package dev.storyreel.assemble;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfmpegToolsTest {

    @Test
    void bundledProgramsRunAndCarryLibx264() throws Exception {
        FfmpegCli.requireRunnable();
        assertTrue(Files.isExecutable(FfmpegTools.ffmpeg()));
        assertTrue(Files.isExecutable(FfmpegTools.ffprobe()));
        String encoders = FfmpegCli.run(List.of(FfmpegTools.ffmpeg().toString(), "-hide_banner", "-encoders"));
        assertTrue(encoders.contains("libx264"), "the -gpl build has libx264");
        assertTrue(FfmpegCli.run(List.of(FfmpegTools.ffprobe().toString(), "-version")).startsWith("ffprobe version"));
    }
}
