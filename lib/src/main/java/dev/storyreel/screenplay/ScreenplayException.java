package dev.storyreel.screenplay;

/** A screenplay that cannot be read or parsed; names the file and the 1-based line. */
public final class ScreenplayException extends Exception {
    private final String file;
    private final int line;

    public ScreenplayException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** The file that failed. */
    public String file() {
        return file;
    }

    /** 1-based line of the problem (1 when the whole file is at fault). */
    public int line() {
        return line;
    }

    /** The message without the file:line prefix. */
    public String reason() {
        String m = getMessage();
        return m.substring(m.indexOf(": ", file.length()) + 2);
    }
}
