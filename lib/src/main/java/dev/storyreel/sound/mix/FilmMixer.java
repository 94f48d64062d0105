package dev.storyreel.sound.mix;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;

import dev.storyreel.sound.LoudnessTarget;
import dev.storyreel.sound.Loudness;
import dev.storyreel.sound.LoudnessMeter;
import dev.storyreel.sound.SpottedLine;
import dev.storyreel.sound.score.MidiRenderer;
import dev.storyreel.sound.score.TimedMessage;
import dev.storyreel.sound.voice.Speech;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Mixes one film variant's soundtrack a chunk at a time (memory bounded by a chunk and the few lines
 * playing, never the film): dialogue lines fitted into their shots, the score ducked under speech,
 * an ambience bed per scene crossfaded at scene changes. The first pass writes the three stems to
 * scratch files and measures the mix's loudness; the second applies the gain that brings it to the
 * delivery profile, limits true peaks, and encodes the master as AAC-LC 48 kHz stereo; the stems are
 * then written as WAV with the same gain, aligned with the film's first frame.
 */
public final class FilmMixer {
    /** The mix's sample rate. */
    public static final int RATE = 48000;
    private static final int CHUNK = RATE / 10;
    private static final double MUSIC_GAIN = Math.pow(10, 2 / 20.0);
    private static final double DUCK = Math.pow(10, -10 / 20.0);
    private static final double AMBIENCE_GAIN = 1.0;
    private static final int CROSSFADE = RATE / 20;
    private static final long LOOKAHEAD = RATE / 2;
    private static final long DUCK_BEFORE = RATE * 15 / 100;
    private static final long DUCK_AFTER = RATE / 10;

    /** Loads a line's synthesised speech (from the audio table, a cache, or an engine). */
    public interface LineSource {
        /** The speech of {@code line}. */
        Speech load(SpottedLine line) throws IOException;
    }

    /**
     * Where the mix goes.
     *
     * @param dialogue stem WAV
     * @param music    stem WAV
     * @param ambience stem WAV
     * @param master   the encoded soundtrack (an .m4a, muxed into the film afterwards)
     */
    public record Outputs(Path dialogue, Path music, Path ambience, Path master) {
    }

    /**
     * How one line was fitted.
     *
     * @param line      the line
     * @param spoken    seconds the engine spoke (trimmed)
     * @param available seconds its shot allowed
     * @param tempo     time-scale factor (1: fitted as spoken)
     */
    public record LineFit(SpottedLine line, double spoken, double available, double tempo) {
    }

    /**
     * What a mix did.
     *
     * @param raw     loudness before normalisation
     * @param master  loudness of the master (before AAC)
     * @param gainDb  normalisation gain
     * @param samples samples per channel
     * @param fits    every line's fit, in timeline order
     */
    public record Result(Loudness raw, Loudness master, double gainDb, long samples, List<LineFit> fits) {
    }

    private final LoudnessTarget profile;
    private final long filmSeed;

    /** A mixer for the film seeded {@code filmSeed}, normalising to {@code profile}. */
    public FilmMixer(long filmSeed, LoudnessTarget profile) {
        this.filmSeed = filmSeed;
        this.profile = profile;
    }

    /**
     * Mixes {@code samples} samples: {@code scenes} in order, {@code lines} sorted by start, {@code score}
     * the music. {@code work} holds scratch files while it runs.
     */
    public Result mix(long samples, List<SceneSpan> scenes, List<SpottedLine> lines, List<TimedMessage> score,
                      LineSource source, Path work, Outputs out) throws IOException {
        Files.createDirectories(work);
        try (StemFile dlg = new StemFile(Files.createTempFile(work, "dialogue", ".f32"));
             StemFile mus = new StemFile(Files.createTempFile(work, "music", ".f32"));
             StemFile amb = new StemFile(Files.createTempFile(work, "ambience", ".f32"))) {
            List<LineFit> fits = new ArrayList<>();
            Loudness raw = firstPass(samples, scenes, lines, score, source, dlg, mus, amb, fits);
            if (!Double.isFinite(raw.integratedLufs())) {
                throw new IOException("the mix is silent: nothing to normalise");
            }
            double gainDb = profile.integratedLufs() - raw.integratedLufs();
            double ceiling = profile.truePeakDbtp() - 1.5;
            Loudness master = null;
            for (int attempt = 0; attempt < 4; attempt++) {
                master = secondPass(samples, dlg, mus, amb, gainDb, ceiling, out.master());
                double miss = profile.integratedLufs() - master.integratedLufs();
                boolean loudOk = Math.abs(miss) <= profile.toleranceLu() * 0.4;
                boolean peakOk = master.truePeakDbtp() <= profile.truePeakDbtp() - 0.5;
                if (loudOk && peakOk) {
                    break;
                }
                if (!peakOk) {
                    ceiling -= master.truePeakDbtp() - (profile.truePeakDbtp() - 0.8);
                }
                gainDb += miss;
            }
            double g = Math.pow(10, gainDb / 20);
            dlg.writeWav(out.dialogue(), RATE, g);
            mus.writeWav(out.music(), RATE, g);
            amb.writeWav(out.ambience(), RATE, g);
            return new Result(raw, master, gainDb, samples, List.copyOf(fits));
        }
    }

    /** A line being played: its fitted samples, placement and pan gains. */
    private record Playing(long start, float[] pcm, float gl, float gr) {
        long end() {
            return start + pcm.length;
        }
    }

    private Loudness firstPass(long samples, List<SceneSpan> scenes, List<SpottedLine> lines, List<TimedMessage> score,
                               LineSource source, StemFile dlg, StemFile mus, StemFile amb, List<LineFit> fits)
            throws IOException {
        float[] dl = new float[CHUNK], dr = new float[CHUNK], ml = new float[CHUNK], mr = new float[CHUNK];
        float[] al = new float[CHUNK], ar = new float[CHUNK], sl = new float[CHUNK], sr = new float[CHUNK];
        List<Playing> playing = new ArrayList<>();
        Map<Integer, Ambience> beds = new LinkedHashMap<>();
        int nextLine = 0;
        double duck = 1.0;
        double attack = 1 - Math.exp(-1.0 / (0.08 * RATE));
        double release = 1 - Math.exp(-1.0 / (0.4 * RATE));
        try (MidiRenderer music = new MidiRenderer(score, RATE); LoudnessMeter meter = new LoudnessMeter(RATE, 2, false)) {
            for (long c0 = 0; c0 < samples; c0 += CHUNK) {
                int n = (int) Math.min(CHUNK, samples - c0);
                long c1 = c0 + n;
                while (nextLine < lines.size() && lines.get(nextLine).startSample() < c1 + LOOKAHEAD) {
                    SpottedLine line = lines.get(nextLine++);
                    LineFitter.Fitted f = LineFitter.fit(source.load(line), line.maxSamples(), RATE,
                            line.request().delivery().gainDb());
                    fits.add(new LineFit(line, f.spoken(), line.maxSamples() / (double) RATE, f.tempo()));
                    double angle = (line.pan() + 1) * Math.PI / 4;
                    playing.add(new Playing(line.startSample(), f.samples(), (float) (Math.cos(angle) * Math.sqrt(2)),
                            (float) (Math.sin(angle) * Math.sqrt(2))));
                }
                java.util.Arrays.fill(dl, 0f);
                java.util.Arrays.fill(dr, 0f);
                java.util.Arrays.fill(al, 0f);
                java.util.Arrays.fill(ar, 0f);
                for (Playing p : playing) {
                    long from = Math.max(c0, p.start());
                    long to = Math.min(c1, p.end());
                    for (long t = from; t < to; t++) {
                        float v = p.pcm()[(int) (t - p.start())];
                        dl[(int) (t - c0)] += v * p.gl();
                        dr[(int) (t - c0)] += v * p.gr();
                    }
                }
                music.read(ml, mr, n);
                for (int i = 0; i < n; i++) {
                    long t = c0 + i;
                    boolean speaking = false;
                    for (Playing p : playing) {
                        if (t >= p.start() - DUCK_BEFORE && t < p.end() + DUCK_AFTER) {
                            speaking = true;
                            break;
                        }
                    }
                    double target = speaking ? DUCK : 1.0;
                    duck += (target - duck) * (target < duck ? attack : release);
                    ml[i] = (float) (ml[i] * MUSIC_GAIN * duck);
                    mr[i] = (float) (mr[i] * MUSIC_GAIN * duck);
                }
                ambience(scenes, beds, c0, n, al, ar);
                for (int i = 0; i < n; i++) {
                    sl[i] = dl[i] + ml[i] + al[i];
                    sr[i] = dr[i] + mr[i] + ar[i];
                }
                dlg.write(dl, dr, n);
                mus.write(ml, mr, n);
                amb.write(al, ar, n);
                meter.add(sl, sr, n);
                playing.removeIf(p -> p.end() + DUCK_AFTER <= c1);
            }
            return meter.finish();
        }
    }

    /** Adds every scene's bed that sounds in [c0, c0+n), each fading in and out over the crossfade. */
    private void ambience(List<SceneSpan> scenes, Map<Integer, Ambience> beds, long c0, int n, float[] al, float[] ar) {
        long c1 = c0 + n;
        for (int s = 0; s < scenes.size(); s++) {
            SceneSpan span = scenes.get(s);
            long from = s == 0 ? 0 : span.startSample() - CROSSFADE / 2;
            long to = s == scenes.size() - 1 ? Long.MAX_VALUE : span.endSample() + CROSSFADE / 2;
            long a = Math.max(c0, from);
            long b = Math.min(c1, to);
            if (a >= b) {
                continue;
            }
            Ambience bed = beds.computeIfAbsent(s, k -> new Ambience(filmSeed, span.setting(), RATE));
            float[] tl = new float[(int) (b - a)];
            float[] tr = new float[(int) (b - a)];
            bed.add(tl, tr, 0, tl.length, AMBIENCE_GAIN);
            for (long t = a; t < b; t++) {
                double env = 1.0;
                if (s > 0 && t < from + CROSSFADE) {
                    env = Math.min(env, (t - from) / (double) CROSSFADE);
                }
                if (s < scenes.size() - 1 && t >= to - CROSSFADE) {
                    env = Math.min(env, (to - t) / (double) CROSSFADE);
                }
                int i = (int) (t - c0);
                al[i] += (float) (tl[(int) (t - a)] * env);
                ar[i] += (float) (tr[(int) (t - a)] * env);
            }
        }
        for (Iterator<Map.Entry<Integer, Ambience>> it = beds.entrySet().iterator(); it.hasNext(); ) {
            int s = it.next().getKey();
            if (s < scenes.size() - 1 && scenes.get(s).endSample() + CROSSFADE / 2 <= c1) {
                it.remove();
            }
        }
    }

    private Loudness secondPass(long samples, StemFile dlg, StemFile mus, StemFile amb, double gainDb, double ceilingDb,
                                Path master) throws IOException {
        double g = Math.pow(10, gainDb / 20);
        float[] dl = new float[CHUNK], dr = new float[CHUNK], ml = new float[CHUNK], mr = new float[CHUNK];
        float[] al = new float[CHUNK], ar = new float[CHUNK], sl = new float[CHUNK], sr = new float[CHUNK];
        float[] inter = new float[2 * CHUNK];
        PeakLimiter limiter = new PeakLimiter(ceilingDb, RATE);
        int skip = limiter.delay();
        Files.createDirectories(master.toAbsolutePath().getParent());
        try (StemFile.Reader rd = dlg.reader(); StemFile.Reader rm = mus.reader(); StemFile.Reader ra = amb.reader();
             LoudnessMeter meter = new LoudnessMeter(RATE, 2);
             FFmpegFrameRecorder rec = new FFmpegFrameRecorder(master.toFile(), 2)) {
            rec.setFormat("mp4");
            rec.setAudioCodec(AV_CODEC_ID_AAC);
            rec.setAudioChannels(2);
            rec.setSampleRate(RATE);
            rec.setAudioBitrate(192_000);
            rec.setAudioOption("profile", "aac_low");
            rec.start();
            for (long c0 = 0; c0 < samples + limiter.delay(); c0 += CHUNK) {
                int n = (int) Math.min(CHUNK, samples + limiter.delay() - c0);
                int real = (int) Math.max(0, Math.min(n, samples - c0));
                rd.read(dl, dr, real);
                rm.read(ml, mr, real);
                ra.read(al, ar, real);
                for (int i = 0; i < n; i++) {
                    sl[i] = i < real ? (float) ((dl[i] + ml[i] + al[i]) * g) : 0f;
                    sr[i] = i < real ? (float) ((dr[i] + mr[i] + ar[i]) * g) : 0f;
                }
                limiter.process(sl, sr, n);
                int from = Math.min(skip, n);
                skip -= from;
                int m = n - from;
                if (m == 0) {
                    continue;
                }
                for (int i = 0; i < m; i++) {
                    inter[2 * i] = sl[from + i];
                    inter[2 * i + 1] = sr[from + i];
                }
                System.arraycopy(sl, from, sl, 0, m);
                System.arraycopy(sr, from, sr, 0, m);
                meter.add(sl, sr, m);
                rec.recordSamples(RATE, 2, FloatBuffer.wrap(inter, 0, 2 * m));
            }
            rec.stop();
            return meter.finish();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("encoding the soundtrack " + master + " failed: " + e.getMessage(), e);
        }
    }
}
