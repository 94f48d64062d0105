package dev.storyreel.sound;

import java.util.Objects;

/**
 * The loudness a mix is normalised to: integrated loudness, its tolerance, the true-peak ceiling (the
 * job takes them from the {@code loudness} section of the delivery profile chosen with {@code --loudness}).
 *
 * @param name           profile name ("ebu", "web")
 * @param integratedLufs target integrated loudness, LUFS
 * @param toleranceLu    allowed deviation from the target, LU
 * @param truePeakDbtp   true-peak ceiling, dBTP
 */
public record LoudnessTarget(String name, double integratedLufs, double toleranceLu, double truePeakDbtp)
        implements java.io.Serializable {
    /** EBU R128: -23 LUFS +-0.5, true peak at most -1 dBTP. */
    public static final LoudnessTarget EBU = new LoudnessTarget("ebu", -23.0, 0.5, -1.0);

    public LoudnessTarget {
        Objects.requireNonNull(name, "name");
        if (!(integratedLufs < 0) || !(toleranceLu > 0) || !(truePeakDbtp <= 0)) {
            throw new IllegalArgumentException("loudness target " + name + ": integrated_lufs < 0, tolerance_lu > 0, "
                    + "true_peak_dbtp <= 0 expected");
        }
    }
}
