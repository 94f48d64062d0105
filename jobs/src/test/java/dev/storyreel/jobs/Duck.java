package dev.storyreel.jobs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** DuckDB over JDBC: an independent Parquet reader for the job's tables. */
final class Duck {
    private Duck() {
    }

    /** The rows of a query, each as its columns joined by tabs. */
    static List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i > 1 ? "\t" : "").append(r.getString(i));
                }
                rows.add(b.toString());
            }
        }
        return rows;
    }

    static long single(String sql) throws SQLException {
        return Long.parseLong(query(sql).get(0));
    }

    /** {@code read_parquet(...)} of a table of a run, with its film_id partition column. */
    static String table(Path out, String name) {
        return "read_parquet('" + out.resolve(name) + "/**/*.parquet', hive_partitioning=true)";
    }
}
