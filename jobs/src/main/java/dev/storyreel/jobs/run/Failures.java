package dev.storyreel.jobs.run;

/** How a failure is told to a user: the innermost cause's message, without Spark's wrapping. */
public final class Failures {
    private Failures() {
    }

    /** The message of the root cause of {@code e} (its class name when it has none). */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
