package org.tongpao.itests.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The second baseline of the federation's figures: what embedded Derby alone does on this machine in the same run.
 * Derby of central's version (10.14.2.0, what pax-jdbc-derby pins) with a database on disk, durable (a log sync per
 * commit, as central's), in the benchmark's JVM: bare one-row transactions (the ceiling of an inbox committing each
 * message), and the same rows committed {@value #GROUP} at a time, one statement each (the ceiling of a grouped inbox
 * whose every message were one row).
 */
final class RawDerby {
    static final int GROUP = 100;

    /** Rows per second: committed one per transaction, and {@value #GROUP} per transaction. */
    record Rates(double singleCommits, double groupedRows) {
    }

    private RawDerby() {
    }

    static Rates measure(Path folder, int rows, int bodyBytes) throws SQLException {
        String url = "jdbc:derby:" + folder.resolve("db") + ";create=true";
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE raw_row (id INT PRIMARY KEY, body VARCHAR(" + bodyBytes + "))");
            }
            c.setAutoCommit(false);
            String body = "x".repeat(bodyBytes);
            double single = insert(c, 0, rows, 1, body);
            double grouped = insert(c, rows, rows, GROUP, body);
            return new Rates(single, grouped);
        } finally {
            shutDown(folder);
        }
    }

    private static double insert(Connection c, int firstId, int rows, int perCommit, String body) throws SQLException {
        long t0 = System.nanoTime();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO raw_row (id, body) VALUES (?, ?)")) {
            for (int n = 0; n < rows; n++) {
                insert.setInt(1, firstId + n);
                insert.setString(2, body);
                insert.executeUpdate();
                if ((n + 1) % perCommit == 0 || n == rows - 1) {
                    c.commit();
                }
            }
        }
        return rows / ((System.nanoTime() - t0) / 1e9);
    }

    /** Closes the database (Derby answers a successful shutdown with SQLState 08006). */
    private static void shutDown(Path folder) {
        try {
            DriverManager.getConnection("jdbc:derby:" + folder.resolve("db") + ";shutdown=true").close();
        } catch (SQLException expected) {
            if (!"08006".equals(expected.getSQLState())) {
                throw new IllegalStateException("Derby did not shut down: " + expected.getMessage(), expected);
            }
        }
    }
}
