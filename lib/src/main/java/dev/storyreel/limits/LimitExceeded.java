package dev.storyreel.limits;

/**
 * A named limit of {@code conf/limits.yaml} was exceeded: the value found (or a lower bound of it,
 * when reading stopped at the limit), the limit, and where ({@code file}, 1-based {@code line}, 0 when none).
 */
public final class LimitExceeded extends RuntimeException {
    private final Limit limit;
    private final long value;
    private final long max;
    private final String file;
    private final int line;

    public LimitExceeded(Limit limit, long value, long max, String file, int line) {
        super((file == null || file.isEmpty() ? "" : file + (line > 0 ? ":" + line : "") + ": ")
                + "limit " + limit.key() + " exceeded: "
                + (value == max + 1 ? "more than " + max + " " + limit.counts()
                        : value + " " + limit.counts() + ", over the limit of " + max)
                + " (conf/limits.yaml)");
        this.limit = limit;
        this.value = value;
        this.max = max;
        this.file = file == null ? "" : file;
        this.line = line;
    }

    /** Which limit. */
    public Limit limit() {
        return limit;
    }

    /** The value found (at least {@code max + 1}). */
    public long value() {
        return value;
    }

    /** The limit. */
    public long max() {
        return max;
    }

    /** The file at fault ("" when none). */
    public String file() {
        return file;
    }

    /** 1-based line in {@link #file()}, 0 when none applies. */
    public int line() {
        return line;
    }

    /** The message without the "file:line: " prefix. */
    public String reason() {
        String m = getMessage();
        int at = m.indexOf("limit " + limit.key());
        return at < 0 ? m : m.substring(at);
    }
}
