package dev.storyreel.jobs.stage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyreel.assemble.EncoderSettings;
import dev.storyreel.dataset.ShardWriter;
import dev.storyreel.dataset.Splits;
import dev.storyreel.jobs.cluster.ExecutorModels;
import dev.storyreel.jobs.run.Progress;
import dev.storyreel.jobs.store.FramesTable;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.render.Renderer;
import dev.storyreel.render.RendererSpec;
import dev.storyreel.shot.RendererInfo;
import dev.storyreel.shot.ShotSpec;
import dev.storyreel.variant.VariantPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

/**
 * {@code --dataset}: writes {@code dataset/clips/<shot_key>.mp4} (one clip per distinct shot, copied
 * from its segment), {@code dataset/captions/} (Parquet, one row per clip: caption, provenance,
 * a SHA-256 per frame of the stored frame bytes) and, when shards are on, WebDataset-style
 * {@code dataset/shards/<split>-NNNNNN.tar} files of {@code <key>.mp4} + {@code <key>.json} pairs.
 * Splits are by film (see {@link Splits}); a shot shared by several films goes with the first.
 */
public final class DatasetStage {
    public static final StructType CAPTIONS = new StructType()
            .add("clip", DataTypes.StringType, false)
            .add("shot_key", DataTypes.StringType, false)
            .add("split", DataTypes.StringType, false)
            .add("film_id", DataTypes.StringType, false)
            .add("variant", DataTypes.StringType, false)
            .add("scene", DataTypes.IntegerType, false)
            .add("shot", DataTypes.IntegerType, false)
            .add("kind", DataTypes.StringType, false)
            .add("caption", DataTypes.StringType, false)
            .add("negative_prompt", DataTypes.StringType, false)
            .add("characters", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("speaker", DataTypes.StringType, false)
            .add("dialogue", DataTypes.StringType, false)
            .add("location", DataTypes.StringType, false)
            .add("time_of_day", DataTypes.StringType, false)
            .add("camera", DataTypes.StringType, false)
            .add("style", DataTypes.StringType, false)
            .add("seed", DataTypes.LongType, false)
            .add("renderer", DataTypes.StringType, false)
            .add("renderer_version", DataTypes.StringType, false)
            .add("model_id", DataTypes.StringType, false)
            .add("fps", DataTypes.IntegerType, false)
            .add("width", DataTypes.IntegerType, false)
            .add("height", DataTypes.IntegerType, false)
            .add("frames", DataTypes.IntegerType, false)
            .add("frame_codec", DataTypes.StringType, false)
            .add("frame_sha256", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("used_in", DataTypes.createArrayType(DataTypes.StringType, false), false);

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetStage() {
    }

    public static Map<String, Object> run(SparkSession spark, OutputStore store, List<VariantPlan> made, EncoderSettings enc,
                                   RendererSpec renderer, long shardBytes, Progress progress) {
        Map<String, PlannedShot> first = new LinkedHashMap<>();
        Map<String, List<String>> uses = new HashMap<>();
        for (VariantPlan v : made) {
            for (PlannedShot s : v.plan().shots()) {
                first.putIfAbsent(s.shotKey(), s);
                uses.computeIfAbsent(s.shotKey(), k -> new ArrayList<>())
                        .add(s.filmId() + "/" + s.variant() + "/" + s.scene() + "/" + s.shot());
            }
        }
        progress.start("dataset", first.size(), first.values().stream().mapToLong(PlannedShot::frames).sum());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("clips", first.size());
        if (first.isEmpty()) {
            progress.finish();
            return summary;
        }
        RendererInfo info;
        try (Renderer r = ExecutorModels.open(renderer)) {
            info = r.info();
        }
        Map<String, Object[]> hashes = frameHashes(spark, store, first);
        store.delete(store.resolve(RunLayout.DATASET));
        List<Row> rows = new ArrayList<>();
        List<Map<String, Object>> samples = new ArrayList<>();
        for (PlannedShot s : first.values()) {
            String clip = "clips/" + s.shotKey() + ".mp4";
            store.copy(store.resolve(RunLayout.segment(SegmentWork.segmentName(s, enc))), store.resolve(RunLayout.dataset(clip)));
            ShotSpec p = s.spec();
            Object[] h = hashes.getOrDefault(s.shotKey(), new Object[] {"", List.of()});
            @SuppressWarnings("unchecked")
            List<String> frameHashes = (List<String>) h[1];
            if (frameHashes.size() != p.frames()) {
                throw new IllegalStateException("shot " + s.shotKey() + ": " + frameHashes.size() + " frames in the table, "
                        + p.frames() + " planned");
            }
            Object[] values = {clip, s.shotKey(), Splits.of(s.filmId()), s.filmId(), s.variant(), s.scene(), s.shot(),
                p.kind().label(), p.prompt(), "", p.characters(), p.speaker(),
                dev.storyreel.variant.BeatScore.isDialogue(p) ? p.caption() : "", p.setting().location(),
                p.setting().timeOfDay(), p.camera().label(), p.style(), p.seed(), info.id(), info.version(),
                renderer.model(), p.fps(), p.width(), p.height(), p.frames(), h[0], frameHashes,
                uses.get(s.shotKey())};
            Object[] sparkValues = values.clone();
            sparkValues[10] = CollectionConverters.asScala(p.characters()).toSeq();
            sparkValues[26] = CollectionConverters.asScala(frameHashes).toSeq();
            sparkValues[27] = CollectionConverters.asScala(uses.get(s.shotKey())).toSeq();
            rows.add(RowFactory.create(sparkValues));
            Map<String, Object> sample = new LinkedHashMap<>();
            String[] names = CAPTIONS.fieldNames();
            for (int i = 0; i < names.length; i++) {
                sample.put(names[i], values[i]);
            }
            samples.add(sample);
        }
        spark.createDataFrame(rows, CAPTIONS).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(store.resolve(RunLayout.DATASET_CAPTIONS).toString());
        summary.put("captions", RunLayout.DATASET_CAPTIONS);
        if (shardBytes > 0) {
            summary.put("shards", shards(store, samples, shardBytes));
        }
        Map<String, Long> splits = new java.util.TreeMap<>();
        samples.forEach(m -> splits.merge((String) m.get("split"), 1L, Long::sum));
        summary.put("splits", splits);
        progress.advance(first.size(), first.values().stream().mapToLong(PlannedShot::frames).sum());
        progress.finish();
        return summary;
    }

    /** Per shot key: the frame codec and the SHA-256 of each stored frame, in frame order (read from the first slot). */
    private static Map<String, Object[]> frameHashes(SparkSession spark, OutputStore store, Map<String, PlannedShot> first) {
        Dataset<Row> table = FramesTable.rowsOf(spark, store.resolve(RunLayout.FRAMES).toString(), first.values())
                .groupBy("shot_key")
                .agg(org.apache.spark.sql.functions.first("codec").as("codec"),
                        sort_array(collect_list(struct(col("frame"), sha2(col("data"), 256).as("h")))).as("hs"));
        Map<String, Object[]> out = new HashMap<>();
        for (Row r : table.collectAsList()) {
            List<Row> hs = r.getList(2);
            out.put(r.getString(0), new Object[] {r.getString(1), hs.stream().map(x -> x.getString(1)).toList()});
        }
        return out;
    }

    /** Writes the shards per split locally, then publishes them; returns their paths. */
    private static List<String> shards(OutputStore store, List<Map<String, Object>> samples, long shardBytes) {
        List<String> out = new ArrayList<>();
        try {
            Path scratch = Files.createTempDirectory("storyreel-shards-");
            Files.createDirectories(scratch.resolve("clips"));
            try {
                Map<String, ShardWriter> writers = new java.util.TreeMap<>();
                for (Map<String, Object> s : samples) {
                    String split = (String) s.get("split");
                    ShardWriter w = writers.computeIfAbsent(split, k -> new ShardWriter(scratch, k, shardBytes));
                    Path clip = store.local(store.resolve(RunLayout.dataset(String.valueOf(s.get("clip")))), scratch.resolve("clips"));
                    w.add((String) s.get("shot_key"), clip, JSON.writeValueAsString(s));
                }
                for (ShardWriter w : writers.values()) {
                    w.close();
                    for (Path shard : w.shards()) {
                        String target = RunLayout.dataset("shards/" + shard.getFileName());
                        store.publish(shard, store.resolve(target));
                        out.add(target);
                    }
                }
            } finally {
                try (Stream<Path> files = Files.walk(scratch)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dataset shards", e);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }
}
