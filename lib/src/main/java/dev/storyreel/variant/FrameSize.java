package dev.storyreel.variant;

/**
 * A frame size for an aspect ratio at a resolution (the short side), both even as H.264 yuv420p needs.
 *
 * @param width  even width
 * @param height even height
 */
public record FrameSize(int width, int height) implements java.io.Serializable {

    /**
     * The size of a variant: {@code aspect} "W:H" ("" keeps the run's ratio), {@code resolution} the short
     * side (0 keeps the run's short side).
     */
    public static FrameSize of(String aspect, int resolution, int runWidth, int runHeight) {
        int shortSide = resolution > 0 ? resolution : Math.min(runWidth, runHeight);
        double w;
        double h;
        if (aspect.isEmpty()) {
            w = runWidth;
            h = runHeight;
        } else {
            int[] r = ratio(aspect);
            w = r[0];
            h = r[1];
        }
        if (w >= h) {
            return new FrameSize(even(shortSide * w / h), even(shortSide));
        }
        return new FrameSize(even(shortSide), even(shortSide * h / w));
    }

    /** Parses "W:H" into two positive integers. */
    static int[] ratio(String aspect) {
        String[] p = aspect.split(":");
        try {
            if (p.length == 2) {
                int a = Integer.parseInt(p[0].strip());
                int b = Integer.parseInt(p[1].strip());
                if (a > 0 && b > 0 && a <= 100 && b <= 100) {
                    return new int[] {a, b};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("aspect '" + aspect + "' is not W:H (e.g. 16:9, 9:16, 1:1, 4:5)");
    }

    private static int even(double v) {
        return Math.max(2, 2 * (int) Math.round(v / 2));
    }
}
