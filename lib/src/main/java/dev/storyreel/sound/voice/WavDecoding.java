package dev.storyreel.sound.voice;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Reads a WAV file's bytes into mono speech with the JDK's own {@code javax.sound.sampled}. */
final class WavDecoding {
    private WavDecoding() {
    }

    static Speech decode(byte[] wav, String what) throws IOException {
        try (InputStream raw = new BufferedInputStream(new ByteArrayInputStream(wav));
             AudioInputStream in = AudioSystem.getAudioInputStream(raw)) {
            AudioFormat f = in.getFormat();
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), 16, f.getChannels(),
                    2 * f.getChannels(), f.getSampleRate(), false);
            try (AudioInputStream s = AudioSystem.getAudioInputStream(pcm, in)) {
                byte[] b = s.readAllBytes();
                int ch = f.getChannels();
                short[] mono = new short[b.length / (2 * ch)];
                for (int i = 0; i < mono.length; i++) {
                    int sum = 0;
                    for (int c = 0; c < ch; c++) {
                        int k = 2 * (i * ch + c);
                        sum += (short) ((b[k] & 0xFF) | (b[k + 1] << 8));
                    }
                    mono[i] = (short) (sum / ch);
                }
                return new Speech(mono, Math.round(f.getSampleRate()));
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IOException(what + ": not a readable WAV (" + e.getMessage() + ")", e);
        }
    }
}
