package dev.storyreel.jobs.store;

import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.render.ArtDepartment;
import dev.storyreel.shot.Direction;
import dev.storyreel.shot.RendererInfo;
import dev.storyreel.shot.ShotSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The {@code plan/} table: one row per planned shot (with the set and props it is dressed with), partitioned by film. */
public final class PlanTable {
    public static final StructType SCHEMA = new StructType()
            .add("film_id", DataTypes.StringType, false)
            .add("variant", DataTypes.StringType, false)
            .add("scene", DataTypes.IntegerType, false)
            .add("scene_label", DataTypes.StringType, false)
            .add("shot", DataTypes.IntegerType, false)
            .add("shot_key", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, false)
            .add("start_frame", DataTypes.IntegerType, false)
            .add("frames", DataTypes.IntegerType, false)
            .add("duration_s", DataTypes.DoubleType, false)
            .add("width", DataTypes.IntegerType, false)
            .add("height", DataTypes.IntegerType, false)
            .add("fps", DataTypes.IntegerType, false)
            .add("prompt", DataTypes.StringType, false)
            .add("camera", DataTypes.StringType, false)
            .add("characters", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("speaker", DataTypes.StringType, false)
            .add("caption", DataTypes.StringType, false)
            .add("subcaption", DataTypes.StringType, false)
            .add("exposure", DataTypes.StringType, false)
            .add("location", DataTypes.StringType, false)
            .add("time_of_day", DataTypes.StringType, false)
            .add("style", DataTypes.StringType, false)
            .add("seed", DataTypes.LongType, false)
            .add("renderer", DataTypes.StringType, false)
            .add("renderer_version", DataTypes.StringType, false)
            .add("source", DataTypes.StringType, false)
            .add("source_line", DataTypes.IntegerType, false)
            // The director's decisions (null when a plan carries none).
            .add("in_frame", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("speaker_mode", DataTypes.StringType, true)
            .add("shot_size", DataTypes.StringType, true)
            .add("transition_in", DataTypes.StringType, true)
            .add("sub_location", DataTypes.StringType, false)
            .add("cast", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("action", DataTypes.StringType, false)
            .add("prompt_long", DataTypes.StringType, false)
            .add("negative_prompt", DataTypes.StringType, false)
            // What the art department put in the shot (procedural previs).
            .add("set", DataTypes.StringType, false)
            .add("props", DataTypes.createArrayType(DataTypes.StringType, false), false);

    private PlanTable() {
    }

    /**
     * Writes the plans of these films into {@link RunLayout#PLAN}, replacing the plan table an earlier run
     * wrote there; files in that folder that no run wrote (a user's) are kept.
     */
    public static void write(SparkSession spark, OutputStore store, List<FilmPlan> plans, RendererInfo renderer) {
        List<Row> rows = new ArrayList<>();
        for (FilmPlan plan : plans) {
            for (PlannedShot s : plan.shots()) {
                rows.add(row(plan, s, renderer));
            }
        }
        write(store, spark.createDataFrame(rows, SCHEMA).coalesce(1));
    }

    /**
     * Writes the plan table from the executors into {@link RunLayout#PLAN} as above: {@code plans} is
     * made there and never collected (the driver's heap does not grow with the shot count).
     */
    public static void write(SparkSession spark, OutputStore store, org.apache.spark.api.java.JavaRDD<FilmPlan> plans,
                             RendererInfo renderer) {
        write(store, spark.createDataFrame(
                plans.flatMap(p -> p.shots().stream().map(s -> row(p, s, renderer)).iterator()), SCHEMA));
    }

    /** Replaces the table entries of {@code plan/} (a user's files there stay) with these rows, by film. */
    private static void write(OutputStore store, org.apache.spark.sql.Dataset<Row> rows) {
        org.apache.hadoop.fs.Path dir = store.resolve(RunLayout.PLAN);
        store.deleteTableEntries(dir);
        rows.write().mode(SaveMode.Append).partitionBy("film_id").parquet(dir.toString());
    }

    /** The plan table of this run's output (its film partitions only: a user's file beside them is not read). */
    public static org.apache.spark.sql.Dataset<Row> read(SparkSession spark, OutputStore store) {
        org.apache.hadoop.fs.Path dir = store.resolve(RunLayout.PLAN);
        return spark.read().schema(SCHEMA).option("basePath", dir.toString()).parquet(dir + "/film_id=*");
    }

    private static Row row(FilmPlan plan, PlannedShot s, RendererInfo renderer) {
        ShotSpec p = s.spec();
        Direction d = p.direction();
        List<String> cast = d == null ? List.of()
                : d.cast().stream().map(c -> c.descriptor().isEmpty() ? c.name() : c.name() + ": " + c.descriptor()).toList();
        ArtDepartment.Dressing dressing = ArtDepartment.dress(p);
        return RowFactory.create(s.filmId(), s.variant(), s.scene(), s.sceneLabel(), s.shot(), s.shotKey(),
                p.kind().label(), s.startFrame(), p.frames(), (double) p.frames() / p.fps(), p.width(), p.height(),
                p.fps(), p.prompt(), p.camera().label(), scala.jdk.javaapi.CollectionConverters.asScala(p.characters()).toSeq(),
                p.speaker(), p.caption(), p.subcaption(), p.setting().exposure().name(), p.setting().location(),
                p.setting().timeOfDay(), p.style(), p.seed(), renderer.id(), renderer.version(), plan.source(),
                s.sourceLine(), seq(d == null ? p.characters() : d.inFrame()),
                d == null || d.speakerMode() == null ? null : d.speakerMode().label(),
                d == null ? null : d.size().label(), d == null ? null : d.transitionIn().label(),
                p.setting().subLocation(), seq(cast), d == null ? "" : d.action(), d == null ? "" : d.promptLong(),
                d == null ? "" : d.negativePrompt(), dressing.set(), seq(dressing.props()));
    }

    private static scala.collection.immutable.Seq<String> seq(List<String> list) {
        return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
    }
}
