package dev.storyreel.remote;

/**
 * What a remote job is doing.
 *
 * @param status   where it is
 * @param progress 0-100 when the endpoint says, else -1
 * @param error    the endpoint's reason for a failed job, or ""
 */
public record JobState(Status status, int progress, String error) {
    /** A remote job's life. */
    public enum Status { QUEUED, RUNNING, COMPLETED, FAILED, UNKNOWN_JOB }

    public JobState {
        error = error == null ? "" : error;
    }
}
