package dev.storyreel.remote;

/**
 * A submitted remote job, recorded under its shot key before anyone waits for it.
 *
 * @param shotKey  the shot
 * @param api      the adapter that submitted it
 * @param endpoint the endpoint's base URL (a job id means nothing elsewhere)
 * @param model    the model asked
 * @param jobId    the endpoint's id of the job
 * @param attempt  0 for the first job of the shot; n after n failed or unusable jobs
 * @param width    asked width
 * @param height   asked height
 * @param frames   asked frames
 * @param fps      asked frame rate
 */
public record LedgerEntry(String shotKey, String api, String endpoint, String model, String jobId, int attempt,
                          int width, int height, int frames, int fps) {

    /** Whether this job was submitted to the same endpoint and model (else it cannot be polled here). */
    public boolean sameTarget(String otherApi, String otherEndpoint, String otherModel) {
        return api.equals(otherApi) && endpoint.equals(otherEndpoint) && model.equals(otherModel);
    }

    /** The asked shape. */
    public ModelProfile.Shape shape() {
        return new ModelProfile.Shape(width, height, frames, fps);
    }
}
