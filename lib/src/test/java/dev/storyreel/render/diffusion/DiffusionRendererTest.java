package dev.storyreel.render.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.Setting;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import dev.storyreel.render.RenderedFrame;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diffusion renderer over generated tiny models: determinism, batch invariance, dtype variants, motion, failures. */
class DiffusionRendererTest {
    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void writeModel() throws IOException {
        model = tmp.resolve("tiny");
        TinyModelWriter.write(model, TinyModelWriter.TimestepType.INT64, false, TinyModelWriter.Size.tiny());
    }

    static ShotSpec shot(long seed, int frames, CameraMove camera, String location, List<String> characters) {
        return new ShotSpec(64, 36, 6, frames, seed, ShotKind.DIALOGUE, camera,
                new Setting(Setting.Exposure.INT, location, "NIGHT"), characters, characters.isEmpty() ? "" : characters.get(0),
                "A line.", "", "sepia", "sepia style film still, medium close-up, interior " + location.toLowerCase());
    }

    static List<ShotSpec> shots() {
        return List.of(shot(11, 7, CameraMove.PAN, "LIGHTHOUSE", List.of("ANNA")),
                shot(12, 13, CameraMove.PUSH_IN, "KITCHEN", List.of("TOM", "ANNA")),
                shot(13, 1, CameraMove.STATIC, "LIGHTHOUSE", List.of()),
                shot(14, 5, CameraMove.TILT, "BEACH", List.of("TOM")));
    }

    static List<byte[]> render(DiffusionRenderer r, List<ShotSpec> shots) {
        List<byte[]> out = new ArrayList<>();
        var it = r.render(shots.iterator());
        int shot = -1;
        while (it.hasNext()) {
            RenderedFrame f = it.next();
            if (f.index() == 0) {
                shot++;
            }
            assertEquals(shots.get(shot), f.shot());
            assertEquals(64, f.image().getWidth());
            assertEquals(36, f.image().getHeight());
            out.add(((DataBufferByte) f.image().getRaster().getDataBuffer()).getData().clone());
        }
        return out;
    }

    static DiffusionRenderer renderer(Path m, int batch) {
        return open(m, new DiffusionSettings("auto", 0, -1, batch, 4));
    }

    /** A renderer on the CPU with a lock of its own, its folder checked first (as the per-JVM owner does). */
    static DiffusionRenderer open(Path m, DiffusionSettings settings) {
        ModelFolder folder = ModelFolder.open(m);
        DiffusionRenderer.check(folder);
        return DiffusionRenderer.open(folder, settings, Device.CPU, new ReentrantLock());
    }

    @Test
    void sameShotsGiveIdenticalFramesWhateverTheBatchSize() throws IOException {
        List<byte[]> a;
        List<byte[]> b;
        List<byte[]> c;
        try (DiffusionRenderer r1 = renderer(model, 1); DiffusionRenderer r4 = renderer(model, 4);
             DiffusionRenderer r3 = renderer(model, 3)) {
            a = render(r1, shots());
            b = render(r4, shots());
            c = render(r3, shots());
            assertEquals(r1.info(), r4.info(), "batch size is not part of the version");
        }
        assertEquals(7 + 13 + 1 + 5, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "frame " + i + " batch 1 vs 4");
            assertArrayEquals(a.get(i), c.get(i), "frame " + i + " batch 1 vs 3");
        }
        // A shot rendered alone equals the same shot rendered after others.
        try (DiffusionRenderer r = renderer(model, 4)) {
            List<byte[]> alone = render(r, List.of(shots().get(1)));
            for (int i = 0; i < alone.size(); i++) {
                assertArrayEquals(a.get(7 + i), alone.get(i));
            }
        }
        Path png = Path.of(System.getProperty("java.io.tmpdir"), "storyreel-diffusion-sample.png");
        try (DiffusionRenderer r = renderer(model, 4)) {
            ImageIO.write(r.render(List.of(shots().get(0)).iterator()).next().image(), "png", png.toFile());
        }
    }

    @Test
    void framesAreNotBlankAndMoveSmoothly() {
        List<byte[]> frames;
        try (DiffusionRenderer r = renderer(model, 4)) {
            frames = render(r, List.of(shots().get(1)));
        }
        byte[] first = frames.get(0);
        int min = 255;
        int max = 0;
        for (byte v : first) {
            min = Math.min(min, v & 0xFF);
            max = Math.max(max, v & 0xFF);
        }
        assertTrue(max - min > 30, "frame has contrast: " + min + ".." + max);
        // Neighbouring frames differ a little (motion), far less than two unrelated shots differ.
        double step = meanAbs(frames.get(5), frames.get(6));
        assertTrue(step > 0, "the camera moves");
        try (DiffusionRenderer r = renderer(model, 4)) {
            byte[] other = render(r, List.of(shots().get(3))).get(0);
            assertTrue(step < meanAbs(frames.get(0), other), "neighbours " + step + " vs other shot " + meanAbs(frames.get(0), other));
        }
    }

    @Test
    void timestepAndInputIdsVariantsAllRun() throws IOException {
        List<byte[]> reference = null;
        for (TinyModelWriter.TimestepType t : TinyModelWriter.TimestepType.values()) {
            for (boolean int32 : new boolean[] {false, true}) {
                Path m = tmp.resolve("variant-" + t + "-" + int32);
                TinyModelWriter.write(m, t, int32, TinyModelWriter.Size.tiny());
                try (DiffusionRenderer r = renderer(m, 2)) {
                    List<byte[]> frames = render(r, List.of(shots().get(0)));
                    if (reference == null) {
                        reference = frames;
                    } else {
                        // Same weights, same maths: the dtype of timestep/input_ids changes nothing.
                        for (int i = 0; i < frames.size(); i++) {
                            assertArrayEquals(reference.get(i), frames.get(i), t + " int32=" + int32);
                        }
                    }
                }
            }
        }
    }

    @Test
    void versionCarriesModelHashAndSettings() throws IOException {
        Path other = tmp.resolve("other");
        TinyModelWriter.write(other, TinyModelWriter.TimestepType.INT64, false, TinyModelWriter.Size.tiny());
        Files.writeString(other.resolve("unet/model.onnx_data"), "x", java.nio.file.StandardOpenOption.APPEND);
        try (DiffusionRenderer a = renderer(model, 4); DiffusionRenderer b = renderer(other, 4);
             DiffusionRenderer c = open(model, new DiffusionSettings("ddim", 3, 7.5f, 4, 4))) {
            assertEquals("diffusion", a.info().id());
            assertTrue(a.info().version().startsWith("1."), a.info().version());
            assertNotEquals(a.info().version(), b.info().version());
            assertNotEquals(a.info().version(), c.info().version());
            assertEquals("euler", a.settings().scheduler());
            assertEquals(1, a.settings().steps());
            // DDIM with guidance renders too (two UNet halves per item).
            assertEquals(5, render(c, List.of(shots().get(3))).size());
        }
    }

    @Test
    void theDeviceLockIsTheCallersAndTheCpuNeverWaitsForIt() throws Exception {
        // Another user of the device holds the lock the owner gave this renderer: on the CPU the
        // model calls do not take it, so the render completes while the lock stays held.
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            lock.lock();
            try {
                held.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        });
        holder.start();
        held.await();
        try (DiffusionRenderer r = DiffusionRenderer.open(ModelFolder.open(model), new DiffusionSettings("auto", 0, -1, 2, 4),
                Device.CPU, lock)) {
            List<byte[]> frames = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> render(r, List.of(shots().get(0))));
            assertEquals(7, frames.size());
            assertTrue(lock.isLocked(), "still held by the other user");
        } finally {
            release.countDown();
            holder.join();
        }
    }

    @Test
    void missingPartsAndBadTensorsFailNamingTheFile() throws IOException {
        Path m = tmp.resolve("broken");
        TinyModelWriter.write(m, TinyModelWriter.TimestepType.INT64, false, TinyModelWriter.Size.tiny());
        Files.delete(m.resolve("vae_decoder/model.onnx"));
        ModelException e = assertThrows(ModelException.class, () -> renderer(m, 1));
        assertTrue(e.getMessage().contains("vae_decoder/model.onnx") && e.getMessage().contains("missing"), e.getMessage());

        Path t = tmp.resolve("no-tokenizer");
        TinyModelWriter.write(t, TinyModelWriter.TimestepType.INT64, false, TinyModelWriter.Size.tiny());
        Files.delete(t.resolve("tokenizer/merges.txt"));
        e = assertThrows(ModelException.class, () -> renderer(t, 1));
        assertTrue(e.getMessage().contains("tokenizer") && e.getMessage().contains("merges.txt"), e.getMessage());

        // A UNet whose sample has 3 channels instead of 4.
        Path s = tmp.resolve("bad-shape");
        TinyModelWriter.write(s, TinyModelWriter.TimestepType.INT64, false, TinyModelWriter.Size.tiny());
        new OnnxGraph("unet", null)
                .input("sample", OnnxGraph.FLOAT, "batch", 3L, "h", "w")
                .input("timestep", OnnxGraph.INT64, "batch")
                .input("encoder_hidden_states", OnnxGraph.FLOAT, "batch", 77L, 16L)
                .output("out_sample", OnnxGraph.FLOAT, "batch", 3L, "h", "w")
                .node("Identity", List.of("sample"), List.of("out_sample"))
                .write(s.resolve("unet/model.onnx"));
        Files.delete(s.resolve("unet/model.onnx_data"));
        e = assertThrows(ModelException.class, () -> renderer(s, 1));
        assertTrue(e.getMessage().contains("unet/model.onnx") && e.getMessage().contains("4 latent channels")
                && e.getMessage().contains("[-1, 3, -1, -1]"), e.getMessage());
    }

    static double meanAbs(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return (double) sum / a.length;
    }

    static String hex(byte[] a) {
        return Arrays.toString(Arrays.copyOf(a, 8));
    }
}
