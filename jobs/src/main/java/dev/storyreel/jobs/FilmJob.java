package dev.storyreel.jobs;

import dev.storyreel.catalogue.CatalogueException;
import dev.storyreel.frames.FrameCodec;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The film job's command line: turns a catalogue of screenplays into films. */
@Command(name = "storyreel", mixinStandardHelpOptions = true, version = "storyreel " + FilmRun.VERSION,
        sortOptions = false, showDefaultValues = true,
        description = "Turns a catalogue of screenplays into films: plan, render frames to Parquet, assemble MP4s.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  storyreel                                   # the sample catalogue into out/",
            "  storyreel --catalogue my/catalogue.csv --out /data/run1 --width 1280 --height 720 --fps 24",
            "  storyreel --catalogue scripts/ --plan-only  # a folder of .fountain files: plan and estimate only",
            "  storyreel --plan-only --gpu-model h100      # estimate time and cost from conf/estimates.yaml",
            "",
            "Exit status: 0 all films made, 1 some film failed, 2 bad usage."})
public final class FilmJob implements Callable<Integer> {

    @Option(names = "--catalogue", paramLabel = "CSV|DIR",
            description = "Catalogue CSV (film_id,title,source,style,seed) or a folder of screenplays.")
    String catalogue = "samples/catalogue.csv";

    @Option(names = "--out", paramLabel = "DIR", description = "Output root: plan/, frames/, segments/, films/, run.json.")
    String out = "out";

    @Option(names = "--renderer", description = "Renderer: procedural (CPU animatic).")
    String renderer = "procedural";

    @Option(names = "--model", paramLabel = "DIR", description = "Model folder for model-based renderers.")
    String model = "";

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

    @Option(names = "--wave-shots", paramLabel = "N", description = "Shots per render commit (0: four per core).")
    int waveShots = 0;

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
        JobOptions options = validate();
        if (verbose) {
            Configurator.setRootLevel(Level.INFO);
        }
        PrintStream console = System.out;
        try (SparkSession spark = session()) {
            if (!verbose) {
                spark.sparkContext().setLogLevel("WARN");
            }
            RunReport report = new FilmRun(spark, options, console).run();
            return summarise(report, console);
        } catch (CatalogueException e) {
            System.err.println("storyreel: " + e.getMessage());
            return 1;
        }
    }

    private JobOptions validate() {
        try {
            FrameCodec.named(codec);
            if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("--width and --height must be positive and even, got " + width + "x" + height);
            }
            if (fps <= 0 || fps > 120) {
                throw new IllegalArgumentException("--fps must be in 1..120, got " + fps);
            }
            if (crf < 0 || crf > 51) {
                throw new IllegalArgumentException("--crf must be in 0..51, got " + crf);
            }
            ExecutorRenderers.create(new RendererChoice(renderer, model)).close();
            if (!gpuModel.isBlank()) {
                Estimates.table(estimates).figure(gpuModel, renderer, width, height);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return new JobOptions(catalogue, out, new RendererChoice(renderer, model), width, height, fps, seed, codec,
                preset, crf, planOnly, waveShots, gpuModel, estimates);
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
        return SparkSession.builder().config(conf).getOrCreate();
    }

    private static int summarise(RunReport report, PrintStream console) {
        String root = report.settings().get("out").toString();
        boolean planOnly = Boolean.TRUE.equals(report.settings().get("plan_only"));
        console.println(planOnly ? "planned (no frames, no films): " + Path.of(root, "plan").toAbsolutePath()
                : "films:");
        for (RunReport.Film f : report.films()) {
            if ("ok".equals(f.status())) {
                console.println("  " + resolve(root, f.file()));
            }
        }
        for (RunReport.Film f : report.films()) {
            if ("failed".equals(f.status())) {
                RunReport.Error e = f.error();
                console.println("failed: " + f.filmId() + ": " + e.file() + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.message());
            }
        }
        console.println("run report: " + resolve(root, "run.json"));
        console.println("report page: " + resolve(root, "report/index.html"));
        return report.totals().filmsFailed() > 0 ? 1 : 0;
    }

    private static String resolve(String root, String file) {
        return root.contains("://") ? root.replaceAll("/+$", "") + "/" + file : Path.of(root, file).toAbsolutePath().normalize().toString();
    }
}
