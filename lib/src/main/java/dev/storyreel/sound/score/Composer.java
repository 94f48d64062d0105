package dev.storyreel.sound.score;

import dev.storyreel.shot.Seeds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;

/**
 * Composes a film's original music bed, procedurally and deterministically from the film's seed: one
 * key across the film, a cue per scene whose instruments and register come from the time of day,
 * exterior/interior and style, whose tempo comes from the scene's cut rhythm, crossfading into the
 * next cue, and an ending cadence on the tonic. Trailers get their own cue: a build of rising pulses
 * and a hit on the title card.
 */
public final class Composer {
    private static final double FADE = 0.75;
    private static final int DRUMS = 9;
    private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};
    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[][] MINOR_PROGRESSIONS = {{0, 5, 2, 6}, {0, 3, 5, 4}, {0, 6, 5, 4}};
    private static final int[][] MAJOR_PROGRESSIONS = {{0, 4, 5, 3}, {0, 3, 4, 4}, {0, 5, 3, 4}};

    private final int root;
    private final int[] scale;
    private final int[] progression;
    private final long seed;
    private final List<TimedMessage> out = new ArrayList<>();

    private Composer(long filmSeed, String style) {
        this.seed = filmSeed;
        SplittableRandom r = Seeds.stream(Seeds.derive(filmSeed, "score"), Seeds.Salt.MUSIC);
        this.root = 45 + r.nextInt(12);
        String s = style.toLowerCase(Locale.ROOT);
        boolean minor = s.contains("noir") || s.contains("night") || (!s.contains("bright") && r.nextInt(3) > 0);
        this.scale = minor ? MINOR : MAJOR;
        int[][] progs = minor ? MINOR_PROGRESSIONS : MAJOR_PROGRESSIONS;
        this.progression = progs[r.nextInt(progs.length)];
    }

    /** The MIDI key (root note number) the film is in, for tests and the run report. */
    public static int keyRoot(long filmSeed, String style) {
        return new Composer(filmSeed, style).root;
    }

    /** The film's score: a cue per scene, crossfaded, ending at {@code seconds} with a cadence. */
    public static List<TimedMessage> film(long filmSeed, List<CueSpec> cues, double seconds) {
        String style = cues.isEmpty() ? "" : cues.get(0).style();
        Composer c = new Composer(filmSeed, style);
        for (int i = 0; i < cues.size(); i++) {
            c.cue(cues.get(i), i, i == 0, i == cues.size() - 1, seconds);
        }
        return c.sorted();
    }

    /**
     * A trailer's cue: pulses building from the start to {@code hitAt} (the closing title card), a hit
     * there, and a held chord fading out by {@code seconds}.
     */
    public static List<TimedMessage> trailer(long filmSeed, String style, double hitAt, double seconds) {
        Composer c = new Composer(filmSeed, style);
        c.build(hitAt, seconds);
        return c.sorted();
    }

    private void cue(CueSpec cue, int index, boolean first, boolean last, double filmEnd) {
        int base = index % 2 == 0 ? 0 : 3;
        int padCh = base, bassCh = base + 1, arpCh = base + 2;
        String tod = cue.timeOfDay().toUpperCase(Locale.ROOT);
        boolean night = tod.contains("NIGHT") || tod.contains("MIDNIGHT");
        boolean dusk = tod.contains("DUSK") || tod.contains("EVENING") || tod.contains("SUNSET");
        boolean dawn = tod.contains("DAWN") || tod.contains("MORNING") || tod.contains("SUNRISE");
        String style = cue.style().toLowerCase(Locale.ROOT);
        int pad = night ? 89 : dusk ? 49 : dawn ? 48 : 48;
        int arp = style.contains("noir") ? 11 : night ? 8 : dusk ? 46 : dawn ? 73 : 0;
        int bass = style.contains("noir") ? 32 : 42;
        int register = night ? -12 : dawn ? 0 : 0;
        int velocity = night ? 52 : cue.exterior() ? 70 : 62;
        double bpm = Math.max(60, Math.min(132, 240 / Math.max(1.0, cue.meanShotSeconds())));
        double beat = 60.0 / bpm;
        double bar = 4 * beat;
        double from = first ? cue.start() : Math.max(0, cue.start() - FADE);
        double to = last ? filmEnd : Math.min(filmEnd, cue.end() + FADE);
        for (int ch : new int[] {padCh, bassCh, arpCh}) {
            add(from, ShortMessage.CONTROL_CHANGE, ch, 11, 0);
            add(from, ShortMessage.CONTROL_CHANGE, ch, 7, ch == arpCh ? 80 : 100);
            add(from, ShortMessage.CONTROL_CHANGE, ch, 91, 60);
            add(from, ShortMessage.CONTROL_CHANGE, ch, 10, ch == arpCh ? 80 : 56);
        }
        add(from, ShortMessage.PROGRAM_CHANGE, padCh, pad, 0);
        add(from, ShortMessage.PROGRAM_CHANGE, bassCh, bass, 0);
        add(from, ShortMessage.PROGRAM_CHANGE, arpCh, arp, 0);
        ramp(new int[] {padCh, bassCh, arpCh}, from, from + (first ? 1.0 : 2 * FADE), 0, 110);
        double endNotes = last ? filmEnd - 3.0 : to;
        SplittableRandom r = Seeds.stream(Seeds.derive(seed, "cue\u0001" + index), Seeds.Salt.MUSIC);
        int step = index * 2 % progression.length;
        for (double t = from; t < endNotes - 0.05; t += bar, step++) {
            double barEnd = Math.min(t + bar, endNotes);
            int degree = progression[step % progression.length];
            int[] chord = triad(degree);
            for (int n : chord) {
                note(padCh, root + 12 + register + n, velocity - 10, t, barEnd);
            }
            note(bassCh, root - 12 + register + chord[0], velocity, t, barEnd);
            int sub = bpm > 100 ? 2 : 1;
            double div = beat / sub;
            int k = 0;
            for (double a = t; a < barEnd - 0.02; a += div, k++) {
                if (r.nextInt(5) == 0) {
                    continue;
                }
                int n = chord[(k + r.nextInt(2)) % 3] + (r.nextInt(4) == 0 ? 12 : 0);
                note(arpCh, root + 24 + register + n, velocity - 8 + r.nextInt(12), a, Math.min(a + div * 0.9, barEnd));
            }
        }
        if (last) {
            double end = filmEnd;
            int[] tonic = triad(0);
            double cadence = Math.max(from, end - 3.0);
            int[] dominant = triad(4);
            double half = Math.max(from, cadence - 1.0);
            for (int n : dominant) {
                note(padCh, root + 12 + register + n, velocity - 10, half, cadence);
            }
            for (int n : tonic) {
                note(padCh, root + 12 + register + n, velocity - 6, cadence, end - 0.05);
            }
            note(bassCh, root - 12 + register, velocity, cadence, end - 0.05);
            ramp(new int[] {padCh, bassCh, arpCh}, Math.max(cadence, end - 2.0), end - 0.1, 110, 0);
        } else {
            ramp(new int[] {padCh, bassCh, arpCh}, Math.max(from, to - 2 * FADE), to, 110, 0);
        }
    }

    private void build(double hitAt, double seconds) {
        int low = 0, strings = 1, brass = 2, pad = 3;
        add(0, ShortMessage.PROGRAM_CHANGE, low, 47, 0);
        add(0, ShortMessage.PROGRAM_CHANGE, strings, 48, 0);
        add(0, ShortMessage.PROGRAM_CHANGE, brass, 61, 0);
        add(0, ShortMessage.PROGRAM_CHANGE, pad, 89, 0);
        for (int ch = 0; ch < 4; ch++) {
            add(0, ShortMessage.CONTROL_CHANGE, ch, 7, 110);
            add(0, ShortMessage.CONTROL_CHANGE, ch, 91, 50);
        }
        ramp(new int[] {low, strings}, 0, Math.max(0.5, hitAt - 0.1), 40, 127);
        ramp(new int[] {brass, pad}, 0, 0.05, 127, 127);
        double t = 0.0;
        int step = 0;
        while (t < hitAt - 0.25) {
            double progress = t / Math.max(1e-6, hitAt);
            double gap = 0.9 - 0.7 * progress;
            int degree = progression[(step / 4) % progression.length];
            int[] chord = triad(degree);
            note(low, root - 12 + chord[0], 60 + (int) (60 * progress), t, t + gap * 0.8);
            note(strings, root + chord[step % 3] + (int) (12 * progress), 50 + (int) (70 * progress), t, t + gap * 0.6);
            t += gap;
            step++;
        }
        int[] tonic = triad(0);
        double end = Math.max(hitAt + 0.5, seconds - 0.05);
        for (int n : tonic) {
            note(brass, root + n, 127, hitAt, Math.min(end, hitAt + 1.6));
            note(pad, root + 12 + n, 90, hitAt, end);
        }
        note(low, root - 24, 127, hitAt, Math.min(end, hitAt + 1.2));
        note(DRUMS, 49, 127, hitAt, Math.min(end, hitAt + 1.0));
        note(DRUMS, 36, 127, hitAt, Math.min(end, hitAt + 0.5));
        ramp(new int[] {brass, pad, low}, Math.max(hitAt + 0.2, end - 1.5), end - 0.05, 127, 0);
    }

    private int[] triad(int degree) {
        int[] c = new int[3];
        for (int i = 0; i < 3; i++) {
            int d = degree + 2 * i;
            c[i] = scale[d % 7] + 12 * (d / 7);
        }
        return c;
    }

    private void note(int ch, int key, int velocity, double on, double off) {
        if (off <= on) {
            return;
        }
        int k = Math.max(0, Math.min(127, key));
        add(on, ShortMessage.NOTE_ON, ch, k, Math.max(1, Math.min(127, velocity)));
        add(off, ShortMessage.NOTE_OFF, ch, k, 0);
    }

    private void ramp(int[] channels, double from, double to, int a, int b) {
        int steps = Math.max(1, (int) Math.round((to - from) / 0.05));
        for (int i = 0; i <= steps; i++) {
            double t = from + (to - from) * i / steps;
            int v = (int) Math.round(a + (b - a) * (double) i / steps);
            for (int ch : channels) {
                add(t, ShortMessage.CONTROL_CHANGE, ch, 11, v);
            }
        }
    }

    private void add(double seconds, int command, int channel, int d1, int d2) {
        try {
            out.add(new TimedMessage(Math.max(0, Math.round(seconds * 1e6)), new ShortMessage(command, channel, d1, d2)));
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<TimedMessage> sorted() {
        List<TimedMessage> s = new ArrayList<>(out);
        s.sort(Comparator.comparingLong(TimedMessage::micros)); // stable: equal times keep their order
        return s;
    }
}
