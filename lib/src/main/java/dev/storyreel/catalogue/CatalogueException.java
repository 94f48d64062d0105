package dev.storyreel.catalogue;

/** A catalogue that cannot be read at all (missing, no header); names the file and line. */
public final class CatalogueException extends Exception {
    private final String file;
    private final int line;

    public CatalogueException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** The catalogue file. */
    public String file() {
        return file;
    }

    /** 1-based line, 0 when none applies. */
    public int line() {
        return line;
    }
}
