package dev.storyreel.jobs.store;

import dev.storyreel.plan.CharacterBible;
import dev.storyreel.plan.CharacterEntry;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.LocationEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

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

    /**
     * Writes both tables for these plans (one bible per film, whatever its variants) into the run's
     * {@link RunLayout#CHARACTERS} and {@link RunLayout#LOCATIONS}, replacing what an earlier run wrote
     * there; files in those folders that no run wrote (a user's) are kept.
     */
    public static void write(SparkSession spark, OutputStore store, List<FilmPlan> plans) {
        List<Row> characters = new ArrayList<>();
        List<Row> locations = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (FilmPlan plan : plans) {
            if (done.add(plan.filmId())) {
                characters.addAll(characterRows(plan.filmId(), plan.bible()));
                locations.addAll(locationRows(plan.filmId(), plan.bible()));
            }
        }
        write(store, RunLayout.CHARACTERS, spark.createDataFrame(characters, CHARACTERS).coalesce(1));
        write(store, RunLayout.LOCATIONS, spark.createDataFrame(locations, LOCATIONS).coalesce(1));
    }

    /**
     * As above from the executors: {@code bibles} (film id, its bible; one per film) is made there and
     * never collected.
     */
    public static void write(SparkSession spark, OutputStore store, JavaRDD<Tuple2<String, CharacterBible>> bibles) {
        write(store, RunLayout.CHARACTERS, spark.createDataFrame(
                bibles.flatMap(b -> characterRows(b._1(), b._2()).iterator()), CHARACTERS));
        write(store, RunLayout.LOCATIONS, spark.createDataFrame(
                bibles.flatMap(b -> locationRows(b._1(), b._2()).iterator()), LOCATIONS));
    }

    private static List<Row> characterRows(String filmId, CharacterBible bible) {
        List<Row> rows = new ArrayList<>();
        for (CharacterEntry c : bible.characters()) {
            rows.add(RowFactory.create(filmId, c.name(), seq(c.aliases()), c.descriptor(), c.firstLine(), c.lines(),
                    c.firstSeen(), c.voiceOnly()));
        }
        return rows;
    }

    private static List<Row> locationRows(String filmId, CharacterBible bible) {
        List<Row> rows = new ArrayList<>();
        for (LocationEntry l : bible.locations()) {
            rows.add(RowFactory.create(filmId, l.name(), seq(l.subLocations()), l.descriptor(), l.firstSeen(), l.scenes()));
        }
        return rows;
    }

    private static void write(OutputStore store, String table, Dataset<Row> rows) {
        org.apache.hadoop.fs.Path dir = store.resolve(table);
        store.deleteTableEntries(dir);
        rows.write().mode(SaveMode.Append).partitionBy("film_id").parquet(dir.toString());
    }

    private static scala.collection.immutable.Seq<String> seq(List<String> list) {
        return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
    }
}
