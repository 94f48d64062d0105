package dev.storyreel.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyreel.assemble.FfmpegCli;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The film job on a real Spark standalone cluster (a master and two workers with fake GPUs, all
 * separate JVMs) reading and writing s3a:// on a real S3-compatible server (s3proxy), submitted
 * through SparkSubmit. The output is read back from the server's own store (not through S3A),
 * checked with ffprobe and DuckDB, and compared frame by frame with a local[2] run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterS3Test {
    static final Path ROOT = FilmJobTest.ROOT;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BUCKET = "films";
    static final String KEY_ID = "storyreel-test";
    static final String SECRET = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    /** What the job jar carries (jobs/pom.xml job.jar.artifacts): shipped with --jars here. */
    static final List<String> JOB_JAR_ARTIFACTS = List.of("storyreel-lib", "javacv", "javacpp", "ffmpeg", "picocli",
            "openpdf-fonts-extra", "jackson-dataformat-csv");

    @TempDir
    static Path tmp;
    BlobStoreContext blobContext;
    BlobStore blobs;
    S3Proxy proxy;
    LocalSparkCluster cluster;
    int exit;
    String driverLog;
    Path s3;
    Path local;
    List<String> keys;

    @BeforeAll
    void runOnTheCluster() throws Exception {
        blobContext = ContextBuilder.newBuilder("transient").credentials(KEY_ID, SECRET).build(BlobStoreContext.class);
        blobs = blobContext.getBlobStore();
        proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY_ID, SECRET).ignoreUnknownHeaders(true).build();
        proxy.start();
        blobs.createContainerInLocation(null, BUCKET);
        try (Stream<Path> files = Files.list(FilmJobTest.SAMPLES)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                blobs.putBlob(BUCKET, blobs.blobBuilder("in/" + f.getFileName()).payload(Files.readAllBytes(f)).build());
            }
        }
        cluster = new LocalSparkCluster(ROOT, tmp.resolve("cluster"));

        Path log = tmp.resolve("driver.log");
        Process driver = new ProcessBuilder(submitCommand()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(driver.waitFor(10, TimeUnit.MINUTES), "the job did not finish in 10 minutes");
        } finally {
            driver.destroyForcibly();
        }
        exit = driver.exitValue();
        driverLog = Files.readString(log, StandardCharsets.ISO_8859_1);

        s3 = tmp.resolve("s3");
        keys = download("out/run1/", s3);
        local = tmp.resolve("local");
        assertEquals(0, FilmJobTest.job("--catalogue", FilmJobTest.SAMPLES.resolve("catalogue.csv").toString(),
                "--out", local.toString(), "--master", "local[2]"));
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (proxy != null) {
            proxy.stop();
        }
        if (blobContext != null) {
            blobContext.close();
        }
    }

    @Test
    void jobSucceedsOnTheClusterAndWritesEveryOutputToS3() throws Exception {
        assertEquals(0, exit, driverLog);
        JsonNode run = JSON.readTree(s3.resolve("run.json").toFile());
        assertEquals(cluster.master(), run.at("/settings/master").asText());
        assertEquals("s3a://films/out/run1", run.at("/settings/out").asText());
        for (String prefix : List.of("plan/_SUCCESS", "frames/film_id=", "films/", "segments/", "run.json", "devices.json")) {
            assertTrue(keys.stream().anyMatch(k -> k.startsWith(prefix)), prefix + " missing in " + keys);
        }
        // Nothing half-done is left behind: no magic-committer, temporary or partial objects.
        for (String k : keys) {
            assertFalse(k.contains("__magic") || k.contains("_temporary") || k.endsWith(".part") || k.contains("_frames-work"), k);
        }
    }

    @Test
    void everyFilmDownloadedFromS3IsAValidMp4WithThePlannedFrames() throws Exception {
        JsonNode run = JSON.readTree(s3.resolve("run.json").toFile());
        JsonNode localRun = JSON.readTree(local.resolve("run.json").toFile());
        assertEquals(3, run.get("films").size());
        for (int i = 0; i < run.get("films").size(); i++) {
            JsonNode film = run.get("films").get(i);
            String id = film.get("film_id").asText();
            assertEquals("ok", film.get("status").asText(), id);
            assertEquals(localRun.get("films").get(i).get("frames").asLong(), film.get("frames").asLong(), id);
            Path mp4 = s3.resolve(film.get("file").asText());
            Map<String, String> probe = FfmpegCli.probe(mp4);
            assertEquals(List.of("h264", "yuv420p", "64", "36", "6/1"), List.of(probe.get("codec_name"), probe.get("pix_fmt"),
                    probe.get("width"), probe.get("height"), probe.get("r_frame_rate")), id);
            assertEquals(film.get("frames").asLong(), Long.parseLong(probe.get("nb_read_frames")), id);
            assertEquals(FfmpegCli.frameMd5(local.resolve(film.get("file").asText())), FfmpegCli.frameMd5(mp4), id);
        }
    }

    @Test
    void framesAreWholeContentNamedObjectsCompactedToOnePerFilm() throws Exception {
        // Published by the frames commit protocol (no Spark committer): after compaction each film's
        // frames are one object named from its inputs' content, and frames/_SUCCESS lists them.
        Map<String, List<String>> perFilm = new java.util.TreeMap<>();
        List<String> listed = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(s3.resolve("frames/_SUCCESS").toFile())
                .path("filenames").forEach(f -> listed.add(f.asText()));
        assertEquals(keys.stream().filter(k -> k.startsWith("frames/") && k.endsWith(".parquet")).sorted().toList(), listed);
        for (String k : keys) {
            if (k.startsWith("frames/") && !k.equals("frames/_SUCCESS")) {
                String[] parts = k.split("/");
                assertEquals(3, parts.length, k);
                assertTrue(parts[2].matches("(c-[0-9a-f]{32}-0|part-[0-9a-f]{32})\\.parquet"), k);
                perFilm.computeIfAbsent(parts[1], f -> new ArrayList<>()).add(parts[2]);
            }
        }
        assertEquals(List.of("film_id=getaway-cake", "film_id=lighthouse", "film_id=quiet-frequency"),
                new ArrayList<>(perFilm.keySet()));
        perFilm.values().forEach(files -> assertEquals(1, files.size(), files.toString()));
    }

    @Test
    void framesAreByteIdenticalToALocalRun() throws Exception {
        List<String> cluster = frameHashes(s3);
        assertEquals(Duck.single("select sum(frames) from " + Duck.table(s3, "plan")), cluster.size());
        assertEquals(frameHashes(local), cluster);
    }

    @Test
    void everyRenderTaskHeldAGpuOfItsWorkerAndNoAssemblyTaskHeldOne() throws Exception {
        // Per shot, in the frames table: the GPU address the render task got.
        List<String> devices = Duck.query("select distinct device from " + Duck.table(s3, "frames") + " order by 1");
        assertFalse(devices.isEmpty());
        for (String d : devices) {
            assertTrue(d.matches("gpu:[0-3]"), "render device " + d);
        }
        assertEquals(List.of("cpu"), Duck.query("select distinct device from " + Duck.table(local, "frames")));
        // Per task, from inside the tasks (devices.json): render tasks all held a GPU of their
        // executor's worker, assembly tasks none.
        JsonNode audit = JSON.readTree(s3.resolve("devices.json").toFile());
        JsonNode render = audit.get("render");
        JsonNode assemble = audit.get("assemble");
        long shots = Duck.single("select count(distinct shot_key) from " + Duck.table(s3, "plan"));
        // One render job of tasks balanced by frames: at least one task per slot, at most one per shot.
        assertTrue(render.get("tasks").asLong() >= 2 && render.get("tasks").asLong() <= shots, render.toString());
        assertEquals(render.get("tasks").asLong(), render.get("tasks_with_gpu").asLong());
        assertTrue(assemble.get("tasks").asLong() > 0);
        assertEquals(0, assemble.get("tasks_with_gpu").asLong());
        Set<String> seen = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = render.get("devices_by_executor").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> executor = it.next();
            List<String> gpus = new ArrayList<>();
            executor.getValue().forEach(d -> gpus.add(d.asText().substring("gpu:".length())));
            assertTrue(LocalSparkCluster.WORKER_GPUS.stream().anyMatch(w -> w.containsAll(gpus)),
                    "executor " + executor.getKey() + " held GPUs of two workers: " + gpus);
            seen.addAll(gpus);
        }
        Set<String> inFrames = new HashSet<>();
        devices.forEach(d -> inFrames.add(d.substring("gpu:".length())));
        assertEquals(seen, inFrames);
    }

    @Test
    void credentialsAppearInNoOutputAndNoLog() throws Exception {
        for (String f : List.of("run.json", "devices.json")) {
            assertFalse(Files.readString(s3.resolve(f)).contains(SECRET), f);
        }
        assertFalse(driverLog.contains(SECRET), "driver log");
        assertFalse(cluster.logs().contains(SECRET), "cluster logs");
    }

    private List<String> submitCommand() throws IOException {
        Path props = tmp.resolve("submit.conf");
        Files.writeString(props, Files.readString(ROOT.resolve("conf/standalone.conf")) + String.join("\n",
                "spark.driver.host 127.0.0.1",
                "spark.driver.bindAddress 127.0.0.1",
                "spark.hadoop.fs.s3a.endpoint http://127.0.0.1:" + proxy.getPort(),
                "spark.hadoop.fs.s3a.path.style.access true",
                "spark.hadoop.fs.s3a.endpoint.region us-east-1",
                "spark.hadoop.fs.s3a.connection.ssl.enabled false",
                "spark.hadoop.fs.s3a.aws.credentials.provider org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
                "spark.hadoop.fs.s3a.access.key " + KEY_ID,
                "spark.hadoop.fs.s3a.secret.key " + SECRET, ""));
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath().normalize();
            String name = p.getFileName().toString();
            if (Files.isDirectory(p)) {
                // Another module's classes in a reactor build (lib/target/classes): shipped as a jar.
                if (p.endsWith("target/classes") && !p.equals(ROOT.resolve("jobs/target/classes"))) {
                    jars.add(jarOf(p, tmp.resolve(p.getParent().getParent().getFileName() + "-classes.jar")).toString());
                }
            } else if (!name.endsWith("-tests.jar")
                    && JOB_JAR_ARTIFACTS.stream().anyMatch(a -> name.matches(java.util.regex.Pattern.quote(a) + "-[0-9].*\\.jar"))) {
                jars.add(entry);
            }
        }
        Path app = jarOf(ROOT.resolve("jobs/target/classes"), tmp.resolve("storyreel-jobs.jar"));
        List<String> cmd = new ArrayList<>(List.of(LocalSparkCluster.javaBin(), "-Xmx1g", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + ROOT.resolve("conf/log4j2.properties")));
        cmd.addAll(List.of(System.getProperty("storyreel.jvm.opens", "").split("\\s+")));
        cmd.addAll(List.of("-cp", String.join(":", LocalSparkCluster.sparkJars(ROOT)), "org.apache.spark.deploy.SparkSubmit",
                "--master", cluster.master(), "--deploy-mode", "client", "--class", FilmJob.class.getName(),
                "--properties-file", props.toString(), "--jars", String.join(",", jars), app.toString(),
                "--catalogue", "s3a://films/in/catalogue.csv", "--out", "s3a://films/out/run1"));
        cmd.addAll(List.of(FilmJobTest.SIZE));
        // Silent and unchecked like FilmJobTest's local run it is compared with (sound and QC have their own tests).
        cmd.addAll(List.of("--no-qc", "--no-sound"));
        cmd.removeIf(String::isBlank);
        return cmd;
    }

    /** Downloads every object under the prefix straight from the server's blob store. */
    private List<String> download(String prefix, Path to) throws IOException {
        List<String> names = new ArrayList<>();
        ListContainerOptions options = ListContainerOptions.Builder.prefix(prefix).recursive();
        String marker = null;
        do {
            var page = blobs.list(BUCKET, marker == null ? options : options.clone().afterMarker(marker));
            for (StorageMetadata m : page) {
                if (m.getType() != StorageType.BLOB) {
                    continue;
                }
                String rel = m.getName().substring(prefix.length());
                names.add(rel);
                if (rel.isEmpty() || rel.endsWith("/")) {
                    continue;
                }
                Path dst = to.resolve(rel);
                Files.createDirectories(dst.getParent());
                try (InputStream in = blobs.getBlob(BUCKET, m.getName()).getPayload().openStream()) {
                    Files.copy(in, dst);
                }
            }
            marker = page.getNextMarker();
        } while (marker != null);
        return names;
    }

    private static List<String> frameHashes(Path out) throws Exception {
        return Duck.query("select film_id, variant, scene, shot, frame, md5(data) from " + Duck.table(out, "frames") + " order by all");
    }

    private static Path jarOf(Path classes, Path jar) throws IOException {
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
        return jar;
    }
}
