package dev.storyreel.jobs.run;

import dev.storyreel.estimate.Calibration;
import dev.storyreel.estimate.CostTable;
import dev.storyreel.estimate.FrameCost;
import dev.storyreel.estimate.RenderEstimate;
import dev.storyreel.frames.FrameCodec;
import dev.storyreel.jobs.cluster.ExecutorModels;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.render.Renderer;
import dev.storyreel.render.RendererSpec;
import dev.storyreel.render.diffusion.Device;
import dev.storyreel.shot.ShotSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        CostTable table = table(options.estimates());
        List<ShotSpec> shots = distinctShots(plans);
        long frames = shots.stream().mapToLong(ShotSpec::frames).sum();
        FrameCost cost;
        if (!options.gpuModel().isBlank()) {
            cost = table.figure(options.gpuModel(), options.renderer().name(), options.width(), options.height());
        } else {
            // The JVM's own renderer: in local mode the render tasks reuse it (one model load per JVM).
            Renderer r = ExecutorModels.jvm().renderer(choice, Device.CPU);
            cost = Calibration.measure(r, FrameCodec.named(options.codec()), Calibration.sample(shots, CALIBRATION_SHOTS),
                    CALIBRATION_FRAMES, System::nanoTime);
        }
        int w = "GPU".equals(cost.unit()) ? gpus : cores;
        return RenderEstimate.of(cost, frames, w, table.pricePerHour(cost.unit(), options.gpuModel()), table.currency());
    }
}
