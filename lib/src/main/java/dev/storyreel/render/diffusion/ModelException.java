package dev.storyreel.render.diffusion;

/** A model folder that cannot be used: names the file and what was expected. */
public final class ModelException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
