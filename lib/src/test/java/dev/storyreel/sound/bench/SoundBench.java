package dev.storyreel.sound.bench;

import dev.storyreel.shot.Setting;
import dev.storyreel.sound.LoudnessMeter;
import dev.storyreel.sound.LoudnessTarget;
import dev.storyreel.sound.SpottedLine;
import dev.storyreel.sound.mix.Ambience;
import dev.storyreel.sound.mix.FilmMixer;
import dev.storyreel.sound.mix.SceneSpan;
import dev.storyreel.sound.score.Composer;
import dev.storyreel.sound.score.CueSpec;
import dev.storyreel.sound.score.MidiRenderer;
import dev.storyreel.sound.score.TimedMessage;
import dev.storyreel.sound.voice.Delivery;
import dev.storyreel.sound.voice.EspeakEngine;
import dev.storyreel.sound.voice.LineRequest;
import dev.storyreel.sound.voice.Speech;
import dev.storyreel.sound.voice.Voice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark behind {@code bench/sound-bench.sh}: for a film of SECONDS seconds with a line every three
 * seconds, times voice synthesis (espeak-ng), the score (Gervill, offline), ambience, the ebur128 meter,
 * and the whole two-pass mix (stems, AAC master).
 *
 * <p>Arguments: film seconds, work folder.
 */
public final class SoundBench {
    private static final int RATE = FilmMixer.RATE;
    private static final String[] WORDS = ("the lamp has burned every night for forty years and tonight it will burn "
            + "again whatever the sea says hold the gate I have a concert in the morning on the other side").split(" ");

    private SoundBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        EspeakEngine engine = EspeakEngine.open();
        List<SpottedLine> lines = new ArrayList<>();
        List<Speech> speech = new ArrayList<>();
        double spoken = 0;
        long t0 = System.nanoTime();
        for (int at = 1, i = 0; at + 3 <= seconds; at += 3, i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 6; w++) {
                text.append(w == 0 ? "" : " ").append(WORDS[(i * 7 + w) % WORDS.length]);
            }
            Voice v = new Voice(engine.name(), i % 2 == 0 ? "f2" : "m3", i % 2 == 0 ? 60 : 35, 165);
            LineRequest r = new LineRequest(text + ".", v, "en", Delivery.NORMAL);
            Speech s = engine.speak(r);
            spoken += s.seconds();
            speech.add(s);
            lines.add(new SpottedLine(r, (long) (at + 0.08) * RATE, (long) (2.7 * RATE), 0, 3.0, 1));
        }
        double synth = secs(t0);
        List<SceneSpan> scenes = List.of(new SceneSpan(0, (long) seconds * RATE / 2, new Setting(Setting.Exposure.INT, "KITCHEN", "NIGHT")),
                new SceneSpan((long) seconds * RATE / 2, (long) seconds * RATE, new Setting(Setting.Exposure.EXT, "HARBOUR", "NIGHT")));
        List<TimedMessage> score = Composer.film(7, List.of(new CueSpec(0, seconds / 2.0, "NIGHT", false, "", 2.5),
                new CueSpec(seconds / 2.0, seconds, "NIGHT", true, "", 3.0)), seconds);
        float[] l = new float[RATE / 10];
        float[] r = new float[RATE / 10];
        long t1 = System.nanoTime();
        try (MidiRenderer m = new MidiRenderer(score, RATE)) {
            for (int c = 0; c < seconds * 10; c++) {
                m.read(l, r, l.length);
            }
        }
        double music = secs(t1);
        long t2 = System.nanoTime();
        Ambience a = new Ambience(7, scenes.get(1).setting(), RATE);
        for (int c = 0; c < seconds * 10; c++) {
            a.add(l, r, 0, l.length, 1.0);
        }
        double ambience = secs(t2);
        long t3 = System.nanoTime();
        try (LoudnessMeter meter = new LoudnessMeter(RATE, 2)) {
            for (int c = 0; c < seconds * 10; c++) {
                meter.add(l, r, l.length);
            }
            meter.finish();
        }
        double meter = secs(t3);
        Files.createDirectories(work);
        long t4 = System.nanoTime();
        long c4 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        FilmMixer.Result res = new FilmMixer(7, LoudnessTarget.EBU).mix((long) seconds * RATE, scenes, lines, score,
                line -> speech.get(lines.indexOf(line)), work.resolve("scratch"), new FilmMixer.Outputs(
                        work.resolve("d.wav"), work.resolve("m.wav"), work.resolve("a.wav"), work.resolve("master.m4a")));
        double mix = secs(t4);
        double mixCpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c4) / 1e9;
        System.out.printf(Locale.ROOT, "film %d s, %d lines, %.1f s spoken%n", seconds, lines.size(), spoken);
        System.out.printf(Locale.ROOT, "voice synthesis (espeak-ng %s): %.2f s, %.2f s per minute of dialogue%n",
                engine.version(), synth, synth / spoken * 60);
        System.out.printf(Locale.ROOT, "score render (Gervill, 48 kHz stereo): %.2f s (%.1fx real time)%n", music, seconds / music);
        System.out.printf(Locale.ROOT, "ambience: %.2f s; ebur128 meter: %.2f s%n", ambience, meter);
        System.out.printf(Locale.ROOT, "whole mix (2 passes, stems, AAC): %.2f s wall, %.2f s CPU (%.1fx real time), "
                + "master %.2f LUFS %.2f dBTP, LRA %.1f LU%n", mix, mixCpu, seconds / mix, res.master().integratedLufs(),
                res.master().truePeakDbtp(), res.master().rangeLu());
        System.out.printf(Locale.ROOT, "load average while measuring: %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
