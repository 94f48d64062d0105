package dev.storyreel.remote;

/** A remote render that could not be done: the message says what the endpoint or its result did wrong. */
public class RemoteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RemoteException(String message) {
        super(message);
    }

    public RemoteException(String message, Throwable cause) {
        super(message, cause);
    }
}
