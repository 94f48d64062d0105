package dev.storyreel.remote;

/**
 * One remote video service's wire protocol. Implementations send through a {@link PoliteHttp}
 * (retries, backoff, concurrency limit, circuit breaker) and only translate requests and answers.
 */
public interface RemoteApi {

    /** Submits a job and returns its id; the request's key goes with it as the idempotency key. */
    String submit(RemoteRequest request);

    /** The job's state. */
    JobState poll(String jobId, String key);

    /** The finished job's video (MP4 bytes). */
    byte[] download(String jobId, String key);
}
