package dev.storyreel.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.subtitle.Cue;
import dev.storyreel.subtitle.Subtitles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SubtitleMuxer: a mov_text stream next to the copied video, cues read back by the ffmpeg CLI. */
class SubtitleMuxerTest {
    @TempDir
    Path tmp;

    @Test
    void muxesCuesAsMovTextAndKeepsEveryVideoFrame() throws Exception {
        EncoderSettings settings = EncoderSettings.of(96, 64, 6);
        Path video = new SyntheticShot(1, 96, 64).encode(tmp.resolve("v.mp4"), settings, 30);
        List<Cue> cues = List.of(new Cue(500, 1500, "Who's there?"), new Cue(2000, 4500, "MARTA: Nobody.\nGo home — now."));
        Path srt = Files.writeString(tmp.resolve("s.srt"), Subtitles.srt(cues));
        Path out = tmp.resolve("out.mp4");

        SubtitleMuxer.Result r = new SubtitleMuxer().mux(video, srt, out, "eng");

        assertEquals(2, r.cues());
        assertEquals(30, r.videoPackets());
        String streams = FfmpegCli.run(List.of(FfmpegTools.ffprobe().toString(), "-v", "error", "-show_entries",
                "stream=codec_type,codec_name:stream_tags=language", "-of", "csv=p=0", out.toString()));
        assertTrue(streams.contains("video,h264") || streams.contains("h264,video"), streams);
        assertTrue(streams.contains("mov_text"), streams);
        assertTrue(streams.contains("eng"), streams);
        assertEquals(FfmpegCli.frameMd5(video), FfmpegCli.frameMd5(out));
        String back = FfmpegCli.run(List.of(FfmpegTools.ffmpeg().toString(), "-v", "error", "-i", out.toString(),
                "-map", "0:s:0", "-f", "srt", "-")).replace("\r\n", "\n");
        assertTrue(back.contains("00:00:00,500 --> 00:00:01,500\nWho's there?"), back);
        assertTrue(back.contains("00:00:02,000 --> 00:00:04,500\nMARTA: Nobody.\nGo home — now."), back);
        String raw = new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(raw.indexOf("moov") > 0 && raw.indexOf("moov") < raw.indexOf("mdat"), "faststart: moov before mdat");
    }
}
