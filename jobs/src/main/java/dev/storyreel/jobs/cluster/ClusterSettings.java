package dev.storyreel.jobs.cluster;

import java.util.Locale;
import org.apache.spark.SparkConf;

/**
 * Spark settings the job adds for clusters and object stores: Parquet through the S3A magic
 * committer when the output is {@code s3a://}, the GPU share of render tasks, the device audit
 * plugin, and the JVM option executors need to render the score offline (Gervill). Settings already
 * given (spark-submit, a conf file) win; executor Java options are appended to.
 */
public final class ClusterSettings {
    public static final String MAGIC = "magic";
    /** Executors render the score with the JDK's Gervill synthesizer offline, through its internal package. */
    public static final String SOUND_OPENS = "--add-opens=java.desktop/com.sun.media.sound=ALL-UNNAMED";

    private ClusterSettings() {
    }

    public static void apply(SparkConf conf, String out, String gpuPerTask) {
        if (out.toLowerCase(Locale.ROOT).startsWith("s3a://")) {
            conf.setIfMissing("spark.hadoop.fs.s3a.committer.name", MAGIC);
            conf.setIfMissing("spark.hadoop.fs.s3a.committer.magic.enabled", "true");
            conf.setIfMissing("spark.sql.sources.commitProtocolClass",
                    "org.apache.spark.internal.io.cloud.PathOutputCommitProtocol");
            conf.setIfMissing("spark.sql.parquet.output.committer.class",
                    "org.apache.spark.internal.io.cloud.BindingParquetOutputCommitter");
        }
        conf.set(GpuScheduling.GPU_PER_TASK, gpuPerTask);
        String executorOptions = conf.get("spark.executor.extraJavaOptions", "");
        if (!executorOptions.contains(SOUND_OPENS)) {
            conf.set("spark.executor.extraJavaOptions", (executorOptions + " " + SOUND_OPENS).strip());
        }
        String plugins = conf.get("spark.plugins", "");
        if (!plugins.contains(DeviceAudit.class.getName())) {
            conf.set("spark.plugins", plugins.isBlank() ? DeviceAudit.class.getName() : plugins + "," + DeviceAudit.class.getName());
        }
    }
}
