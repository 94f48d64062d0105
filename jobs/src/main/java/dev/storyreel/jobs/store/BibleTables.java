package dev.storyreel.jobs.store;

import dev.storyreel.plan.CharacterEntry;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.LocationEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The film bibles as tables, partitioned by film like {@code plan/}: {@code characters/} (one row per
 * character: name, aliases, descriptor, first line spoken, number of speeches) and {@code locations/}.
 */
public final class BibleTables {
    public static final StructType CHARACTERS = new StructType()
            .add("film_id", DataTypes.StringType, false)
            .add("name", DataTypes.StringType, false)
            .add("aliases", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("descriptor", DataTypes.StringType, false)
            .add("first_line", DataTypes.StringType, false)
            .add("lines", DataTypes.IntegerType, false)
            .add("first_seen", DataTypes.IntegerType, false)
            .add("voice_only", DataTypes.BooleanType, false);
    public static final StructType LOCATIONS = new StructType()
            .add("film_id", DataTypes.StringType, false)
            .add("name", DataTypes.StringType, false)
            .add("sub_locations", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("descriptor", DataTypes.StringType, false)
            .add("first_seen", DataTypes.IntegerType, false)
            .add("scenes", DataTypes.IntegerType, false);

    private BibleTables() {
    }

    /** Writes both tables for these plans (one bible per film, whatever its variants), replacing older ones. */
    public static void write(SparkSession spark, List<FilmPlan> plans, String charactersPath, String locationsPath) {
        List<Row> characters = new ArrayList<>();
        List<Row> locations = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (FilmPlan plan : plans) {
            if (!done.add(plan.filmId())) {
                continue;
            }
            for (CharacterEntry c : plan.bible().characters()) {
                characters.add(RowFactory.create(plan.filmId(), c.name(), seq(c.aliases()), c.descriptor(), c.firstLine(),
                        c.lines(), c.firstSeen(), c.voiceOnly()));
            }
            for (LocationEntry l : plan.bible().locations()) {
                locations.add(RowFactory.create(plan.filmId(), l.name(), seq(l.subLocations()), l.descriptor(),
                        l.firstSeen(), l.scenes()));
            }
        }
        write(spark, characters, CHARACTERS, charactersPath);
        write(spark, locations, LOCATIONS, locationsPath);
    }

    private static void write(SparkSession spark, List<Row> rows, StructType schema, String path) {
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).partitionBy("film_id").parquet(path);
    }

    private static scala.collection.immutable.Seq<String> seq(List<String> list) {
        return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
    }
}
