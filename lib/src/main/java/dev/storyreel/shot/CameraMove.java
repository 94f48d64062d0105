package dev.storyreel.shot;

/** How the virtual camera moves across the frames of a shot. */
public enum CameraMove {
    STATIC, PAN, TILT, PUSH_IN, PULL_OUT, TRACK;

    /** Lower-case name used in tables and prompts ("push_in"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
