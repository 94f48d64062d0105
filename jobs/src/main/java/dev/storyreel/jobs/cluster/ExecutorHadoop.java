package dev.storyreel.jobs.cluster;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import scala.Tuple2;

/** The Hadoop configuration inside a task: defaults plus the job's {@code spark.hadoop.*} settings, as Spark builds it. */
public final class ExecutorHadoop {
    private ExecutorHadoop() {
    }

    public static Configuration conf() {
        Configuration conf = new Configuration();
        SparkEnv env = SparkEnv.get();
        if (env != null) {
            for (Tuple2<String, String> kv : env.conf().getAll()) {
                if (kv._1().startsWith("spark.hadoop.")) {
                    conf.set(kv._1().substring("spark.hadoop.".length()), kv._2());
                }
            }
        }
        return conf;
    }
}
