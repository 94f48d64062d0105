package dev.storyreel.render.diffusion;

/**
 * Where a model runs: the CPU, or a CUDA device by ordinal.
 *
 * @param cuda true for a CUDA device
 * @param id   the CUDA device ordinal (0 for the CPU)
 */
public record Device(boolean cuda, int id) implements java.io.Serializable {
    /** The CPU. */
    public static final Device CPU = new Device(false, 0);

    public Device {
        if (id < 0 || (!cuda && id != 0)) {
            throw new IllegalArgumentException("bad device " + (cuda ? "cuda:" : "cpu:") + id);
        }
    }

    /** CUDA device {@code id}. */
    public static Device cuda(int id) {
        return new Device(true, id);
    }

    @Override
    public String toString() {
        return cuda ? "cuda:" + id : "cpu";
    }
}
