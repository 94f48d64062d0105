package dev.storyreel.sound.score;

import javax.sound.midi.ShortMessage;

/**
 * One MIDI message at a time in the film.
 *
 * @param micros  microseconds from the film's first frame
 * @param message the message
 */
public record TimedMessage(long micros, ShortMessage message) {
}
