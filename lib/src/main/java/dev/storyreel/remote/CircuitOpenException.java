package dev.storyreel.remote;

/** Thrown at once, without a request, while an endpoint's circuit breaker is open. */
public final class CircuitOpenException extends RemoteException {
    private static final long serialVersionUID = 1L;

    public CircuitOpenException(String message) {
        super(message);
    }
}
