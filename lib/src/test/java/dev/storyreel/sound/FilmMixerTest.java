package dev.storyreel.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.assemble.FfmpegCli;
import dev.storyreel.shot.Setting;
import dev.storyreel.sound.mix.AudioMuxer;
import dev.storyreel.sound.mix.FilmMixer;
import dev.storyreel.sound.mix.SceneSpan;
import dev.storyreel.sound.score.Composer;
import dev.storyreel.sound.score.CueSpec;
import dev.storyreel.sound.score.TimedMessage;
import dev.storyreel.sound.voice.Delivery;
import dev.storyreel.sound.voice.EspeakEngine;
import dev.storyreel.sound.voice.LineRequest;
import dev.storyreel.sound.voice.Voice;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ten-second film mixed end to end (espeak-ng voices, Gervill score, generated ambience) and muxed
 * into a video: checked with the ffmpeg/ffprobe programs, not with the code that made it.
 */
class FilmMixerTest {
    private static final int RATE = FilmMixer.RATE;
    @TempDir
    static Path tmp;
    static EspeakEngine engine;

    @BeforeAll
    static void engine() throws Exception {
        FfmpegCli.requireRunnable();
        engine = EspeakEngine.open();
    }

    private FilmMixer.Result mix(Path dir) throws Exception {
        Voice marta = new Voice(engine.name(), "f2", 55, 165);
        Voice ivo = new Voice(engine.name(), "m3", 35, 160);
        List<SpottedLine> lines = List.of(
                new SpottedLine(new LineRequest("Who keeps the lamp tonight?", marta, "en", Delivery.NORMAL),
                        (long) (1.08 * RATE), (long) (2.72 * RATE), 0, 2.9, 1),
                new SpottedLine(new LineRequest("Nobody. Go home, the tide is turning and the whole harbour knows it.",
                        ivo, "en", Delivery.SHOUT), (long) (6.08 * RATE), (long) (1.7 * RATE), 0, 2.0, 2));
        List<SceneSpan> scenes = List.of(new SceneSpan(0, 4L * RATE, new Setting(Setting.Exposure.INT, "KITCHEN", "NIGHT")),
                new SceneSpan(4L * RATE, 10L * RATE, new Setting(Setting.Exposure.EXT, "HARBOUR WALL", "NIGHT")));
        List<TimedMessage> score = Composer.film(7, List.of(new CueSpec(0, 4, "NIGHT", false, "noir", 2.0),
                new CueSpec(4, 10, "NIGHT", true, "noir", 2.5)), 10.0);
        FilmMixer.Outputs out = new FilmMixer.Outputs(dir.resolve("dialogue.wav"), dir.resolve("music.wav"),
                dir.resolve("ambience.wav"), dir.resolve("master.m4a"));
        return new FilmMixer(7, LoudnessTarget.EBU).mix(10L * RATE, scenes, lines, score,
                l -> engine.speak(l.request()), dir.resolve("work"), out);
    }

    @Test
    void mixesToBroadcastLoudnessWithSpeechInsideItsShotsAndMuxesBesideTheVideo() throws Exception {
        Path a = tmp.resolve("a");
        FilmMixer.Result r = mix(a);
        Path video = AudioProbe.video(tmp.resolve("v.mp4"), 60, 6);
        Path film = tmp.resolve("film.mp4");
        AudioMuxer.mux(video, a.resolve("master.m4a"), film);

        String[] s = AudioProbe.audioStream(film);
        assertEquals("aac", s[0], String.join(",", s));
        assertEquals("LC", s[1]);
        assertEquals("48000", s[2]);
        assertEquals("2", s[3]);
        double vd = AudioProbe.videoDuration(film);
        assertTrue(Math.abs(Double.parseDouble(s[4]) - vd) < 1.0 / 6, "audio " + s[4] + " s vs video " + vd + " s");
        assertEquals(FfmpegCli.frameMd5(video), FfmpegCli.frameMd5(film), "video packets copied");

        double[] ebu = AudioProbe.ebur128(film);
        assertEquals(-23.0, ebu[0], 0.5, "integrated loudness by the ffmpeg program");
        assertTrue(ebu[1] <= -1.0, "true peak " + ebu[1]);
        Loudness ours = LoudnessMeter.measure(film);
        assertEquals(ebu[0], ours.integratedLufs(), 0.2, "our meter agrees with the ffmpeg program");
        assertEquals(ebu[1], ours.truePeakDbtp(), 0.5);

        short[] dlg = AudioProbe.mono(a.resolve("dialogue.wav"), 16000);
        assertEquals(10 * 16000, dlg.length, 16, "stems are as long as the film");
        double speech1 = AudioProbe.levelDb(dlg, 16000, 1.0, 3.8);
        double speech2 = AudioProbe.levelDb(dlg, 16000, 6.0, 7.8);
        assertTrue(speech1 > -40 && speech2 > -40, speech1 + " / " + speech2);
        assertEquals(Double.NEGATIVE_INFINITY, AudioProbe.levelDb(dlg, 16000, 0, 1.0));
        assertEquals(Double.NEGATIVE_INFINITY, AudioProbe.levelDb(dlg, 16000, 3.85, 6.0), "line 1 over before its cut");
        assertEquals(Double.NEGATIVE_INFINITY, AudioProbe.levelDb(dlg, 16000, 7.85, 10), "the long shouted line was fitted");
        assertTrue(r.fits().get(1).tempo() > 1.0, "the long line was time-scaled: " + r.fits().get(1));
        assertEquals(1.0, r.fits().get(0).tempo());

        short[] music = AudioProbe.mono(a.resolve("music.wav"), 16000);
        short[] amb = AudioProbe.mono(a.resolve("ambience.wav"), 16000);
        assertTrue(AudioProbe.levelDb(music, 16000, 0, 10) > -60, "music sounds");
        assertTrue(AudioProbe.levelDb(music, 16000, 4.2, 5.8) > AudioProbe.levelDb(music, 16000, 1.5, 3.5) + 3,
                "music ducks under speech");
        for (double t = 0; t < 10; t += 0.5) {
            assertTrue(AudioProbe.levelDb(amb, 16000, t, t + 0.5) > -70, "ambience under " + t + " s");
        }

        Path b = tmp.resolve("b");
        mix(b);
        assertEquals(AudioProbe.md5(a.resolve("master.m4a")), AudioProbe.md5(b.resolve("master.m4a")), "same inputs, same PCM");
        assertEquals(AudioProbe.md5(a.resolve("dialogue.wav")), AudioProbe.md5(b.resolve("dialogue.wav")));
    }
}
