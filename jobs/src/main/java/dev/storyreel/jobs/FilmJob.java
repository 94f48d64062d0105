package dev.storyreel.jobs;

import dev.storyreel.assemble.EncoderSettings;
import dev.storyreel.catalogue.CatalogueException;
import dev.storyreel.frames.FrameCodec;
import dev.storyreel.jobs.cluster.ClusterSettings;
import dev.storyreel.jobs.cluster.ExecutorModels;
import dev.storyreel.jobs.cluster.GpuScheduling;
import dev.storyreel.jobs.run.Estimates;
import dev.storyreel.jobs.run.FilmStatus;
import dev.storyreel.jobs.run.JobOptions;
import dev.storyreel.jobs.run.OutputOptions;
import dev.storyreel.jobs.run.QcOptions;
import dev.storyreel.jobs.run.SoundOptions;
import dev.storyreel.sound.LoudnessTarget;
import dev.storyreel.jobs.run.RunReport;
import dev.storyreel.jobs.run.WriterOptions;
import dev.storyreel.jobs.store.OutputGuard;
import dev.storyreel.jobs.store.OutputLock;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.limits.Limit;
import dev.storyreel.limits.Limits;
import dev.storyreel.qc.DeliveryProfile;
import dev.storyreel.render.Captions;
import dev.storyreel.render.Overlay;
import dev.storyreel.render.RendererSpec;
import dev.storyreel.render.diffusion.DiffusionSettings;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The film job's command line: turns a catalogue of screenplays into films. */
@Command(name = "storyreel", mixinStandardHelpOptions = true, version = "storyreel " + RunReport.VERSION,
        sortOptions = false, showDefaultValues = true,
        description = "Turns a catalogue of screenplays into films: plan, render frames to Parquet, assemble MP4s.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  storyreel                                   # the sample catalogue into out/",
            "  storyreel --catalogue my/catalogue.csv --out /data/run1 --width 1280 --height 720 --fps 24",
            "  storyreel --catalogue scripts/ --plan-only  # a folder of .fountain files: plan and estimate only",
            "  storyreel --plan-only --gpu-model h100      # estimate time and cost from conf/estimates.yaml",
            "  storyreel --renderer diffusion --model /models/sd-turbo-onnx --batch-size 8",
            "  storyreel --renderer remote --remote-url http://gateway:8080 --remote-model ltx-video  # key: STORYREEL_REMOTE_KEY",
            "  storyreel --catalogue loglines.csv --writer-url http://chat:8000/v1 --writer-model NAME  # key: STORYREEL_WRITER_KEY",
            "",
            "Exit status: 0 all films made, 1 some film failed or some deliverable failed delivery QC,",
            "2 bad usage (options, --out refused), 3 --out locked by another run."})
public final class FilmJob implements Callable<Integer> {

    @Option(names = "--catalogue", paramLabel = "CSV|DIR",
            description = "Catalogue CSV (film_id,title,source,style,seed) or a folder of screenplays.")
    String catalogue = "samples/catalogue.csv";

    @Option(names = "--out", paramLabel = "DIR", description = "Output root: plan/, frames/, segments/, films/, run.json.")
    String out = "out";

    @Option(names = "--renderer", description = "Renderer: procedural (CPU animatic) or diffusion (an ONNX Stable Diffusion model, --model).")
    String renderer = "procedural";

    @Option(names = "--overlay", paramLabel = "none|label",
            description = "Procedural: burn in a technical label and name tags (label, for review copies) or not (none).")
    String overlay = "none";

    @Option(names = "--captions", paramLabel = "none|burn",
            description = "Procedural: burn the shot's line into the picture (burn) or not (none; subtitles are tracks).")
    String captions = "none";

    @Option(names = "--model", paramLabel = "DIR|URI", description = "Model folder for model-based renderers (local, or s3a://... copied once per executor).")
    String model = "";

    @Option(names = "--scheduler", description = "Diffusion sampler: auto (from the model), euler (SD-Turbo), ddim (SD 1.x/2.x).")
    String scheduler = "auto";

    @Option(names = "--steps", description = "Diffusion steps per keyframe (0: 1 for euler, 20 for ddim).")
    int steps = 0;

    @Option(names = "--guidance", description = "Classifier-free guidance scale (<= 1: off; -1: 0 for euler, 7.5 for ddim).")
    float guidance = -1;

    @Option(names = "--batch-size", paramLabel = "N", description = "Frames per UNet/VAE call (never changes a frame).")
    int batchSize = 4;

    @Option(names = "--keyframe-every", paramLabel = "N", description = "Diffusion: frames between keyframes (frames between are interpolated).")
    int keyframeEvery = 12;

    @Option(names = "--width", description = "Frame width in pixels (even).")
    int width = 640;

    @Option(names = "--height", description = "Frame height in pixels (even).")
    int height = 360;

    @Option(names = "--fps", description = "Frames per second.")
    int fps = 24;

    @Option(names = "--seed", description = "Run seed, mixed into every film's seed (0 keeps the catalogue's).")
    long seed = 0;

    @Option(names = "--codec", description = "Frame codec in the frames table: bgr24-zstd (lossless), png (lossless), jpeg.")
    String codec = "bgr24-zstd";

    @Option(names = "--preset", description = "x264 preset for the films.")
    String preset = "veryfast";

    @Option(names = "--crf", description = "x264 CRF for the films (lower is better).")
    int crf = 20;

    @Option(names = "--plan-only", description = "Write the plan and stop: no frames, no films.")
    boolean planOnly;

    @Option(names = "--wave-shots", paramLabel = "N", description = "Shots per render task, each task one commit (0: tasks balanced by frames, eight per core or more).")
    int waveShots = 0;

    @Option(names = "--gpu-per-task", paramLabel = "AMOUNT",
            description = "GPUs per render task (fractions allowed, e.g. 0.5); auto: 1 when the executors have GPUs "
                    + "(spark.executor.resource.gpu.amount), else none. Assembly never holds a GPU.")
    String gpuPerTask = GpuScheduling.AUTO;

    @Option(names = "--gpu-model", paramLabel = "NAME",
            description = "Estimate with the figures recorded for this GPU model in the estimates file instead of calibrating here.")
    String gpuModel = "";

    @Option(names = "--estimates", paramLabel = "FILE",
            description = "Recorded seconds per megapixel-frame per renderer and GPU model, and prices (YAML).")
    String estimates = "conf/estimates.yaml";

    @Option(names = "--master", description = "Spark master (default: spark.master from the Spark conf, else local[*]).")
    String master;

    @Option(names = "--spark-conf", paramLabel = "FILE", description = "Spark properties file (e.g. conf/spark-defaults.conf).")
    Path sparkConf;

    @Option(names = "--verbose", description = "Show Spark's INFO logs.")
    boolean verbose;

    @Option(names = "--trailer", paramLabel = "SECONDS",
            description = "Cut trailers/<film_id>.mp4 of this length (30, 60, 90) for every film (0: rows with a trailer column only).")
    int trailer = 0;

    @Option(names = "--dataset", description = "Write dataset/: a clip per shot, a captions table (Parquet), tar shards.")
    boolean dataset;

    @Option(names = "--shard-mb", paramLabel = "MB", description = "Size of the dataset's tar shards (0: no shards).")
    int shardMb = 64;

    @Option(names = "--subtitle-names", description = "Prefix subtitle lines with the speaker's name.")
    boolean subtitleNames;

    @Option(names = "--styles", paramLabel = "FILE", description = "Style presets (YAML); a missing file means none.")
    String styles = "conf/styles.yaml";

    @Option(names = "--remote-api", paramLabel = "videos|comfyui",
            description = "Remote renderer: the videos API (POST /v1/videos) or a ComfyUI server (--remote-workflow).")
    String remoteApi = "videos";

    @Option(names = "--remote-url", paramLabel = "URL", description = "Remote renderer: the endpoint's base URL.")
    String remoteUrl = "";

    @Option(names = "--remote-model", paramLabel = "NAME", description = "Remote renderer: the model name (its profile from --remote-profiles).")
    String remoteModel = "";

    @Option(names = "--remote-workflow", paramLabel = "FILE", description = "ComfyUI: the API-format workflow template with {{prompt}}, {{seed}}, ... placeholders.")
    Path remoteWorkflow;

    @Option(names = "--remote-concurrency", paramLabel = "N", description = "Remote renderer: requests in flight to the endpoint across the job, at most.")
    int remoteConcurrency = 4;

    @Option(names = "--remote-credentials", paramLabel = "FILE",
            description = "A file holding the remote key (else the environment variable STORYREEL_REMOTE_KEY).")
    Path remoteCredentials;

    @Option(names = "--remote-profiles", paramLabel = "FILE", description = "Model profiles: allowed sizes and lengths, prices (YAML).")
    String remoteProfiles = "conf/remote-models.yaml";

    @Option(names = "--writer-url", paramLabel = "URL",
            description = "Writers' room: an OpenAI-compatible chat endpoint for catalogue rows with a logline or brief (key: STORYREEL_WRITER_KEY).")
    String writerUrl = "";

    @Option(names = "--writer-model", paramLabel = "NAME", description = "Writers' room: the chat model.")
    String writerModel = "";

    @Option(names = "--writer-retries", paramLabel = "K", description = "Writers' room: times a rejected screenplay is sent back.")
    int writerRetries = 2;

    @Option(names = "--writer-temperature", paramLabel = "T", description = "Writers' room: sampling temperature.")
    double writerTemperature = 0.7;

    @Option(names = "--no-sound", description = "Silent films: no voices, score, ambience or mix.")
    boolean noSound;

    @Option(names = "--loudness", paramLabel = "PROFILE",
            description = "Delivery profile the mix is normalised to (from --delivery): ebu (-23 LUFS), web (-14 LUFS).")
    String loudness = "ebu";

    @Option(names = "--delivery", paramLabel = "FILE",
            description = "Delivery profiles (YAML); without the default file, the copy built into storyreel.")
    String delivery = DEFAULT_DELIVERY;

    static final String DEFAULT_DELIVERY = "conf/delivery.yaml";

    @Option(names = "--voice-engine", paramLabel = "NAME",
            description = "Voice engine: espeak-ng (Debian package, no network) or openai (POST /v1/audio/speech at "
                    + "$STORYREEL_TTS_URL, key from $STORYREEL_TTS_API_KEY or the file $STORYREEL_TTS_CREDENTIALS).")
    String voiceEngine = dev.storyreel.sound.voice.VoiceEngines.DEFAULT;

    @Option(names = "--no-qc", description = "Skip delivery QC (loudness, black, frozen, flashes, cuts, subtitles) of the deliverables.")
    boolean noQc;

    @Option(names = "--limits", paramLabel = "FILE",
            description = "Input limits and allowed source locations (YAML); a missing file means the defaults.")
    String limitsFile = "conf/limits.yaml";

    @Option(names = "--force", description = "Write into an existing non-empty folder that is not a storyreel output "
            + "(no file found there is ever deleted).")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line (usage errors exit 2 with a one-line message and the usage). */
    static CommandLine commandLine() {
        return new CommandLine(new FilmJob()).setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("storyreel: " + ex.getMessage());
            cmd.usage(cmd.getErr());
            return 2;
        });
    }

    @Override
    public Integer call() throws IOException {
        Limits limits = limits();
        JobOptions options = validate(limits);
        QcOptions qc = qcOptions();
        SoundOptions sound = soundOptions();
        if (verbose) {
            Configurator.setRootLevel(Level.INFO);
        }
        PrintStream console = System.out;
        // A local --out is guarded and locked before Spark starts (a refusal is quick and quiet); a URI
        // once Spark has its Hadoop settings. The lock is held until the run has written run.json.
        boolean uri = out.contains("://");
        OutputLock lock = null;
        try {
            if (!uri) {
                lock = guardAndLock(new org.apache.hadoop.conf.Configuration());
            }
            try (SparkSession spark = session()) {
                if (!verbose) {
                    spark.sparkContext().setLogLevel("WARN");
                }
                if (uri) {
                    lock = guardAndLock(spark.sparkContext().hadoopConfiguration());
                }
                RunReport report = new FilmRun(spark, options, console, outputOptions(), qc, limits)
                        .withWriter(new WriterOptions(writerUrl, writerModel, writerRetries, writerTemperature))
                        .withSound(sound).run();
                return summarise(report, console);
            } catch (CatalogueException e) {
                spec.commandLine().getErr().println("storyreel: " + e.getMessage());
                return 1;
            }
        } catch (OutputGuard.Refused e) {
            spec.commandLine().getErr().println("storyreel: " + e.getMessage());
            return 2;
        } catch (OutputLock.Held e) {
            spec.commandLine().getErr().println("storyreel: " + e.getMessage());
            return 3;
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private OutputLock guardAndLock(org.apache.hadoop.conf.Configuration conf)
            throws OutputGuard.Refused, OutputLock.Held, IOException {
        OutputGuard.check(out, conf, force);
        return OutputLock.acquire(out, conf);
    }

    /** The input limits (--limits; defaults when the file does not exist). */
    private Limits limits() {
        java.nio.file.Path file = java.nio.file.Path.of(limitsFile);
        if (!java.nio.file.Files.isRegularFile(file)) {
            return Limits.defaults();
        }
        try {
            return Limits.parseYaml(limitsFile, java.nio.file.Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limits: " + e.getMessage());
        }
    }

    private JobOptions validate(Limits limits) {
        try {
            FrameCodec.named(codec);
            if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("--width and --height must be positive and even, got " + width + "x" + height);
            }
            if (width > limits.max(Limit.FRAME_WIDTH) || height > limits.max(Limit.FRAME_HEIGHT)) {
                throw new IllegalArgumentException("--width " + width + " --height " + height + ": the frame size is over the"
                        + " limit of " + limits.max(Limit.FRAME_WIDTH) + "x" + limits.max(Limit.FRAME_HEIGHT)
                        + " (frame_width, frame_height in " + limitsFile + ")");
            }
            if (!EncoderSettings.PRESETS.contains(preset)) {
                throw new IllegalArgumentException("--preset '" + preset + "' is not an x264 preset (one of "
                        + String.join(", ", EncoderSettings.PRESETS) + ")");
            }
            if (waveShots < 0) {
                throw new IllegalArgumentException("--wave-shots must be 0 (four per core) or more, got " + waveShots);
            }
            if (fps <= 0 || fps > 120) {
                throw new IllegalArgumentException("--fps must be in 1..120, got " + fps);
            }
            if (trailer < 0 || trailer > 600) {
                throw new IllegalArgumentException("--trailer must be in 0..600 seconds (30, 60, 90), got " + trailer);
            }
            if (shardMb < 0) {
                throw new IllegalArgumentException("--shard-mb must not be negative, got " + shardMb);
            }
            if (dataset && choice() instanceof RendererSpec.Procedural p && !p.equals(p.clean())) {
                throw new IllegalArgumentException("dataset clips are clean plates: --dataset cannot be combined with "
                        + "--overlay label or --captions burn (run the review copy separately)");
            }
            if (crf < 0 || crf > 51) {
                throw new IllegalArgumentException("--crf must be in 0..51, got " + crf);
            }
            if (!GpuScheduling.AUTO.equalsIgnoreCase(gpuPerTask.strip())) {
                GpuScheduling.parse(gpuPerTask.strip());
            }
            if (batchSize < 1 || steps < 0 || keyframeEvery < 1) {
                throw new IllegalArgumentException("--batch-size and --keyframe-every must be >= 1, --steps >= 0");
            }
            if (writerRetries < 0 || writerRetries > 10 || writerUrl.isBlank() != writerModel.isBlank()) {
                throw new IllegalArgumentException("--writer-url and --writer-model go together; --writer-retries in 0..10");
            }
            if (!model.contains("://")) {
                // A local model is checked here, before Spark starts; a URI once the run has its Hadoop settings.
                ExecutorModels.open(choice()).close();
            }
            if (!gpuModel.isBlank()) {
                Estimates.table(estimates).figure(gpuModel, renderer, width, height);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return new JobOptions(catalogue, out, choice(), width, height, fps, seed, codec,
                preset, crf, planOnly, waveShots, gpuModel, estimates);
    }

    /** Delivery QC settings; an unreadable --delivery file or an unknown --loudness profile is a usage error. */
    private QcOptions qcOptions() {
        if (noQc || planOnly) {
            return QcOptions.OFF;
        }
        return new QcOptions(true, !noSound, profile(" (or run with --no-qc)"));
    }

    /** The --loudness profile of --delivery; an unreadable file or an unknown profile is a usage error. */
    private DeliveryProfile profile(String hint) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of(delivery);
            var profiles = !java.nio.file.Files.exists(file) && DEFAULT_DELIVERY.equals(delivery) ? DeliveryProfile.bundled()
                    : DeliveryProfile.parseYaml(delivery, java.nio.file.Files.readAllBytes(file));
            return DeliveryProfile.select(profiles, loudness);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--delivery " + delivery + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()) + hint);
        }
    }

    /**
     * The sound settings: the mix aims at the --loudness profile's loudness; a voice engine that cannot
     * start (espeak-ng not installed) is a usage error naming the fix.
     */
    private SoundOptions soundOptions() {
        if (noSound || planOnly) {
            return SoundOptions.OFF;
        }
        DeliveryProfile.Loudness l = profile(" (or run with --no-sound)").loudness();
        try {
            dev.storyreel.sound.voice.VoiceEngines.open(voiceEngine);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage() + " (or run with --no-sound)");
        }
        return new SoundOptions(true, voiceEngine, new LoudnessTarget(loudness, l.integratedLufs(), l.toleranceLu(),
                l.maxTruePeakDbtp()));
    }

    private OutputOptions outputOptions() throws IOException {
        java.nio.file.Path presets = java.nio.file.Path.of(styles);
        var named = java.nio.file.Files.isRegularFile(presets)
                ? dev.storyreel.plan.StylePreset.parseYaml(java.nio.file.Files.readAllBytes(presets))
                : java.util.Map.<String, dev.storyreel.plan.StylePreset>of();
        return new OutputOptions(trailer, dataset, (long) shardMb << 20, subtitleNames, named);
    }

    private RendererSpec choice() {
        return switch (renderer) {
            case RendererSpec.Procedural.NAME -> new RendererSpec.Procedural(option("--overlay", overlay, Overlay.class),
                    option("--captions", captions, Captions.class));
            case RendererSpec.Diffusion.NAME -> new RendererSpec.Diffusion(model,
                    new DiffusionSettings(scheduler, steps, guidance, batchSize, keyframeEvery), "");
            case RendererSpec.Remote.NAME -> remote();
            default -> throw new IllegalArgumentException("unknown renderer '" + renderer + "'; known: "
                    + RendererSpec.Procedural.NAME + ", " + RendererSpec.Diffusion.NAME + ", " + RendererSpec.Remote.NAME);
        };
    }

    /** The remote case: the endpoint, model, workflow text and profiles read here; the key stays where it is. */
    private RendererSpec remote() {
        if (remoteUrl.isBlank() || remoteModel.isBlank()) {
            throw new IllegalArgumentException("--renderer remote needs --remote-url URL and --remote-model NAME");
        }
        java.net.URI url = java.net.URI.create(remoteUrl);
        if (url.getUserInfo() != null) {
            throw new IllegalArgumentException("--remote-url must not carry credentials; use STORYREEL_REMOTE_KEY or --remote-credentials");
        }
        if (remoteConcurrency < 1 || remoteConcurrency > 256) {
            throw new IllegalArgumentException("--remote-concurrency must be in 1..256, got " + remoteConcurrency);
        }
        dev.storyreel.remote.RemoteApiKind api = dev.storyreel.remote.RemoteApiKind.parse(remoteApi);
        try {
            String workflow = remoteWorkflow == null ? "" : java.nio.file.Files.readString(remoteWorkflow);
            if (api == dev.storyreel.remote.RemoteApiKind.COMFYUI && workflow.isBlank()) {
                throw new IllegalArgumentException("--remote-api comfyui needs --remote-workflow FILE");
            }
            java.nio.file.Path profiles = java.nio.file.Path.of(remoteProfiles);
            String yaml = java.nio.file.Files.isRegularFile(profiles) ? java.nio.file.Files.readString(profiles) : "";
            String credentials = remoteCredentials == null ? "" : remoteCredentials.toAbsolutePath().toString();
            if (!credentials.isEmpty() && !java.nio.file.Files.isReadable(remoteCredentials)) {
                throw new IllegalArgumentException("cannot read --remote-credentials " + remoteCredentials);
            }
            return new RendererSpec.Remote(api.label(), remoteUrl, remoteModel, workflow, remoteConcurrency, credentials,
                    yaml, out);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + e.getMessage());
        }
    }

    private static <E extends Enum<E>> E option(String name, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + name + " '" + value + "'; known: " + java.util.Arrays.stream(
                type.getEnumConstants()).map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    private SparkSession session() throws IOException {
        SparkConf conf = new SparkConf().setAppName("storyreel");
        if (sparkConf != null) {
            Properties p = new Properties();
            try (InputStream in = new FileInputStream(sparkConf.toFile())) {
                p.load(in);
            }
            p.stringPropertyNames().stream().sorted().forEach(k -> conf.setIfMissing(k, p.getProperty(k).strip()));
        }
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        ClusterSettings.apply(conf, out, gpuPerTask);
        return SparkSession.builder().config(conf).getOrCreate();
    }

    private static int summarise(RunReport report, PrintStream console) {
        String root = report.settings().get("out").toString();
        boolean planOnly = Boolean.TRUE.equals(report.settings().get("plan_only"));
        console.println(planOnly ? "planned (no frames, no films): " + Path.of(root, RunLayout.PLAN).toAbsolutePath()
                : "films:");
        for (RunReport.Film f : report.films()) {
            if (f.status().made()) {
                console.println("  " + resolve(root, f.file()));
            }
        }
        for (RunReport.Film f : report.films()) {
            if (f.status() == FilmStatus.FAILED) {
                RunReport.Error e = f.error();
                console.println("failed: " + f.filmId() + ": " + e.file() + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.message());
            }
            if (f.status() == FilmStatus.QC_FAILED) {
                console.println("qc failed: " + f.filmId() + "/" + f.variant() + ": " + f.qc().get("reasons"));
            }
        }
        for (RunReport.Trailer t : report.trailers()) {
            if (t.status() == FilmStatus.QC_FAILED) {
                console.println("qc failed: trailer " + t.filmId() + ": " + t.qc().get("reasons"));
            }
        }
        console.println("run report: " + resolve(root, RunLayout.RUN_JSON));
        console.println("report page: " + resolve(root, RunLayout.REPORT_PAGE));
        return report.totals().filmsFailed() > 0 || report.totals().deliverablesQcFailed() > 0 ? 1 : 0;
    }

    private static String resolve(String root, String file) {
        return root.contains("://") ? root.replaceAll("/+$", "") + "/" + file : Path.of(root, file).toAbsolutePath().normalize().toString();
    }
}
