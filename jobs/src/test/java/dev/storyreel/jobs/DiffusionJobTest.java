package dev.storyreel.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyreel.assemble.FfmpegCli;
import dev.storyreel.jobs.cluster.ExecutorModels;
import dev.storyreel.jobs.cluster.ModelCache;
import dev.storyreel.jobs.cluster.TaskDevice;
import dev.storyreel.render.RendererSpec;
import dev.storyreel.render.diffusion.Device;
import dev.storyreel.render.diffusion.DiffusionRenderer;
import dev.storyreel.render.diffusion.DiffusionSettings;
import dev.storyreel.render.diffusion.TinyModelWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The film job with the diffusion renderer and a generated tiny model, on Spark local[2]: every
 * sample film valid, one model load per JVM across many tasks, the same frames with batch size 1
 * (model given as a URI, copied through Hadoop's FS) as with batch size 4; task GPU → CUDA device.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiffusionJobTest {
    static final Path SAMPLES = FilmJobTest.SAMPLES;

    @TempDir
    static Path tmp;
    Path model;
    Path a;
    Path b;
    int loadsA;
    int loadsB;
    JsonNode runA;

    @BeforeAll
    void runTwice() throws Exception {
        model = tmp.resolve("model");
        TinyModelWriter.write(model, TinyModelWriter.TimestepType.FLOAT, true, TinyModelWriter.Size.tiny());
        a = tmp.resolve("a");
        int before = DiffusionRenderer.modelLoads();
        assertEquals(0, FilmJobTest.job("--catalogue", SAMPLES.resolve("catalogue.csv").toString(), "--out", a.toString(),
                "--renderer", "diffusion", "--model", model.toString(), "--wave-shots", "6", "--keyframe-every", "4"));
        loadsA = DiffusionRenderer.modelLoads() - before;
        runA = new ObjectMapper().readTree(a.resolve("run.json").toFile());
        b = tmp.resolve("b");
        before = DiffusionRenderer.modelLoads();
        System.setProperty("storyreel.model.cache", tmp.resolve("cache").toString());
        assertEquals(0, FilmJobTest.job("--catalogue", SAMPLES.resolve("catalogue.csv").toString(), "--out", b.toString(),
                "--renderer", "diffusion", "--model", model.toUri().toString(), "--batch-size", "1", "--keyframe-every", "4",
                "--master", "local[1]"));
        loadsB = DiffusionRenderer.modelLoads() - before;
    }

    @Test
    void everySampleFilmIsAValidFilmOfThePlannedFrames() throws Exception {
        assertEquals("diffusion", runA.at("/settings/renderer").asText());
        int films = 0;
        for (JsonNode film : runA.get("films")) {
            assertEquals("ok", film.get("status").asText(), film.toString());
            Map<String, String> probe = FfmpegCli.probe(a.resolve(film.get("file").asText()));
            assertEquals(List.of("h264", "64", "36"), List.of(probe.get("codec_name"), probe.get("width"), probe.get("height")));
            String id = film.get("film_id").asText();
            long planned = Duck.single("select sum(frames) from " + Duck.table(a, "plan") + " where film_id='" + id + "'");
            assertEquals(planned, Long.parseLong(probe.get("nb_read_frames")), id);
            films++;
        }
        assertEquals(3, films);
        String frames = Duck.table(a, "frames");
        assertEquals(Duck.single("select sum(frames) from " + Duck.table(a, "plan")), Duck.single("select count(*) from " + frames));
        assertEquals(List.of("diffusion"), Duck.query("select distinct renderer from " + Duck.table(a, "plan")));
        // Not blank: frames differ from one another.
        assertTrue(Duck.single("select count(distinct md5(data)) from " + frames) > 100);
    }

    @Test
    void oneModelLoadPerJvmAcrossManyTasks() throws Exception {
        long tasks = Duck.single("select count(distinct shot_key) from " + Duck.table(a, "frames"));
        assertTrue(tasks > 20, "many render tasks: " + tasks);
        assertEquals(1, loadsA, "model loads in this JVM for the first run");
        assertEquals(1, loadsB, "model loads in this JVM for the second run (another model path, another batch size)");
    }

    @Test
    void batchSizeOneAndFourGiveTheSameFrames() throws Exception {
        String sql = "select film_id, variant, scene, shot, frame, md5(data) from %s order by all";
        List<String> fa = Duck.query(sql.formatted(Duck.table(a, "frames")));
        List<String> fb = Duck.query(sql.formatted(Duck.table(b, "frames")));
        assertTrue(fa.size() > 1000);
        assertEquals(fa, fb);
        for (String f : List.of("lighthouse", "getaway-cake", "quiet-frequency")) {
            assertEquals(FfmpegCli.frameMd5(a.resolve("films/" + f + ".mp4")), FfmpegCli.frameMd5(b.resolve("films/" + f + ".mp4")), f);
        }
    }

    @Test
    void aTaskWithGpuOneAsksForCudaDeviceOne() {
        assertEquals(Device.cuda(1), TaskDevice.of(Map.of("gpu", new ResourceInformation("gpu", new String[] {"1"}))));
        assertEquals(Device.cuda(0), TaskDevice.of(Map.of("gpu", new ResourceInformation("gpu", new String[] {"0", "1"}))));
        assertEquals(Device.CPU, TaskDevice.of(Map.of()));
        assertEquals(Device.CPU, TaskDevice.current(), "outside a task");
        RendererSpec choice = new RendererSpec.Diffusion(model.toString(), DiffusionSettings.defaults(), "");
        DiffusionRenderer gpu1 = (DiffusionRenderer) ExecutorModels.jvm().renderer(choice, Device.cuda(1));
        assertSame(gpu1, ExecutorModels.jvm().renderer(choice, Device.cuda(1)), "one renderer per JVM and device");
        assertNotSame(gpu1, ExecutorModels.jvm().renderer(choice, Device.CPU));
        assertEquals(Device.cuda(1), gpu1.device());
        // This ONNX Runtime build has no CUDA provider: the model runs on the CPU (and says so in the log).
        assertEquals(Device.CPU, gpu1.effectiveDevice());
    }

    @Test
    void aModelUriIsCopiedOnceAndVerified() throws Exception {
        Path cache = tmp.resolve("cache2");
        Path copy = ModelCache.copy(model.toUri().toString(), new Configuration(), cache);
        assertEquals(copy, ModelCache.copy(model.toUri().toString(), new Configuration(), cache), "reused");
        assertTrue(Files.isRegularFile(copy.resolve("unet/model.onnx_data")));
        assertEquals(Files.size(model.resolve("unet/model.onnx_data")), Files.size(copy.resolve("unet/model.onnx_data")));
        // A corrupted copy is not reused: it is copied again.
        Files.writeString(copy.resolve("model_index.json"), "{}");
        Path again = ModelCache.copy(model.toUri().toString(), new Configuration(), cache);
        assertEquals(Files.readString(model.resolve("model_index.json")), Files.readString(again.resolve("model_index.json")));
    }
}
