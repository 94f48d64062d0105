import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * bench/kill-test.sh's independent reader (DuckDB): for a run's output folder prints
 * "rows=R planned=P duplicates=D" and writes every frame's key and the MD5 of its data, in key order,
 * to the given file. Run as a single-file program: java -cp duckdb_jdbc.jar bench/KillCheck.java OUT HASHES
 */
public class KillCheck {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String frames = "read_parquet('" + out.resolve("frames") + "/**/*.parquet', hive_partitioning=true)";
        String plan = "read_parquet('" + out.resolve("plan") + "/**/*.parquet', hive_partitioning=true)";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            long rows = single(s, "select count(*) from " + frames);
            long planned = single(s, "select sum(frames) from " + plan);
            long dups = single(s, "select count(*) from (select film_id, variant, scene, shot, frame, count(*) n from "
                    + frames + " group by all having n > 1)");
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])));
                 ResultSet r = s.executeQuery("select film_id, variant, scene, shot, frame, md5(data) from " + frames
                         + " order by all")) {
                while (r.next()) {
                    w.println(r.getString(1) + "\t" + r.getString(2) + "\t" + r.getString(3) + "\t" + r.getString(4) + "\t"
                            + r.getString(5) + "\t" + r.getString(6));
                }
            }
            System.out.println("rows=" + rows + " planned=" + planned + " duplicates=" + dups);
        }
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
