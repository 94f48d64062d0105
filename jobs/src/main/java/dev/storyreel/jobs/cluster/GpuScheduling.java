package dev.storyreel.jobs.cluster;

import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;

/**
 * Stage-level scheduling of the render stage: its tasks run under a task resource profile asking
 * for a share of a GPU, while every other stage (plan, assembly) keeps the default profile and
 * holds none. The profile only asks for task resources, so the executors already running are
 * reused (no dynamic allocation, hence no executors held idle by shuffle tracking).
 */
public final class GpuScheduling {
    /** Spark property carrying {@code --gpu-per-task}: {@code auto}, {@code 0} or a GPU amount per render task. */
    public static final String GPU_PER_TASK = "spark.storyreel.render.gpuPerTask";
    public static final String AUTO = "auto";

    private static ResourceProfile cached;
    private static double cachedAmount;

    private GpuScheduling() {
    }

    /**
     * GPUs per render task: the amount asked for, or with {@code auto} one GPU when the executors
     * are given GPUs ({@code spark.executor.resource.gpu.amount}), none otherwise (e.g. local[*]).
     */
    public static double gpuPerTask(SparkConf conf) {
        String asked = conf.get(GPU_PER_TASK, AUTO).strip().toLowerCase(Locale.ROOT);
        if (asked.equals(AUTO)) {
            return Double.parseDouble(conf.get("spark.executor.resource.gpu.amount", "0")) > 0 ? 1.0 : 0.0;
        }
        return parse(asked);
    }

    /** Checks an amount as Spark does: a fraction in (0, 1] or a whole number; 0 turns GPUs off. */
    public static double parse(String amount) {
        double v;
        try {
            v = Double.parseDouble(amount);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--gpu-per-task must be auto or a number, got " + amount);
        }
        if (v < 0 || Double.isNaN(v) || Double.isInfinite(v) || (v > 1 && v != Math.rint(v))) {
            throw new IllegalArgumentException("--gpu-per-task must be auto, 0, a fraction up to 1 or a whole number, got " + amount);
        }
        return v;
    }

    /** The render RDD, under the GPU task profile when render tasks get GPUs. */
    public static <T> JavaRDD<T> forRender(JavaRDD<T> rdd) {
        double gpu = gpuPerTask(rdd.context().conf());
        if (gpu <= 0) {
            return rdd;
        }
        return rdd.withResources(profile(gpu, rdd.context().conf().getInt("spark.task.cpus", 1)));
    }

    private static synchronized ResourceProfile profile(double gpu, int cpus) {
        if (cached == null || cachedAmount != gpu) {
            cached = new ResourceProfileBuilder().require(new TaskResourceRequests().cpus(cpus).resource("gpu", gpu)).build();
            cachedAmount = gpu;
        }
        return cached;
    }
}
