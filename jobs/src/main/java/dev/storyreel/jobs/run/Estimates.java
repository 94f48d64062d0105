package dev.storyreel.jobs.run;

import dev.storyreel.estimate.Calibration;
import dev.storyreel.estimate.CostTable;
import dev.storyreel.estimate.FrameCost;
import dev.storyreel.estimate.RenderEstimate;
import dev.storyreel.frames.FrameCodec;
import dev.storyreel.jobs.cluster.ExecutorModels;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.PlanTable;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.remote.ModelProfile;
import dev.storyreel.remote.ModelProfiles;
import dev.storyreel.remote.RemoteQuote;
import dev.storyreel.remote.RemoteSettings;
import dev.storyreel.render.Renderer;
import dev.storyreel.render.RendererSpec;
import dev.storyreel.render.diffusion.Device;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;


/** The run's render estimate: a short calibration on the driver, or a GPU model's recorded figure. */
public final class Estimates {
    public static final int CALIBRATION_SHOTS = 3;
    public static final int CALIBRATION_FRAMES = 4;

    private Estimates() {
    }

    /** The recorded figures; none when the file does not exist. */
    public static CostTable table(String file) {
        Path p = Path.of(file);
        if (!Files.exists(p)) {
            return CostTable.empty();
        }
        try (InputStream in = Files.newInputStream(p)) {
            return CostTable.read(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the estimates " + file + ": " + Failures.rootMessage(e));
        }
    }

    /** What rendering these plans remotely asks for and costs, from the model profile. */
    public static RemoteQuote quote(RendererSpec.Remote remote, List<FilmPlan> plans) {
        return RemoteQuote.of(RemoteSettings.of(remote).profile(), distinctShots(plans));
    }

    /**
     * What rendering the shots of the run's plan table remotely asks for and costs: one job per distinct
     * shot key, priced in Spark tasks and summed exactly (the same total whatever order they finish in).
     */
    public static RemoteQuote quote(RendererSpec.Remote remote, SparkSession spark, OutputStore store) {
        return PlanTable.read(spark, store).select("shot_key", "kind", "width", "height", "frames", "fps")
                .dropDuplicates("shot_key").javaRDD()
                .mapPartitions(rows -> {
                    ModelProfile profile = RemoteSettings.of(remote).profile();
                    RemoteQuote.Total total = new RemoteQuote.Total();
                    rows.forEachRemaining(r -> total.add(RemoteQuote.of(profile,
                            ShotKind.valueOf(r.getString(1).toUpperCase(java.util.Locale.ROOT)), r.getInt(2), r.getInt(3),
                            r.getInt(4), r.getInt(5))));
                    return List.of(total).iterator();
                })
                .fold(new RemoteQuote.Total(), RemoteQuote.Total::merge)
                .quote();
    }

    /** The currency of the remote model profiles. */
    public static String profilesCurrency(RendererSpec.Remote remote) {
        try {
            return remote.profiles().isBlank() ? "USD" : ModelProfiles.read(new java.io.ByteArrayInputStream(
                    remote.profiles().getBytes(java.nio.charset.StandardCharsets.UTF_8))).currency();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the remote model profiles: " + e.getMessage());
        }
    }

    /** One spec per distinct shot key, in plan order: what the render stage has to make. */
    public static List<ShotSpec> distinctShots(List<FilmPlan> plans) {
        Map<String, ShotSpec> byKey = new LinkedHashMap<>();
        for (FilmPlan p : plans) {
            for (PlannedShot s : p.shots()) {
                byKey.putIfAbsent(s.shotKey(), s.spec());
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** Estimates rendering these plans on {@code workers} workers. */
    public static RenderEstimate estimate(JobOptions options, RendererSpec choice, List<FilmPlan> plans, int cores, int gpus) {
        List<ShotSpec> shots = distinctShots(plans);
        long frames = shots.stream().mapToLong(ShotSpec::frames).sum();
        if (choice instanceof RendererSpec.Remote remote) {
            return estimate(remote, quote(remote, plans), frames);
        }
        return estimate(options, choice, frames, Calibration.sample(shots, CALIBRATION_SHOTS), cores, gpus);
    }

    /**
     * The estimate of rendering {@code frames} frames remotely: priced per generated second or request
     * from the model profile (the quote), never calibrated (that would pay).
     */
    public static RenderEstimate estimate(RendererSpec.Remote remote, RemoteQuote quote, long frames) {
        RemoteSettings settings = RemoteSettings.of(remote);
        FrameCost cost = new FrameCost("price", settings.profile().secondsPerFrame(), "request",
                "model profile of " + remote.model() + ", " + quote.jobs() + " jobs, "
                        + String.format(java.util.Locale.ROOT, "%.1f", quote.seconds()) + " s of video");
        double hours = cost.secondsPerFrame() * frames / 3600;
        return RenderEstimate.of(cost, frames, remote.concurrency(), hours > 0 ? quote.cost() / hours : 0.0,
                profilesCurrency(remote));
    }

    /**
     * Estimates rendering {@code frames} frames, calibrating on {@code samples} (a few planned shots)
     * when no GPU model is named.
     */
    public static RenderEstimate estimate(JobOptions options, RendererSpec choice, long frames, List<ShotSpec> samples,
                                          int cores, int gpus) {
        CostTable table = table(options.estimates());
        FrameCost cost;
        if (!options.gpuModel().isBlank()) {
            cost = table.figure(options.gpuModel(), options.renderer().name(), options.width(), options.height());
        } else {
            // The JVM's own renderer: in local mode the render tasks reuse it (one model load per JVM).
            Renderer r = ExecutorModels.jvm().renderer(choice, Device.CPU);
            cost = Calibration.measure(r, FrameCodec.named(options.codec()), samples, CALIBRATION_FRAMES, System::nanoTime);
        }
        int w = "GPU".equals(cost.unit()) ? gpus : cores;
        return RenderEstimate.of(cost, frames, w, table.pricePerHour(cost.unit(), options.gpuModel()), table.currency());
    }
}
