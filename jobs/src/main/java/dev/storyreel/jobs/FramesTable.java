package dev.storyreel.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code frames/} table: one row per frame, partitioned by film, appended one commit per wave
 * of shots. A shot is committed when its rows are all there; its key says whether they are current.
 */
final class FramesTable {
    static final StructType SCHEMA = new StructType()
            .add("film_id", DataTypes.StringType, false)
            .add("variant", DataTypes.StringType, false)
            .add("scene", DataTypes.IntegerType, false)
            .add("shot", DataTypes.IntegerType, false)
            .add("frame", DataTypes.IntegerType, false)
            .add("film_frame", DataTypes.IntegerType, false)
            .add("shot_key", DataTypes.StringType, false)
            .add("width", DataTypes.IntegerType, false)
            .add("height", DataTypes.IntegerType, false)
            .add("codec", DataTypes.StringType, false)
            .add("data", DataTypes.BinaryType, false);

    /**
     * Parquet settings for multi-MB values: check page and row-group sizes every few rows (the
     * default waits 100 rows, making one huge page), no dictionary, no second compression of data
     * the frame codec already compressed.
     */
    static final Map<String, String> WRITE_OPTIONS = Map.of(
            "compression", "uncompressed",
            "parquet.enable.dictionary", "false",
            "parquet.page.size.row.check.min", "2",
            "parquet.page.size.row.check.max", "10",
            "parquet.block.size.row.check.min", "2",
            "parquet.block.size.row.check.max", "10",
            "parquet.block.size", Integer.toString(64 << 20),
            "parquet.page.size", Integer.toString(4 << 20));

    /** Identity of a planned shot within the table. */
    record Slot(String filmId, String variant, int scene, int shot) {
    }

    /** What the table holds for a slot: the key and how many frames carry it. */
    record Committed(String shotKey, long frames) {
    }

    private FramesTable() {
    }

    /** Reads which shots are already committed (reads the key columns only, never the pixels). */
    static Map<Slot, List<Committed>> committed(SparkSession spark, OutputStore store, String path) {
        Map<Slot, List<Committed>> out = new HashMap<>();
        if (!store.exists(store.resolve("frames"))) {
            return out;
        }
        Dataset<Row> table;
        try {
            table = spark.read().parquet(path);
        } catch (Exception e) {
            // A folder with no committed file yet (an interrupted first wave): nothing to resume.
            return out;
        }
        for (Row r : table.groupBy("film_id", "variant", "scene", "shot", "shot_key").count().collectAsList()) {
            Slot slot = new Slot(r.getString(0), r.getString(1), r.getInt(2), r.getInt(3));
            out.computeIfAbsent(slot, k -> new ArrayList<>()).add(new Committed(r.getString(4), r.getLong(5)));
        }
        return out;
    }
}
