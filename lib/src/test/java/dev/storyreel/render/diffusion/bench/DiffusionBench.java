package dev.storyreel.render.diffusion.bench;

import dev.storyreel.frames.FrameCodec;
import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.Setting;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import dev.storyreel.render.RenderedFrame;
import dev.storyreel.render.diffusion.Device;
import dev.storyreel.render.diffusion.DiffusionRenderer;
import dev.storyreel.render.diffusion.DiffusionSettings;
import dev.storyreel.render.diffusion.ModelFolder;
import dev.storyreel.render.diffusion.TinyModelWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The diffusion renderer's inference share: for the benchmark model (≈4.9 GFLOP per UNet item at
 * latent 64x64), the share of a render task's wall time (render + frame encoding, as RenderStage
 * does) spent inside ONNX Runtime calls, and frames/s, per batch size.
 * Args: FRAMES [SIZE] [STEPS] [KEYFRAME_EVERY] [BATCH...]
 */
public final class DiffusionBench {
    private DiffusionBench() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 48;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int every = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        List<Integer> batches = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            batches.add(Integer.parseInt(args[i]));
        }
        if (batches.isEmpty()) {
            batches = List.of(1, 2, 4);
        }
        Path model = Files.createTempDirectory("storyreel-bench-model");
        TinyModelWriter.write(model, TinyModelWriter.TimestepType.INT64, false, TinyModelWriter.Size.bench());
        FrameCodec codec = FrameCodec.named("bgr24-zstd");
        System.out.printf("model: bench size (UNet ~4.9 GFLOP per item at latent %dx%d), frame %dx%d, euler %d steps, keyframe every %d, %d frames, ORT CPU %s thread(s)%n",
                size / 8, size / 8, size, size, steps, every, frames, Integer.getInteger("storyreel.ort.threads", 1));
        // Warm-up (session load and first-run allocation are not part of a steady render task).
        run(model, 1, frames / 4, size, steps, every, codec);
        for (int b : batches) {
            double[] r = run(model, b, frames, size, steps, every, codec);
            System.out.printf("batch %d: %.2f frames/s, inference share %.3f (model %.1f s of %.1f s)%n", b, frames / r[0], r[1] / r[0], r[1], r[0]);
        }
    }

    private static double[] run(Path model, int batch, int frames, int size, int steps, int every, FrameCodec codec) {
        ShotSpec shot = new ShotSpec(size, size, 24, frames, 42, ShotKind.ACTION, CameraMove.PAN,
                new Setting(Setting.Exposure.EXT, "HARBOUR", "DUSK"), List.of("ANNA"), "", "Boats.", "", "sepia",
                "sepia style film still, medium wide shot of anna, exterior harbour, dusk");
        try (DiffusionRenderer r = DiffusionRenderer.open(ModelFolder.open(model),
                new DiffusionSettings("euler", steps, 0, batch, every), Device.CPU, new ReentrantLock())) {
            r.effectiveDevice();
            long m0 = r.modelNanos();
            long t0 = System.nanoTime();
            Iterator<RenderedFrame> it = r.render(List.of(shot).iterator());
            long bytes = 0;
            while (it.hasNext()) {
                bytes += codec.encode(it.next().image()).length;
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            if (bytes == 0) {
                throw new IllegalStateException("no frames");
            }
            return new double[] {wall, (r.modelNanos() - m0) / 1e9};
        }
    }
}
