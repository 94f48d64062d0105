package dev.storyreel.jobs.stage;

import dev.storyreel.jobs.run.Failures;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.sound.FilmSound;
import dev.storyreel.sound.LoudnessTarget;
import dev.storyreel.sound.SpottedLine;
import dev.storyreel.sound.mix.AudioMuxer;
import dev.storyreel.sound.mix.FilmMixer;
import dev.storyreel.sound.voice.LineRequest;
import dev.storyreel.sound.voice.Speech;
import dev.storyreel.sound.voice.Voice;
import dev.storyreel.sound.voice.VoiceEngine;
import dev.storyreel.sound.voice.VoiceEngines;
import dev.storyreel.subtitle.Translation;
import dev.storyreel.trailer.TrailerCut;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The sound stage's executor work: synthesising lines (one engine per task) and mixing a deliverable's
 * soundtrack from rows of the audio table streamed in line order, then muxing it into the film.
 */
public final class SoundWork {
    private SoundWork() {
    }

    /**
     * One line to synthesise.
     *
     * @param key     its audio key
     * @param request what to say
     */
    public record Line(String key, LineRequest request) implements Serializable {
    }

    /** A synthesised line as a row of the audio table, or the error that stopped it. */
    public record Synthesised(String key, Row row, String error) implements Serializable {
    }

    /**
     * One deliverable to mix: a film variant (plan) or a trailer (cuts).
     *
     * @param id          index in the stage's list
     * @param filmId      the film
     * @param target      the MP4 (store path) the soundtrack is muxed into
     * @param stems       stem kind to store path
     * @param plan        the variant's plan, or null for a trailer
     * @param cuts        the trailer's cuts, or null for a film
     * @param seed        the film's seed
     * @param cast        the film's voices
     * @param language    the spoken language
     * @param translation the dub's translation file text, or null for the screenplay's own words
     * @param loudness    the loudness target
     */
    public record Mix(int id, String filmId, String target, Map<String, String> stems, FilmPlan plan,
                      List<TrailerCut> cuts, long seed, Map<String, Voice> cast, String language, String translation,
                      LoudnessTarget loudness) implements Serializable {

        /** The deliverable's soundtrack inputs (recomputed where needed: cheap and deterministic). */
        public FilmSound sound() {
            if (plan == null) {
                return FilmSound.trailer(cuts, seed);
            }
            Translation t = translation == null ? null : Translation.parse(language, translation);
            return FilmSound.of(plan, seed, cast, language, t);
        }
    }

    /**
     * What mixing one deliverable did.
     *
     * @param id          the mix's index
     * @param lufs        the master's integrated loudness
     * @param truePeak    the master's true peak, dBTP
     * @param lines       lines mixed
     * @param timeScaled  lines time-scaled to fit their shot
     * @param spoken      seconds spoken (before fitting)
     * @param estimated   seconds the plan allowed those lines (their shots' lengths)
     * @param maxTempo    the largest time-scale factor
     * @param error       why it failed, or null
     */
    public record Mixed(int id, double lufs, double truePeak, int lines, int timeScaled, double spoken,
                        double estimated, double maxTempo, String error) implements Serializable {
    }

    /** Synthesises a partition of lines with one engine. */
    public static Iterator<Synthesised> synthesise(Iterator<Line> lines, String engineName,
                                                   org.apache.spark.util.LongAccumulator done) {
        List<Synthesised> out = new ArrayList<>();
        VoiceEngine engine;
        try {
            engine = VoiceEngines.open(engineName);
        } catch (IOException | RuntimeException e) {
            lines.forEachRemaining(l -> out.add(new Synthesised(l.key(), null, Failures.rootMessage(e))));
            return out.iterator();
        }
        while (lines.hasNext()) {
            Line l = lines.next();
            LineRequest r = l.request();
            try {
                long t0 = System.nanoTime();
                Speech s = engine.speak(r);
                double secs = (System.nanoTime() - t0) / 1e9;
                Voice v = r.voice();
                out.add(new Synthesised(l.key(), RowFactory.create(l.key(), engine.name(), engine.version(),
                        v.name() + " p" + v.pitch() + " r" + v.rate(), r.language(), r.delivery().name(), r.text(),
                        s.sampleRate(), s.samples().length, secs, s.bytes()), null));
            } catch (IOException | RuntimeException e) {
                out.add(new Synthesised(l.key(), null, "cannot synthesise \"" + abbreviate(r.text()) + "\": "
                        + Failures.rootMessage(e)));
            }
            done.add(1);
        }
        return out.iterator();
    }

    /**
     * Mixes the deliverables of a partition of rows {@code (mix_id, idx, sample_rate, pcm)} sorted by
     * mix and line index; {@code idx = -1} opens each mix (it has no audio).
     */
    public static Iterator<Mixed> mixPartition(Iterator<Row> rows, List<Mix> mixes, String root,
                                               org.apache.spark.util.LongAccumulator done) {
        List<Mixed> out = new ArrayList<>();
        OutputStore store = OutputStore.onExecutor(root);
        Row pending = rows.hasNext() ? rows.next() : null;
        while (pending != null) {
            Mix mix = mixes.get(pending.getInt(0));
            RowCursor cursor = new RowCursor(rows, mix.id());
            out.add(mixOne(mix, cursor, store));
            pending = cursor.rest();
            done.add(1);
        }
        return out.iterator();
    }

    /** The rows of one mix, in line order, then the first row of the next mix. */
    private static final class RowCursor {
        private final Iterator<Row> rows;
        private final int id;
        private Row next;

        RowCursor(Iterator<Row> rows, int id) {
            this.rows = rows;
            this.id = id;
            advance();
        }

        private void advance() {
            next = rows.hasNext() ? rows.next() : null;
        }

        Speech line(int index) throws IOException {
            if (next == null || next.getInt(0) != id || next.getInt(1) != index) {
                throw new IOException("line " + index + " of the mix has no audio in the audio table");
            }
            if (next.isNullAt(3)) {
                throw new IOException("line " + index + " of the mix was not synthesised");
            }
            Speech s = Speech.of((byte[]) next.get(3), next.getInt(2));
            advance();
            return s;
        }

        /** Skips what is left of this mix; returns the next mix's first row, or null. */
        Row rest() {
            while (next != null && next.getInt(0) == id) {
                advance();
            }
            return next;
        }
    }

    private static Mixed mixOne(Mix mix, RowCursor cursor, OutputStore store) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("storyreel-mix-");
            FilmSound sound = mix.sound();
            List<SpottedLine> lines = sound.lines();
            Path dir = scratch;
            FilmMixer.Outputs outs = new FilmMixer.Outputs(dir.resolve("dialogue.wav"), dir.resolve("music.wav"),
                    dir.resolve("ambience.wav"), dir.resolve("master.m4a"));
            int[] next = {0};
            FilmMixer.Result r = new FilmMixer(mix.seed(), mix.loudness()).mix(sound.samples(), sound.scenes(), lines,
                    sound.score(), line -> cursor.line(next[0]++), dir.resolve("work"), outs);
            Path film = store.local(new org.apache.hadoop.fs.Path(mix.target()), dir);
            Path muxed = dir.resolve("with-sound.mp4");
            AudioMuxer.mux(film, outs.master(), muxed);
            store.publish(muxed, new org.apache.hadoop.fs.Path(mix.target()));
            store.publish(outs.dialogue(), new org.apache.hadoop.fs.Path(mix.stems().get("dialogue")));
            store.publish(outs.music(), new org.apache.hadoop.fs.Path(mix.stems().get("music")));
            store.publish(outs.ambience(), new org.apache.hadoop.fs.Path(mix.stems().get("ambience")));
            int scaled = 0;
            double spoken = 0;
            double estimated = 0;
            double maxTempo = 1;
            for (FilmMixer.LineFit f : r.fits()) {
                scaled += f.tempo() > 1 ? 1 : 0;
                spoken += f.spoken();
                estimated += f.line().estimateSeconds();
                maxTempo = Math.max(maxTempo, f.tempo());
            }
            return new Mixed(mix.id(), r.master().integratedLufs(), r.master().truePeakDbtp(), r.fits().size(), scaled,
                    spoken, estimated, maxTempo, null);
        } catch (IOException | RuntimeException e) {
            return new Mixed(mix.id(), Double.NaN, Double.NaN, 0, 0, 0, 0, 1, "sound: " + Failures.rootMessage(e));
        } finally {
            if (scratch != null) {
                deleteTree(scratch);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Scratch space: the OS cleans what is left.
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
