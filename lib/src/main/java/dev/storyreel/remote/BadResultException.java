package dev.storyreel.remote;

/** A finished remote job whose video is unusable (undecodable, wrong size or wrong frame count). */
public final class BadResultException extends RemoteException {
    private static final long serialVersionUID = 1L;

    public BadResultException(String message) {
        super(message);
    }
}
