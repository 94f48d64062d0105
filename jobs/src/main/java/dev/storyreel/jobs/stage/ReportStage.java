package dev.storyreel.jobs.stage;

import dev.storyreel.estimate.RenderEstimate;
import dev.storyreel.frames.FrameCodec;
import dev.storyreel.jobs.run.Progress;
import dev.storyreel.jobs.run.RunReport;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.jobs.store.Slots;
import dev.storyreel.plan.FilmPlan;
import dev.storyreel.plan.FilmVariant;
import dev.storyreel.plan.PlannedShot;
import dev.storyreel.report.ReportModel;
import dev.storyreel.report.ReportPage;
import dev.storyreel.variant.VariantSpec;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

/**
 * The run report, {@code report/index.html}: a Spark job turns the middle frame of every planned
 * shot of the films made into a small JPEG under {@code report/thumbs/} (and one larger poster per
 * film), then the page is written with {@link ReportPage}.
 */
public final class ReportStage {
    public static final int THUMB_WIDTH = 160;
    public static final int POSTER_WIDTH = 480;

    private static final StructType SLOTS = Slots.with(
            DataTypes.createStructField("frame", DataTypes.IntegerType, false),
            DataTypes.createStructField("thumb", DataTypes.StringType, false),
            DataTypes.createStructField("poster", DataTypes.StringType, true));

    private ReportStage() {
    }

    /** Makes the thumbnails of the films made and writes the page; returns the page's path. */
    public static String run(SparkSession spark, OutputStore store, RunReport report, List<FilmPlan> plans) {
        Set<FilmVariant> ok = new HashSet<>();
        report.films().stream().filter(f -> f.status().made())
                .forEach(f -> ok.add(new FilmVariant(f.filmId(), f.variant())));
        List<Row> slots = new ArrayList<>();
        for (FilmPlan p : plans) {
            if (!ok.contains(FilmVariant.of(p))) {
                continue;
            }
            PlannedShot posterShot = posterShot(p);
            for (PlannedShot s : p.shots()) {
                slots.add(Slots.row(s, s.frames() / 2, thumbName(s),
                        s == posterShot ? posterName(p.filmId(), p.variant()) : null));
            }
        }
        Set<String> made = slots.isEmpty() ? Set.of() : thumbnails(spark, store, slots);
        ReportModel model = model(report, plans, made);
        String path = RunLayout.REPORT_PAGE;
        store.publish(ReportPage.html(model).getBytes(StandardCharsets.UTF_8), store.resolve(path));
        return path;
    }

    /** A shot's thumbnail, relative to the page: {@code thumbs/<film>/[<variant>-]<scene>-<shot>.jpg}. */
    public static String thumbName(PlannedShot s) {
        return "thumbs/" + s.filmId() + "/" + variantPrefix(s.variant()) + s.scene() + "-" + s.shot() + ".jpg";
    }

    /** A film variant's poster, relative to the page: {@code thumbs/<film>/[<variant>-]poster.jpg}. */
    public static String posterName(String filmId, String variant) {
        return "thumbs/" + filmId + "/" + variantPrefix(variant) + "poster.jpg";
    }

    private static String variantPrefix(String variant) {
        return VariantSpec.MAIN_ID.equals(variant) ? "" : variant + "-";
    }

    /** The shot showing the film's middle frame. */
    private static PlannedShot posterShot(FilmPlan p) {
        int middle = p.frames() / 2;
        for (PlannedShot s : p.shots()) {
            if (middle >= s.startFrame() && middle < s.startFrame() + s.frames()) {
                return s;
            }
        }
        return p.shots().get(0);
    }

    /** Every checked deliverable's QC, films first, then trailers. */
    private static List<ReportModel.Delivery> deliveries(RunReport report) {
        List<ReportModel.Delivery> out = new ArrayList<>();
        for (RunReport.Film f : report.films()) {
            if (f.qc() != null) {
                out.add(delivery(f.filmId() + " / " + f.variant(), f.qc()));
            }
        }
        for (RunReport.Trailer t : report.trailers()) {
            if (t.qc() != null) {
                out.add(delivery("trailer " + t.filmId(), t.qc()));
            }
        }
        return out;
    }

    private static ReportModel.Delivery delivery(String name, Map<String, Object> qc) {
        List<ReportModel.Fact> figures = new ArrayList<>();
        for (String k : List.of("loudness", "integrated_lufs", "true_peak_dbtp", "loudness_range_lu", "av_duration_diff_s",
                "flashes_max_per_s", "subtitle_max_line_chars", "subtitle_max_cps")) {
            Object v = qc.get(k);
            figures.add(new ReportModel.Fact(k, v == null ? "-" : v.toString()));
        }
        Object cuts = qc.get("cuts");
        if (cuts instanceof Map<?, ?> c) {
            figures.add(new ReportModel.Fact("cuts", c.get("matched") + " of " + c.get("planned") + " planned, "
                    + ((List<?>) c.get("unplanned_frames")).size() + " unplanned"));
        }
        figures.add(new ReportModel.Fact("black", String.valueOf(((List<?>) qc.get("black")).size())));
        figures.add(new ReportModel.Fact("frozen", String.valueOf(((List<?>) qc.get("frozen")).size())));
        List<String> reasons = ((List<?>) qc.get("reasons")).stream().map(String::valueOf).toList();
        return new ReportModel.Delivery(name, String.valueOf(qc.get("status")), figures, reasons);
    }

    private static Set<String> thumbnails(SparkSession spark, OutputStore store, List<Row> slots) {
        List<Object> films = slots.stream().map(r -> (Object) r.getString(0)).distinct().toList();
        List<Object> frames = slots.stream().map(r -> (Object) r.getInt(5)).distinct().toList();
        String root = store.root().toString();
        List<String> made = spark.read().parquet(store.resolve(RunLayout.FRAMES).toString())
                .where(col("film_id").isin(films.toArray()).and(col("frame").isin(frames.toArray())))
                .join(broadcast(spark.createDataFrame(slots, SLOTS)), Slots.joinOn("frame"))
                .select("thumb", "poster", "width", "height", "codec", "data")
                .toJavaRDD()
                .mapPartitions(rows -> writeThumbs(rows, root))
                .collect();
        return new HashSet<>(made);
    }

    /** Executor side: decodes each frame, scales it down and publishes it as a JPEG under report/. */
    public static Iterator<String> writeThumbs(Iterator<Row> rows, String root) {
        OutputStore store = OutputStore.onExecutor(root);
        List<String> out = new ArrayList<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            BufferedImage frame = FrameCodec.named(r.getString(4)).decode(r.getAs(5), r.getInt(2), r.getInt(3));
            store.publish(jpeg(scale(frame, THUMB_WIDTH)), store.resolve(RunLayout.report(r.getString(0))));
            out.add(r.getString(0));
            if (!r.isNullAt(1)) {
                store.publish(jpeg(scale(frame, POSTER_WIDTH)), store.resolve(RunLayout.report(r.getString(1))));
                out.add(r.getString(1));
            }
        }
        return out.iterator();
    }

    public static BufferedImage scale(BufferedImage src, int width) {
        int height = Math.max(1, Math.round(src.getHeight() * (float) width / src.getWidth()));
        BufferedImage dst = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return dst;
    }

    public static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IOException("no JPEG writer");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReportModel model(RunReport report, List<FilmPlan> plans, Set<String> made) {
        Map<FilmVariant, FilmPlan> byId = new LinkedHashMap<>();
        plans.forEach(p -> byId.put(FilmVariant.of(p), p));
        List<ReportModel.Fact> facts = new ArrayList<>();
        Map<String, Object> s = report.settings();
        facts.add(new ReportModel.Fact("catalogue", String.valueOf(s.get("catalogue"))));
        facts.add(new ReportModel.Fact("renderer", s.get("renderer") + ", " + s.get("width") + "x" + s.get("height")
                + " @ " + s.get("fps") + " fps, frames " + s.get("codec")));
        facts.add(new ReportModel.Fact("encoder", String.valueOf(s.get("encoder"))));
        facts.add(new ReportModel.Fact("master", String.valueOf(s.get("master"))));
        RunReport.Totals t = report.totals();
        facts.add(new ReportModel.Fact("films", t.filmsOk() + " ok, " + t.filmsFailed() + " failed of " + t.films()));
        facts.add(new ReportModel.Fact("shots", t.shotsRendered() + " rendered this run of " + t.shotsPlanned() + " planned"));
        facts.add(new ReportModel.Fact("frames", t.framesRendered() + " rendered this run of " + t.framesPlanned() + " planned"));
        RenderEstimate e = report.estimate();
        if (e != null) {
            facts.add(new ReportModel.Fact("estimate", String.format(Locale.ROOT,
                    "render %s on %d %s%s (%.4f s/frame, %s), %.3f %s-hours, cost %s", Progress.clock(e.renderSeconds()),
                    e.workers(), e.unit(), e.workers() == 1 ? "" : "s", e.secondsPerFrame(), e.detail(), e.workerHours(),
                    e.unit(), e.costText())));
        }
        RunReport.Actual a = report.actual();
        if (a != null) {
            facts.add(new ReportModel.Fact("actual", String.format(Locale.ROOT,
                    "render %s for %d frames, %.1f frames/s (%.4f worker-s/frame on %d workers); estimate/actual %.2f",
                    Progress.clock(a.renderSeconds()), a.framesRendered(), a.framesPerSecond(), a.secondsPerFrame(),
                    a.workers(), a.estimateRatio())));
        }
        List<ReportModel.Fact> stages = new ArrayList<>();
        report.stages().forEach((k, v) -> stages.add(new ReportModel.Fact(k, String.format(Locale.ROOT, "%.1f", v))));
        List<ReportModel.Film> films = new ArrayList<>();
        for (RunReport.Film f : report.films()) {
            FilmPlan p = byId.get(new FilmVariant(f.filmId(), f.variant()));
            List<ReportModel.Shot> shots = new ArrayList<>();
            if (p != null) {
                for (PlannedShot sh : p.shots()) {
                    String thumb = thumbName(sh);
                    shots.add(new ReportModel.Shot(sh.scene(), sh.sceneLabel(), sh.shot(), sh.spec().kind().label(),
                            sh.spec().camera().label(), (double) sh.frames() / sh.spec().fps(),
                            sh.spec().setting().location() + " - " + sh.spec().setting().timeOfDay(),
                            made.contains(thumb) ? thumb : null));
                }
            }
            String posterFile = posterName(f.filmId(), f.variant());
            String poster = made.contains(posterFile) ? posterFile : null;
            String size = p == null || p.shots().isEmpty() ? ""
                    : ", " + p.shots().get(0).spec().width() + "x" + p.shots().get(0).spec().height();
            String pages = p == null || p.pages() <= 0 ? "" : String.format(Locale.ROOT, ", %.1f pages, %.2f min/page",
                    p.pages(), p.minutesPerPage());
            String summary = String.format(Locale.ROOT, "%d scenes, %d shots, %d frames, %s%s%s", f.scenes(), f.shots(),
                    f.frames(), Progress.clock(f.durationS()), size, pages);
            List<ReportModel.Character> bible = new ArrayList<>();
            if (p != null) {
                p.bible().characters().forEach(c -> bible.add(new ReportModel.Character(c.name(), c.descriptor(),
                        c.firstLine())));
            }
            films.add(new ReportModel.Film(f.filmId(), f.title(), f.status().label(), summary,
                    f.file() == null ? null : "../" + f.file(), poster, f.durationS(), shots,
                    f.error() == null ? null : new ReportModel.Error(f.error().file(), f.error().line(), f.error().message()),
                    f.variant(), bible));
        }
        return new ReportModel("storyreel run report", facts, stages, films, deliveries(report));
    }
}
