package dev.storyreel.jobs.store;

import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlannedShot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

/**
 * The {@code frames/} table: one row per frame, partitioned by film, appended one commit per wave
 * of shots. A shot is committed when its rows are all there; its key says whether they are current.
 */
public final class FramesTable {
    public static final StructType SCHEMA = new StructType()
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
            .add("data", DataTypes.BinaryType, false)
            // Where the frame was rendered: the render task's GPU address ("gpu:1") or "cpu".
            .add("device", DataTypes.StringType, false);

    /**
     * Parquet settings for multi-MB values: check page and row-group sizes every few rows (the
     * default waits 100 rows, making one huge page), no dictionary, no second compression of data
     * the frame codec already compressed.
     */
    public static final Map<String, String> WRITE_OPTIONS = Map.of(
            "compression", "uncompressed",
            "parquet.enable.dictionary", "false",
            "parquet.page.size.row.check.min", "2",
            "parquet.page.size.row.check.max", "10",
            "parquet.block.size.row.check.min", "2",
            "parquet.block.size.row.check.max", "10",
            "parquet.block.size", Integer.toString(64 << 20),
            "parquet.page.size", Integer.toString(4 << 20));

    /** Identity of a planned shot within the table. */
    public record Slot(String filmId, String variant, int scene, int shot) {
    }

    /** What the table holds for a slot: the key and how many frames carry it. */
    public record Committed(String shotKey, long frames) {
    }

    private FramesTable() {
    }

    /** Whether the table holds exactly this shot: one key, the planned one, with all its frames. */
    public static boolean isCurrent(List<Committed> rows, PlannedShot s) {
        return rows != null && rows.size() == 1 && rows.get(0).shotKey().equals(s.shotKey())
                && rows.get(0).frames() == s.frames();
    }

    /**
     * Films of these plans whose committed rows are not all current: a slot whose key changed (the
     * screenplay or the settings changed), a slot no longer planned, or a partial shot.
     */
    public static Set<String> staleFilms(Map<Slot, List<Committed>> committed, List<FilmPlan> plans) {
        Map<Slot, PlannedShot> planned = new HashMap<>();
        plans.forEach(p -> p.shots().forEach(s -> planned.put(slot(s), s)));
        Set<String> films = new TreeSet<>();
        plans.forEach(p -> films.add(p.filmId()));
        Set<String> stale = new TreeSet<>();
        committed.forEach((slot, rows) -> {
            PlannedShot s = planned.get(slot);
            if (films.contains(slot.filmId()) && (s == null || !isCurrent(rows, s))) {
                stale.add(slot.filmId());
            }
        });
        return stale;
    }

    /**
     * Rewrites the partitions of these films keeping only the rows of the current shots in
     * {@code keep}: written beside the table first, then swapped in film by film. A crash between
     * the two leaves the film's frames to be rendered again, never a mix of old and new.
     */
    public static void dropStale(SparkSession spark, OutputStore store, String path, Set<String> films, List<PlannedShot> keep) {
        rowsOf(spark, path, keep)
                .select(Arrays.stream(SCHEMA.fieldNames()).map(functions::col).toArray(Column[]::new))
                .write().mode(SaveMode.Overwrite).options(WRITE_OPTIONS).partitionBy("film_id")
                .parquet(store.resolve(RunLayout.COMPACT_FRAMES).toString());
        for (String film : films) {
            store.replace(store.resolve(RunLayout.compactFramesOf(film)), store.resolve(RunLayout.framesOf(film)));
        }
        store.delete(store.resolve(RunLayout.COMPACT_FRAMES));
    }

    /** The table's rows of exactly these shots: their films' partitions only, joined on slot and key. */
    public static Dataset<Row> rowsOf(SparkSession spark, String path, Collection<PlannedShot> shots) {
        List<Row> slots = shots.stream().map(s -> Slots.row(s)).toList();
        Object[] films = shots.stream().map(PlannedShot::filmId).distinct().toArray();
        return spark.read().parquet(path)
                .where(col("film_id").isin(films))
                .join(broadcast(spark.createDataFrame(slots, Slots.SCHEMA)), Slots.joinOn());
    }

    public static Slot slot(PlannedShot s) {
        return new Slot(s.filmId(), s.variant(), s.scene(), s.shot());
    }

    /** Reads which shots are already committed (reads the key columns only, never the pixels). */
    public static Map<Slot, List<Committed>> committed(SparkSession spark, OutputStore store, String path) {
        Map<Slot, List<Committed>> out = new HashMap<>();
        if (!store.exists(store.resolve(RunLayout.FRAMES))) {
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
