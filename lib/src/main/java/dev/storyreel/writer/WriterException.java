package dev.storyreel.writer;

/** The writers' room could not get an acceptable screenplay; the message holds the last reason. */
public final class WriterException extends Exception {
    private static final long serialVersionUID = 1L;

    public WriterException(String message) {
        super(message);
    }
}
