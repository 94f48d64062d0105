package dev.storyreel.jobs.stage;

import dev.storyreel.catalogue.Catalogue;
import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.catalogue.FilmFailure;
import dev.storyreel.jobs.run.WriterOptions;
import dev.storyreel.jobs.store.HadoopLedgerFiles;
import dev.storyreel.jobs.store.OutputStore;
import dev.storyreel.jobs.store.RunLayout;
import dev.storyreel.limits.Limits;
import dev.storyreel.limits.SourcePolicy;
import dev.storyreel.remote.Backoff;
import dev.storyreel.remote.CircuitBreaker;
import dev.storyreel.remote.Credentials;
import dev.storyreel.remote.PoliteHttp;
import dev.storyreel.remote.RemoteStats;
import dev.storyreel.remote.Sleeper;
import dev.storyreel.shot.Seeds;
import dev.storyreel.writer.Brief;
import dev.storyreel.writer.OpenAiChat;
import dev.storyreel.writer.WriterAsk;
import dev.storyreel.writer.WriterException;
import dev.storyreel.writer.WritersRoom;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 0, on the driver: catalogue rows with a {@code logline} or {@code brief} instead of a {@code source} get
 * their screenplay from the writers' room ({@code screenplays/<film_id>.fountain} under the output root, reused
 * on a rerun) and become ordinary rows pointing at it. A brief with {@code variants} N becomes N films
 * {@code <film_id>-v1} ... A row the writer cannot serve fails alone.
 */
public final class WriteStage {
    /** Default page budget of a logline's film (about a minute a page). */
    static final double LOGLINE_PAGES = 3;

    private WriteStage() {
    }

    /** The source with every writer row replaced by its written screenplay, or failed. */
    public static PlanStage.Source run(PlanStage.Source source, WriterOptions options, OutputStore store,
                                       PrintStream console) {
        Catalogue c = source.catalogue();
        if (c.entries().stream().allMatch(e -> !e.source().isEmpty())) {
            return source;
        }
        List<CatalogueEntry> entries = new ArrayList<>();
        List<FilmFailure> failures = new ArrayList<>(c.failures());
        WritersRoom room = options.enabled() ? room(options, store) : null;
        String folder = screenplaysFolder(store);
        for (CatalogueEntry e : c.entries()) {
            if (!e.source().isEmpty()) {
                entries.add(e);
                continue;
            }
            if (room == null) {
                failures.add(new FilmFailure(e.filmId(), c.location(), e.line(),
                        "the row has a logline or brief but no source: give --writer-url and --writer-model"));
                continue;
            }
            try {
                for (WriterAsk ask : asks(e)) {
                    WritersRoom.Written w = room.write(ask);
                    console.println("[write] " + ask.filmId() + ": " + (w.reused() ? "reused " : "written in " + w.calls()
                            + " call" + (w.calls() == 1 ? "" : "s") + ": ") + w.path());
                    Map<String, String> columns = new LinkedHashMap<>(e.options());
                    columns.remove("logline");
                    columns.remove("brief");
                    columns.remove("variants");
                    entries.add(new CatalogueEntry(ask.filmId(), e.title(), folder + "/" + ask.filmId() + ".fountain",
                            e.style(), ask.seed(), e.line(), columns));
                }
            } catch (WriterException | IllegalArgumentException ex) {
                failures.add(new FilmFailure(e.filmId(), c.location(), e.line(), ex.getMessage()));
            }
        }
        // The written screenplays lie under --out, outside the catalogue's folder: the source policy allows that folder.
        List<String> roots = new ArrayList<>(source.limits().sources().roots());
        roots.add(folder);
        Limits limits = new Limits(source.limits().values(), new SourcePolicy(roots, source.limits().sources().schemes()));
        return new PlanStage.Source(new Catalogue(c.location(), entries, failures), source.baseDir(), limits);
    }

    /** The screenplays' folder as sources name it: a plain absolute path when local, else its full URI. */
    static String screenplaysFolder(OutputStore store) {
        org.apache.hadoop.fs.Path dir = store.resolve(RunLayout.SCREENPLAYS);
        try {
            org.apache.hadoop.fs.Path q = dir.getFileSystem(dev.storyreel.jobs.cluster.ExecutorHadoop.conf()).makeQualified(dir);
            return "file".equals(q.toUri().getScheme()) ? q.toUri().getPath() : q.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot resolve " + dir, e);
        }
    }

    /** The asks of one row: its logline, or each alternative script of its brief. */
    static List<WriterAsk> asks(CatalogueEntry e) {
        String logline = e.option("logline");
        if (!logline.isEmpty()) {
            return List.of(new WriterAsk(e.filmId(), e.title(), logline, null, pages(e, LOGLINE_PAGES), e.seed(), 1, 1));
        }
        Brief brief = Brief.parse(e.option("brief"));
        int n = e.option("variants").isEmpty() ? 1 : Integer.parseInt(e.option("variants").strip());
        if (n < 1 || n > 20) {
            throw new IllegalArgumentException("variants must be in 1..20, got " + n);
        }
        List<WriterAsk> asks = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String id = n == 1 ? e.filmId() : e.filmId() + "-v" + i;
            long seed = n == 1 ? e.seed() : Seeds.derive(e.seed(), "writer alternative " + i);
            asks.add(new WriterAsk(id, e.title(), "", brief, pages(e, Math.max(0.5, brief.seconds() / 60.0)), seed, i, n));
        }
        return asks;
    }

    private static double pages(CatalogueEntry e, double fallback) {
        String p = e.option("pages");
        return p.isEmpty() ? fallback : Double.parseDouble(p);
    }

    private static WritersRoom room(WriterOptions o, OutputStore store) {
        String key = Credentials.key("", "STORYREEL_WRITER_KEY");
        PoliteHttp http = new PoliteHttp(URI.create(o.url()), key, 1, Duration.ofMinutes(5), Backoff.DEFAULT,
                CircuitBreaker.forEndpoint(o.url(), 5, Duration.ofSeconds(30)), new RemoteStats(), Sleeper.REAL);
        return new WritersRoom(new OpenAiChat(http, o.url(), o.model()), new HadoopLedgerFiles(store.root().toString()),
                RunLayout.SCREENPLAYS, o.retries(), o.temperature());
    }
}
