package dev.storyreel.remote;

import dev.storyreel.render.ProceduralRenderer;
import dev.storyreel.render.RenderedFrame;
import dev.storyreel.render.Renderer;
import dev.storyreel.shot.RendererInfo;
import dev.storyreel.shot.ShotKey;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import javax.imageio.ImageIO;

/**
 * Renders shots with a video model behind HTTP. For each shot: its job from the {@link JobLedger}, or a new
 * job submitted and recorded there before waiting; polled until done within the shot's deadline; the video
 * downloaded and {@link Conformer conformed} to the plan; a failed job or an unusable video submitted again
 * (at most {@link RemoteSettings#maxJobs()} jobs), then the shot fails with the reason. Title cards are
 * drawn locally by the procedural renderer. One instance per task: it counts what it did in {@link #stats()}.
 */
public final class RemoteRenderer implements Renderer {
    /** The renderer id in plans. */
    public static final String ID = "remote";

    private final RemoteSettings settings;
    private final JobLedger ledger;
    private final RemoteApi api;
    private final RemoteStats stats = new RemoteStats();
    private final Sleeper sleeper;
    private final RendererInfo info;
    private final ProceduralRenderer titles = new ProceduralRenderer();

    /** A renderer sending with {@code key} ("" for none), waiting with {@code sleeper}. */
    public RemoteRenderer(RemoteSettings settings, String key, JobLedger ledger, Sleeper sleeper) {
        this.settings = settings;
        this.ledger = ledger;
        this.sleeper = sleeper;
        this.info = info(settings);
        PoliteHttp http = new PoliteHttp(URI.create(settings.url()), key, settings.concurrency(), settings.requestTimeout(),
                settings.backoff(), CircuitBreaker.forEndpoint(settings.url(), settings.breakerThreshold(),
                settings.breakerCoolDown()), stats, sleeper);
        this.api = switch (settings.api()) {
            case VIDEOS -> new VideosApi(http);
            case COMFYUI -> new ComfyUiApi(http, settings.workflow());
        };
    }

    /** The renderer id and version a plan made for these settings carries (the model is part of the version). */
    public static RendererInfo info(RemoteSettings settings) {
        String workflow = settings.workflow().isEmpty() ? ""
                : "/" + ShotKey.sha256(settings.workflow().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        return new RendererInfo(ID, "1/" + settings.api().label() + "/" + settings.model() + workflow);
    }

    @Override
    public RendererInfo info() {
        return info;
    }

    /** What this renderer did so far. */
    public RemoteStats stats() {
        return stats;
    }

    @Override
    public Iterator<RenderedFrame> render(Iterator<ShotSpec> shots) {
        List<RemoteShot> list = new ArrayList<>();
        shots.forEachRemaining(s -> list.add(new RemoteShot(ShotKey.of(info, s), s, false, true)));
        return render(list);
    }

    /** Renders the shots in order, lazily shot by shot; continuing shots start from the previous one's last frame. */
    public Iterator<RenderedFrame> render(List<RemoteShot> shots) {
        return new Iterator<>() {
            private int next;
            private List<BufferedImage> current = List.of();
            private ShotSpec currentSpec;
            private int frame;
            private BufferedImage last;

            @Override
            public boolean hasNext() {
                while (frame >= current.size() && next < shots.size()) {
                    RemoteShot s = shots.get(next++);
                    BufferedImage start = s.continues() ? last : null;
                    List<BufferedImage> frames = shot(s.shotKey(), s.spec(), start);
                    last = frames.get(frames.size() - 1);
                    current = s.emit() ? frames : List.of();
                    currentSpec = s.spec();
                    frame = 0;
                }
                return frame < current.size();
            }

            @Override
            public RenderedFrame next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int i = frame++;
                return new RenderedFrame(currentSpec, i, current.get(i));
            }
        };
    }

    /** The planned frames of one shot. */
    public List<BufferedImage> shot(String shotKey, ShotSpec spec, BufferedImage start) {
        if (spec.kind() == ShotKind.TITLE) {
            List<BufferedImage> out = new ArrayList<>();
            titles.render(List.of(spec).iterator()).forEachRemaining(f -> out.add(f.image()));
            return out;
        }
        try {
            return remote(shotKey, spec, start);
        } catch (RemoteException e) {
            throw new RemoteException("shot " + shotKey + ": " + e.getMessage(), e);
        }
    }

    private List<BufferedImage> remote(String shotKey, ShotSpec spec, BufferedImage start) {
        long deadline = System.nanoTime() + settings.shotDeadline().toNanos();
        ModelProfile profile = settings.profile();
        ModelProfile.Shape shape = profile.request(spec.width(), spec.height(), spec.frames(), spec.fps());
        byte[] startPng = start != null && profile.references() ? png(start) : null;
        LedgerEntry entry = ledger.find(shotKey)
                .filter(e -> e.sameTarget(settings.api().label(), settings.url(), settings.model()))
                .filter(e -> e.shape().equals(shape))
                .orElse(null);
        if (entry != null) {
            stats.reused();
        } else {
            entry = submit(shotKey, spec, shape, startPng, 0);
        }
        while (true) {
            String reason;
            try {
                JobState state = await(entry, deadline);
                if (state.status() == JobState.Status.COMPLETED) {
                    byte[] mp4 = api.download(entry.jobId(), shotKey);
                    return Conformer.conform(mp4, shape, spec.width(), spec.height(), spec.frames(), spec.fps());
                }
                reason = state.status() == JobState.Status.FAILED
                        ? "job " + entry.jobId() + " failed: " + state.error() : state.error();
            } catch (BadResultException e) {
                reason = "job " + entry.jobId() + " gave an unusable video: " + e.getMessage();
            }
            int attempt = entry.attempt() + 1;
            if (attempt >= settings.maxJobs()) {
                throw new RemoteException(reason + " (" + attempt + " jobs tried)");
            }
            stats.retry();
            entry = submit(shotKey, spec, shape, startPng, attempt);
        }
    }

    private LedgerEntry submit(String shotKey, ShotSpec spec, ModelProfile.Shape shape, byte[] startPng, int attempt) {
        String prompt = spec.direction() != null && !spec.direction().promptLong().isEmpty()
                ? spec.direction().promptLong() : spec.prompt();
        String negative = spec.direction() == null ? "" : spec.direction().negativePrompt();
        String key = attempt == 0 ? shotKey : shotKey + "-retry" + attempt;
        RemoteRequest r = new RemoteRequest(key, settings.model(), prompt, negative, shape.width(), shape.height(),
                shape.frames(), shape.fps(), spec.seed() & 0x7fffffffL, startPng);
        String jobId = api.submit(r);
        LedgerEntry e = new LedgerEntry(shotKey, settings.api().label(), settings.url(), settings.model(), jobId, attempt,
                shape.width(), shape.height(), shape.frames(), shape.fps());
        ledger.record(e);
        stats.submitted(r.durationSeconds(), settings.profile().price(shape));
        return e;
    }

    private JobState await(LedgerEntry e, long deadline) {
        java.time.Duration wait = settings.pollFirst();
        while (true) {
            JobState s = api.poll(e.jobId(), e.shotKey());
            if (s.status() == JobState.Status.COMPLETED || s.status() == JobState.Status.FAILED
                    || s.status() == JobState.Status.UNKNOWN_JOB) {
                return s;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new RemoteException("job " + e.jobId() + " still " + s.status().name().toLowerCase(java.util.Locale.ROOT)
                        + " after the shot's deadline of " + settings.shotDeadline().toSeconds()
                        + " s (it stays in the ledger: a rerun polls it again)");
            }
            sleeper.sleep(wait);
            wait = wait.multipliedBy(2).compareTo(settings.pollCap()) > 0 ? settings.pollCap() : wait.multipliedBy(2);
        }
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        titles.close();
    }
}
