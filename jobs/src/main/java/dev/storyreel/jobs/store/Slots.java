package dev.storyreel.jobs.store;

import dev.storyreel.plan.PlannedShot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A shot's slot in a film variant and the key of what fills it: the columns
 * {@code film_id, variant, scene, shot, shot_key} that the plan and frames tables share and that
 * stages join on, declared once.
 */
public final class Slots {
    /** The slot columns, in order. */
    public static final List<String> COLUMNS = List.of("film_id", "variant", "scene", "shot", "shot_key");

    /** The slot columns' schema. */
    public static final StructType SCHEMA = new StructType()
            .add("film_id", DataTypes.StringType, false)
            .add("variant", DataTypes.StringType, false)
            .add("scene", DataTypes.IntegerType, false)
            .add("shot", DataTypes.IntegerType, false)
            .add("shot_key", DataTypes.StringType, false);

    private Slots() {
    }

    /** The slot columns followed by {@code extra} columns. */
    public static StructType with(StructField... extra) {
        StructType t = SCHEMA;
        for (StructField f : extra) {
            t = t.add(f);
        }
        return t;
    }

    /** A row of a shot's slot columns followed by {@code extra} values (matching {@link #with}). */
    public static Row row(PlannedShot s, Object... extra) {
        List<Object> values = new ArrayList<>(List.of(s.filmId(), s.variant(), s.scene(), s.shot(), s.shotKey()));
        values.addAll(Arrays.asList(extra));
        return RowFactory.create(values.toArray());
    }

    /** The columns to join on: the slot columns, then {@code extra} ones. */
    public static Seq<String> joinOn(String... extra) {
        List<String> cols = new ArrayList<>(COLUMNS);
        cols.addAll(List.of(extra));
        return CollectionConverters.asScala(cols).toSeq();
    }
}
