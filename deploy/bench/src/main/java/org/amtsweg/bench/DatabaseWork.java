package org.amtsweg.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What PostgreSQL did for the platform over the measured rounds: committed transactions per application and
 * database (always), and, where the server loads {@code pg_stat_statements} (start it with
 * {@code AMTSWEG_PG_STATEMENTS=true}), the statements that took the most of its time, with their calls and time per
 * application, and the rows updated per application and table with the share that were HOT updates (the new version
 * on the same page, no index touched), and the WAL written per application. The CPU table says how much the database
 * costs; this says for what.
 */
final class DatabaseWork {

    private final String adminJdbc;
    private final Map<String, Long> commitsBefore;
    private final Map<String, long[]> updatesBefore;
    private final long[] walBefore;
    private final boolean statements;

    private DatabaseWork(
            String adminJdbc,
            Map<String, Long> commitsBefore,
            Map<String, long[]> updatesBefore,
            long[] walBefore,
            boolean statements) {
        this.adminJdbc = adminJdbc;
        this.commitsBefore = commitsBefore;
        this.updatesBefore = updatesBefore;
        this.walBefore = walBefore;
        this.statements = statements;
    }

    static DatabaseWork start(String adminJdbc) throws SQLException {
        boolean statements;
        try (Connection db = DriverManager.getConnection(adminJdbc, "postgres", "");
                Statement statement = db.createStatement()) {
            try (ResultSet loaded = statement.executeQuery(
                    "SELECT current_setting('shared_preload_libraries') LIKE '%pg_stat_statements%'")) {
                loaded.next();
                statements = loaded.getBoolean(1);
            }
            if (statements) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                statement.execute("SELECT pg_stat_statements_reset()");
            }
        }
        Map<String, Long> commits = commits(adminJdbc);
        return new DatabaseWork(adminJdbc, commits, updates(adminJdbc, commits.keySet()), wal(adminJdbc), statements);
    }

    void print(int applications, int top) throws SQLException {
        Map<String, Long> after = commits(adminJdbc);
        StringBuilder line = new StringBuilder();
        after.forEach((database, commits) -> {
            double perApplication = (commits - commitsBefore.getOrDefault(database, 0L)) / (double) applications;
            if (perApplication >= 0.01) {
                line.append(String.format("  %s %.2f", database, perApplication));
            }
        });
        System.out.printf("%nPostgreSQL transactions committed per application:%s%n", line);
        StringBuilder updated = new StringBuilder();
        updates(adminJdbc, after.keySet()).forEach((table, counts) -> {
            long[] before = updatesBefore.getOrDefault(table, new long[2]);
            long rows = counts[0] - before[0], hot = counts[1] - before[1];
            if (rows / (double) applications >= 0.01) {
                updated.append(String.format(
                        "  %s %.2f (%d %% HOT)", table, rows / (double) applications, Math.round(100.0 * hot / rows)));
            }
        });
        System.out.printf("Rows updated per application:%s%n", updated);
        long[] wal = wal(adminJdbc);
        System.out.printf(
                "WAL per application: %.1f records, %.2f full-page images, %,.0f bytes; %.2f WAL writes and %.2f syncs%n",
                (wal[0] - walBefore[0]) / (double) applications,
                (wal[1] - walBefore[1]) / (double) applications,
                (wal[2] - walBefore[2]) / (double) applications,
                (wal[3] - walBefore[3]) / (double) applications,
                (wal[4] - walBefore[4]) / (double) applications);
        if (!statements) {
            return;
        }
        System.out.printf(
                "PostgreSQL's time per application by statement (top %d; planning + execution, calls per application):%n",
                top);
        try (Connection db = DriverManager.getConnection(adminJdbc, "postgres", "");
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT d.datname, s.calls, s.total_plan_time + s.total_exec_time, s.total_plan_time, s.query"
                                + " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
                                + " ORDER BY s.total_plan_time + s.total_exec_time DESC LIMIT " + top)) {
            while (rows.next()) {
                String query = rows.getString(5).replaceAll("\\s+", " ");
                System.out.printf(
                        "  %-20s %6.3f ms (plan %5.3f)  %5.2f calls  %s%n",
                        rows.getString(1),
                        rows.getDouble(3) / applications,
                        rows.getDouble(4) / applications,
                        rows.getLong(2) / (double) applications,
                        query.length() > 110 ? query.substring(0, 110) + "…" : query);
            }
        }
    }

    /** Per database.table: rows updated, and of those HOT updates, since the server started. */
    private static Map<String, long[]> updates(String adminJdbc, Iterable<String> databases) throws SQLException {
        Map<String, long[]> updates = new LinkedHashMap<>();
        String base = adminJdbc.substring(0, adminJdbc.lastIndexOf('/') + 1);
        for (String database : databases) {
            try (Connection db = DriverManager.getConnection(base + database, "postgres", "");
                    Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT relname, n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables ORDER BY relname")) {
                while (rows.next()) {
                    updates.put(
                            database.replace("amtsweg_", "") + "." + rows.getString(1),
                            new long[] {rows.getLong(2), rows.getLong(3)});
                }
            }
        }
        return updates;
    }

    /** The server's WAL so far (pg_stat_wal): records, full-page images, bytes, writes, syncs. */
    private static long[] wal(String adminJdbc) throws SQLException {
        try (Connection db = DriverManager.getConnection(adminJdbc, "postgres", "");
                Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT wal_records, wal_fpi, wal_bytes, wal_write, wal_sync FROM pg_stat_wal")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)};
        }
    }

    private static Map<String, Long> commits(String adminJdbc) throws SQLException {
        Map<String, Long> commits = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(adminJdbc, "postgres", "");
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT datname, xact_commit FROM pg_stat_database WHERE datname LIKE 'amtsweg%' ORDER BY datname")) {
            while (rows.next()) {
                commits.put(rows.getString(1), rows.getLong(2));
            }
        }
        return commits;
    }
}
