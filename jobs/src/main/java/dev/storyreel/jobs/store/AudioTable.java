package dev.storyreel.jobs.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;

/**
 * The {@code audio/} table: one row per synthesised line, keyed by its audio key (a hash of text,
 * voice, language, delivery, engine and version), holding mono 16-bit little-endian PCM. Appended to
 * by the sound stage; a rerun synthesises only keys it lacks.
 */
public final class AudioTable {
    /** The table's columns. */
    public static final StructType SCHEMA = new StructType()
            .add("key", DataTypes.StringType, false)
            .add("engine", DataTypes.StringType, false)
            .add("engine_version", DataTypes.StringType, false)
            .add("voice", DataTypes.StringType, false)
            .add("language", DataTypes.StringType, false)
            .add("delivery", DataTypes.StringType, false)
            .add("text", DataTypes.StringType, false)
            .add("sample_rate", DataTypes.IntegerType, false)
            .add("samples", DataTypes.IntegerType, false)
            .add("synth_seconds", DataTypes.DoubleType, false)
            .add("pcm", DataTypes.BinaryType, false);

    private AudioTable() {
    }

    /** The keys already in the table (empty when there is no table yet), sorted. */
    public static Set<String> keys(SparkSession spark, OutputStore store) {
        if (!store.exists(store.resolve(RunLayout.AUDIO))) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (Row r : read(spark, store).select("key").distinct().collectAsList()) {
            out.add(r.getString(0));
        }
        return out;
    }

    /** The table (one row per key). */
    public static Dataset<Row> read(SparkSession spark, OutputStore store) {
        return spark.read().schema(SCHEMA).parquet(store.resolve(RunLayout.AUDIO).toString());
    }

    /** Appends rows of {@link #SCHEMA}. */
    public static void append(SparkSession spark, OutputStore store, Dataset<Row> rows) {
        rows.write().mode("append").parquet(store.resolve(RunLayout.AUDIO).toString());
    }

    /** The total speech seconds and synthesis seconds of the given keys (for the benchmark). */
    public static double[] seconds(SparkSession spark, OutputStore store, List<String> keys) {
        if (keys.isEmpty() || !store.exists(store.resolve(RunLayout.AUDIO))) {
            return new double[2];
        }
        Row r = read(spark, store).where(col("key").isin(new ArrayList<>(keys).toArray())).dropDuplicates("key")
                .selectExpr("coalesce(sum(samples / sample_rate), 0d)", "coalesce(sum(synth_seconds), 0d)").first();
        return new double[] {r.getDouble(0), r.getDouble(1)};
    }
}
