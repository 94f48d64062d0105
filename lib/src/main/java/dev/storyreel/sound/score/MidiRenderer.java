package dev.storyreel.sound.score;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Renders a score offline to 16-bit stereo PCM with the JDK's own software synthesizer (Gervill, its
 * built-in General MIDI instruments), streaming: the caller pulls the film a chunk at a time, so memory
 * does not grow with the film. Gervill's offline stream is reached through
 * {@code com.sun.media.sound.AudioSynthesizer}, which needs
 * {@code --add-opens java.desktop/com.sun.media.sound=ALL-UNNAMED} on the JVM.
 */
public final class MidiRenderer implements AutoCloseable {
    private final Synthesizer synth;
    private final AudioInputStream stream;
    private final Receiver receiver;
    private byte[] buffer = new byte[0];

    /** Opens a synthesizer rendering {@code score} at {@code sampleRate} Hz, stereo. */
    public MidiRenderer(List<TimedMessage> score, int sampleRate) throws IOException {
        AudioFormat format = new AudioFormat(sampleRate, 16, 2, true, false);
        try {
            synth = MidiSystem.getSynthesizer();
            Class<?> offline = Class.forName("com.sun.media.sound.AudioSynthesizer");
            if (!offline.isInstance(synth)) {
                throw new IOException("the JDK's default synthesizer is not Gervill: " + synth.getClass().getName());
            }
            Method open = offline.getMethod("openStream", AudioFormat.class, Map.class);
            stream = (AudioInputStream) open.invoke(synth, format, Map.of("interpolation", "linear",
                    "max polyphony", 64, "reverb", true, "light reverb", true, "chorus", false));
            receiver = synth.getReceiver();
            for (TimedMessage m : score) {
                receiver.send(m.message(), m.micros());
            }
        } catch (IllegalAccessException | java.lang.reflect.InaccessibleObjectException e) {
            throw new IOException("offline MIDI rendering needs the JVM option "
                    + "--add-opens java.desktop/com.sun.media.sound=ALL-UNNAMED (" + e.getMessage() + ")", e);
        } catch (ClassNotFoundException | NoSuchMethodException | MidiUnavailableException e) {
            throw new IOException("the JDK's MIDI synthesizer cannot render offline: " + e, e);
        } catch (InvocationTargetException e) {
            throw new IOException("opening the MIDI synthesizer's stream failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Fills {@code left} and {@code right} with the next {@code n} samples each (floats in -1..1).
     */
    public void read(float[] left, float[] right, int n) throws IOException {
        int bytes = n * 4;
        if (buffer.length < bytes) {
            buffer = new byte[bytes];
        }
        int got = 0;
        while (got < bytes) {
            int r = stream.read(buffer, got, bytes - got);
            if (r < 0) {
                throw new IOException("the synthesizer stream ended early");
            }
            got += r;
        }
        for (int i = 0; i < n; i++) {
            left[i] = (short) ((buffer[4 * i] & 0xFF) | (buffer[4 * i + 1] << 8)) / 32768f;
            right[i] = (short) ((buffer[4 * i + 2] & 0xFF) | (buffer[4 * i + 3] << 8)) / 32768f;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            receiver.close();
            stream.close();
        } finally {
            synth.close();
        }
    }
}
