package dev.storyreel.remote;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a video model and how patiently. Holds no key: executors read it with {@link Credentials}.
 *
 * @param api              the adapter
 * @param url              the endpoint's base URL
 * @param model            the model name
 * @param workflow         the ComfyUI workflow template (API-format JSON with placeholders), "" for the videos API
 * @param concurrency      requests in flight to the endpoint, at most (across the job: the render runs in at most
 *                         this many tasks, one request in flight each; and per JVM)
 * @param profile          the model's profile
 * @param credentialsFile  the file holding the key, or "" to read {@code STORYREEL_REMOTE_KEY}
 * @param requestTimeout   longest wait for one HTTP answer
 * @param shotDeadline     longest wait for one shot's job to finish
 * @param pollFirst        first wait before polling a job (doubling up to {@code pollCap})
 * @param pollCap          longest wait between polls
 * @param backoff          retries of one request
 * @param maxJobs          jobs one shot may take (resubmitting after a failed job or an unusable video)
 * @param breakerThreshold consecutive failed calls that open the circuit breaker
 * @param breakerCoolDown  how long an open breaker refuses calls
 */
public record RemoteSettings(RemoteApiKind api, String url, String model, String workflow, int concurrency,
                             ModelProfile profile, String credentialsFile, Duration requestTimeout,
                             Duration shotDeadline, Duration pollFirst, Duration pollCap, Backoff backoff, int maxJobs,
                             int breakerThreshold, Duration breakerCoolDown) implements java.io.Serializable {

    public RemoteSettings {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(model, "model");
        workflow = Objects.requireNonNullElse(workflow, "");
        credentialsFile = Objects.requireNonNullElse(credentialsFile, "");
        if (concurrency < 1) {
            throw new IllegalArgumentException("--remote-concurrency must be at least 1: " + concurrency);
        }
        if (api == RemoteApiKind.COMFYUI && workflow.isBlank()) {
            throw new IllegalArgumentException("--remote-api comfyui needs --remote-workflow FILE (an API-format workflow)");
        }
    }

    /** Settings with the usual patience: 60 s per request, 30 min per shot, polls from 0.25 s up to 5 s. */
    public static RemoteSettings of(RemoteApiKind api, String url, String model, String workflow, int concurrency,
                                    ModelProfile profile, String credentialsFile) {
        return new RemoteSettings(api, url, model, workflow, concurrency, profile, credentialsFile,
                Duration.ofSeconds(60), Duration.ofMinutes(30), Duration.ofMillis(250), Duration.ofSeconds(5),
                Backoff.DEFAULT, 3, 5, Duration.ofSeconds(30));
    }

    /** The settings of a run's renderer specification (profiles read from the spec's YAML text). */
    public static RemoteSettings of(dev.storyreel.render.RendererSpec.Remote spec) {
        ModelProfiles profiles;
        try {
            profiles = spec.profiles().isBlank() ? ModelProfiles.none()
                    : ModelProfiles.read(new java.io.ByteArrayInputStream(spec.profiles().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read the remote model profiles: " + e.getMessage());
        }
        return of(RemoteApiKind.parse(spec.api()), spec.url(), spec.model(), spec.workflow(), spec.concurrency(),
                profiles.forModel(spec.model()), spec.credentialsFile());
    }

    /** The same settings with other timings (tests, impatient runs). */
    public RemoteSettings withTimings(Duration request, Duration shot, Duration first, Duration cap, Backoff b) {
        return new RemoteSettings(api, url, model, workflow, concurrency, profile, credentialsFile, request, shot, first,
                cap, b, maxJobs, breakerThreshold, breakerCoolDown);
    }
}
