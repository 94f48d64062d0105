package dev.storyreel.sound;

/**
 * A programme's loudness after EBU R128 / ITU-R BS.1770, as FFmpeg's {@code ebur128} filter measures it.
 *
 * @param integratedLufs integrated loudness in LUFS (negative infinity for silence)
 * @param truePeakDbtp   true peak in dBTP (negative infinity for silence)
 * @param rangeLu        loudness range in LU
 */
public record Loudness(double integratedLufs, double truePeakDbtp, double rangeLu) {
}
