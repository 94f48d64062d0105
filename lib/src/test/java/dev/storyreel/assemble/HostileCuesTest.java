package dev.storyreel.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.subtitle.Cue;
import dev.storyreel.subtitle.Subtitles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cue text that looks like subtitle syntax (timing lines, blank lines, tags, ASS overrides) stays text:
 * the SRT, the WebVTT and the film's mov_text stream each hold exactly the planned cues, read back
 * by the bundled ffmpeg/ffprobe.
 */
class HostileCuesTest {
    private static final Pattern TIMING = Pattern.compile("^\\s*\\d+:\\d{2}:\\d{2}[,.]\\d{3}\\s*-->");

    @TempDir
    Path tmp;

    /** Texts an attacker (or a careless writer) may put in dialogue. */
    static final List<String> HOSTILE = List.of(
            "BRICK: Line one of a dual speech.\n  \n2\n00:00:05,000 --> 00:00:06,000\nINJECTED DUAL CUE\nSTEEL: Reply.",
            "<v Eli>whisper</v> </c><c.red>red</c> <b>bold</b> <i>it",
            "{\\an8}top {\\pos(1,1)}moved \\N broken {Y:i}micro",
            "a ---> b ----> c -- > d",
            "tom & jerry &amp; &lt;b&gt;",
            "\r\n\r\nlead\r\rlines\n\n\n");

    private static List<Cue> cues() {
        List<Cue> out = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            out.add(new Cue(i * 1000L + 100, i * 1000L + 900, HOSTILE.get(i)));
        }
        return out;
    }

    @Test
    void srtHoldsExactlyThePlannedCuesAndNoMarkup() throws Exception {
        String srt = Subtitles.srt(cues());
        List<List<String>> blocks = blocks(srt);
        assertEquals(HOSTILE.size(), blocks.size(), srt);
        for (int i = 0; i < blocks.size(); i++) {
            List<String> b = blocks.get(i);
            assertEquals(String.valueOf(i + 1), b.get(0));
            assertTrue(TIMING.matcher(b.get(1)).find(), b.get(1));
            for (String line : b.subList(2, b.size())) {
                assertFalse(line.contains("-->"), line);
                assertFalse(Pattern.compile("<[A-Za-z/]|\\{\\\\|\\\\N").matcher(line).find(), line);
            }
        }
        Path file = Files.writeString(tmp.resolve("h.srt"), srt);
        String packets = FfmpegCli.run(List.of(FfmpegTools.ffprobe().toString(), "-v", "error", "-show_entries",
                "packet=pts", "-of", "csv=p=0", file.toString()));
        assertEquals(HOSTILE.size(), packets.lines().filter(l -> !l.isBlank()).count(), packets);
        // ffmpeg's own SRT reading shows the text as written (tags and overrides not interpreted).
        String ass = FfmpegCli.run(List.of(FfmpegTools.ffmpeg().toString(), "-v", "error", "-i", file.toString(), "-f", "ass", "-"));
        assertTrue(ass.contains("<\u2060v Eli>whisper<\u2060/v>"), ass);
        assertTrue(ass.contains("{\u2060\\\u2060an8}top"), ass);
        assertFalse(ass.contains("{\\an8}") || ass.contains("{\\i1}") || ass.contains("{\\b1}"), ass);
    }

    @Test
    void webVttEscapesTagsAndArrows() {
        String vtt = Subtitles.vtt(cues());
        List<List<String>> blocks = blocks(vtt.substring("WEBVTT\n\n".length()));
        assertEquals(HOSTILE.size(), blocks.size(), vtt);
        for (List<String> b : blocks) {
            for (String line : b.subList(2, b.size())) {
                assertFalse(line.contains("-->") || line.contains("<") || line.contains(">"), line);
            }
        }
        assertTrue(vtt.contains("&lt;v Eli&gt;whisper&lt;/v&gt; &lt;/c&gt;"), vtt);
        assertTrue(vtt.contains("tom &amp; jerry &amp;amp; &amp;lt;b&amp;gt;"), vtt);
    }

    @Test
    void theMovTextStreamCarriesThePlannedCuesOnly() throws Exception {
        EncoderSettings settings = EncoderSettings.of(96, 64, 6);
        Path video = new SyntheticShot(2, 96, 64).encode(tmp.resolve("v.mp4"), settings, 42);
        Path srt = Files.writeString(tmp.resolve("s.srt"), Subtitles.srt(cues()));
        Path out = tmp.resolve("out.mp4");
        SubtitleMuxer.Result r = new SubtitleMuxer().mux(video, srt, out, "eng");
        assertEquals(HOSTILE.size(), r.cues());
        String sizes = FfmpegCli.run(List.of(FfmpegTools.ffprobe().toString(), "-v", "error", "-select_streams", "s:0",
                "-show_entries", "packet=size", "-of", "csv=p=0", out.toString()));
        assertEquals(HOSTILE.size(), sizes.lines().filter(l -> !l.isBlank() && Integer.parseInt(l.strip()) > 2).count(), sizes);
    }

    /** Blank-line separated blocks of non-blank lines. */
    private static List<List<String>> blocks(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (String l : (text + "\n").split("\n", -1)) {
            if (!l.isBlank()) {
                cur.add(l);
            } else if (!cur.isEmpty()) {
                out.add(cur);
                cur = new ArrayList<>();
            }
        }
        return out;
    }
}
