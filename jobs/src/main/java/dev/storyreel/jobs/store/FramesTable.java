package dev.storyreel.jobs.store;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import dev.storyreel.plan.PlannedShot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The {@code frames/} table: one row per frame, partitioned by film, made of whole files that render
 * tasks publish ({@link FramesCommit}). A slot (film, variant, scene, shot) is committed when the
 * table holds exactly its planned shot key with each of its frames; that is decided here, in Spark,
 * from the committed files only (an aggregate of the key columns joined with the plan).
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

    /** Size a frames file is cut at (and compaction aims for): within the 64–256 MB object stores like. */
    public static final long TARGET_FILE_BYTES = 128L << 20;

    /** Identity of a planned shot within the table. */
    public record Slot(String filmId, String variant, int scene, int shot) implements java.io.Serializable {
    }

    /** The table against a plan: the planned slots not committed, and the films holding anything else. */
    public record State(Set<Slot> pending, List<String> staleFilms) {
    }

    private static final List<String> SLOT = List.of("film_id", "variant", "scene", "shot");

    private static final StructType PLANNED = new StructType()
            .add("film_id", DataTypes.StringType, false)
            .add("variant", DataTypes.StringType, false)
            .add("scene", DataTypes.IntegerType, false)
            .add("shot", DataTypes.IntegerType, false)
            .add("planned_key", DataTypes.StringType, false)
            .add("planned_frames", DataTypes.IntegerType, false);

    private FramesTable() {
    }

    /**
     * Which planned slots still need rendering, and which films hold rows that are not exactly their
     * plan's current slots (another key, an unplanned slot, a partial or duplicated shot) and so
     * need a rewrite. Only slot ids of pending shots and film ids come back to the driver.
     */
    public static State state(SparkSession spark, OutputStore store, Collection<PlannedShot> shots) {
        Set<Slot> all = new java.util.LinkedHashSet<>();
        shots.forEach(s -> all.add(slot(s)));
        Dataset<Row> table = read(spark, store);
        if (table == null || shots.isEmpty()) {
            return new State(all, List.of());
        }
        List<Row> rows = shots.stream().map(s -> RowFactory.create(s.filmId(), s.variant(), s.scene(), s.shot(),
                s.shotKey(), s.frames())).toList();
        Dataset<Row> planned = spark.createDataFrame(rows, PLANNED);
        Object[] films = shots.stream().map(PlannedShot::filmId).distinct().toArray();
        Dataset<Row> stats = table.where(col("film_id").isin(films))
                .groupBy(cols(SLOT))
                .agg(count(lit(1)).as("rows"), countDistinct(col("frame")).as("frames"),
                        countDistinct(col("shot_key")).as("keys"), min(col("shot_key")).as("key"),
                        min(col("frame")).as("first"), max(col("frame")).as("last"))
                .join(planned, seq(SLOT), "left");
        Column current = col("keys").equalTo(1).and(col("key").equalTo(col("planned_key")))
                .and(col("frames").equalTo(col("planned_frames"))).and(col("first").equalTo(0))
                .and(col("last").equalTo(col("planned_frames").minus(1)));
        Column clean = current.and(col("rows").equalTo(col("frames")));
        stats.cache();
        try {
            List<String> stale = new ArrayList<>();
            for (Row r : stats.where(col("planned_key").isNull().or(org.apache.spark.sql.functions.not(clean))).select("film_id").distinct()
                    .orderBy("film_id").collectAsList()) {
                stale.add(r.getString(0));
            }
            Set<Slot> pending = new java.util.LinkedHashSet<>();
            Set<Slot> missing = new HashSet<>();
            Dataset<Row> pendingRows = planned.join(stats.where(current).select(cols(SLOT)), seq(SLOT), "left_anti");
            for (Row r : pendingRows.select(cols(SLOT)).collectAsList()) {
                missing.add(new Slot(r.getString(0), r.getString(1), r.getInt(2), r.getInt(3)));
            }
            // Back in plan order.
            for (Slot s : all) {
                if (missing.contains(s)) {
                    pending.add(s);
                }
            }
            return new State(pending, stale);
        } finally {
            stats.unpersist();
        }
    }

    /** The committed table, or null when it has no file yet. */
    static Dataset<Row> read(SparkSession spark, OutputStore store) {
        if (!store.exists(store.resolve(RunLayout.FRAMES))) {
            return null;
        }
        try {
            return spark.read().parquet(store.resolve(RunLayout.FRAMES).toString());
        } catch (Exception e) {
            // A folder with no committed file yet (a first run killed before its first commit).
            return null;
        }
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

    /** A slot as {@link FramesCompaction} names it within its film: {@code variant/scene/shot}. */
    public static String slotInFilm(String variant, int scene, int shot) {
        return variant + "/" + scene + "/" + shot;
    }

    private static Column[] cols(List<String> names) {
        return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    private static scala.collection.immutable.Seq<String> seq(List<String> names) {
        return CollectionConverters.asScala(names).toSeq();
    }
}
