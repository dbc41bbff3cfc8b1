package org.tongpao.itests.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * National-scale stock made inside Derby by set-based statements (INSERT … SELECT over the bench depots × items), not
 * row by row: one lot and one balance row per depot × item, {@code movementsPerLot} ledger rows per lot (a receipt,
 * then issues of 100: the balance is the ledger's sum), each lot's movements on one of the last {@code days} days (day
 * 0 is today, up to a few seconds before the padding started). Then the summaries are recomputed with the inventory's
 * own migration statements (V8, V10, read from the installed bundle), so they equal what the write path keeps.
 */
final class NationalPadding {
    /** Marks the padded lots (and their movements' request id), so every statement finds them without an index. */
    static final String MARK = "NSB";
    private static final String INVENTORY = "org.tongpao.inventory";
    private static final String MIGRATIONS = "/org/tongpao/inventory/db/migration/";

    private final DataSource dataSource;
    private final BenchReport report;
    private final int movementsPerLot;
    private final int days;
    private final String now;

    NationalPadding(DataSource dataSource, BenchReport report, int movementsPerLot, int days) {
        this.dataSource = dataSource;
        this.report = report;
        this.movementsPerLot = movementsPerLot;
        this.days = days;
        // occurred_at is stored as UTC wall-clock time (Sql.setInstant), so the literal is the UTC clock's
        this.now = "TIMESTAMP('" + LocalDateTime.now(ZoneOffset.UTC).withNano(0)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "')";
    }

    /** Lots, balances, one posting and the movements of the depots and items whose codes start as given. */
    void pad(String depotPrefix, String itemPrefix, long depotOfPosting) throws SQLException {
        int k = movementsPerLot;
        String createdAt = "{fn TIMESTAMPADD(SQL_TSI_DAY, -MOD(d.id + i.id, " + days + "), " + now + ")}";
        timed("lots", "tp_inv_lot", "INSERT INTO tp_inv_lot (item_id, depot_id, origin, source_document, expiry_date, "
                + "received_on, lot_status, received_quantity, created_at) "
                + "SELECT i.id, d.id, 'OPENING_BALANCE', '" + MARK + "', "
                + "CAST({fn TIMESTAMPADD(SQL_TSI_DAY, 10 + MOD(d.id * 31 + i.id, 720), " + now + ")} AS DATE), "
                + "CAST(" + createdAt + " AS DATE), 'AVAILABLE', " + (100 * k) + " + MOD(d.id + 7 * i.id, 50), "
                + createdAt + " FROM tp_depot d, tp_item i "
                + "WHERE d.code LIKE '" + depotPrefix + "%' AND i.code LIKE '" + itemPrefix + "%'");
        timed("balances", "tp_inv_balance", "INSERT INTO tp_inv_balance (lot_id, depot_id, item_id, on_hand, reserved) "
                + "SELECT l.id, l.depot_id, l.item_id, l.received_quantity - " + (100 * (k - 1)) + ", 0 "
                + "FROM tp_inv_lot l WHERE l.source_document = '" + MARK + "'");
        long posting = posting(depotOfPosting);
        // one statement (and commit) per movement of a lot: the first the receipt, the others issues of 100
        for (int n = 1; n <= k; n++) {
            timed("movements " + n + " of " + k + " per lot", "tp_inv_movement", "INSERT INTO tp_inv_movement "
                    + "(posting_id, movement_type, depot_id, item_id, lot_id, quantity, actor, request_id, occurred_at) "
                    + "SELECT " + posting + ", '" + (n == 1 ? "RECEIPT" : "ISSUE") + "', l.depot_id, l.item_id, l.id, "
                    + (n == 1 ? "l.received_quantity" : "-100") + ", 'bench', '" + MARK + "', "
                    + "{fn TIMESTAMPADD(SQL_TSI_SECOND, " + (n - k - 1) + ", l.created_at)} "
                    + "FROM tp_inv_lot l WHERE l.source_document = '" + MARK + "'");
        }
    }

    /**
     * The summaries as the write path would have kept them: emptied, then filled by the statements migrations V8
     * and V10 run on a database that already holds stock (the installed inventory bundle's own text).
     */
    void recomputeSummaries(BundleContext context) throws SQLException, IOException {
        List<String> fills = new ArrayList<>(fills(context, "V8__stock_summaries.sql"));
        fills.addAll(fills(context, "V10__expiry_summary.sql"));
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String table : List.of("tp_inv_stock_summary", "tp_inv_daily_movement", "tp_inv_front_line",
                    "tp_inv_expiry_summary")) {
                s.executeUpdate("DELETE FROM " + table);
            }
            for (String sql : fills) {
                long s0 = System.nanoTime();
                int rows = s.executeUpdate(fixedJoinOrder(sql));
                // each statement's time, so that a slow one at scale is named
                report.line(String.format("  - %,d rows in %.0f s: %s", rows, seconds(s0),
                        sql.substring(0, Math.min(60, sql.length())).replaceAll("\\s+", " ")));
            }
            c.commit();
        }
        report.line(String.format("- summaries recomputed by the %d statements of V8 and V10 (joins in written order): %.0f s", fills.size(),
                seconds(t0)));
    }

    /**
     * Derby's statistics on the padded tables, timed: a live database gets them from Derby's index statistics daemon
     * as its tables grow, the padding (a few statements) did not, and without them the optimiser guesses the plans.
     */
    void updateStatistics() throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("TP_INV_MOVEMENT", "TP_INV_DAILY_MOVEMENT", "TP_INV_BALANCE", "TP_INV_LOT",
                    "TP_INV_STOCK_SUMMARY", "TP_INV_EXPIRY_SUMMARY")) {
                s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(CURRENT SCHEMA, '" + table + "', NULL)");
            }
        }
        report.line(String.format("- Derby statistics updated on the six padded tables: %.0f s", seconds(t0)));
    }

    /**
     * Derby's plan (SYSCS_SET_RUNTIMESTATISTICS) for each statement with one timestamp-or-date parameter: its
     * result sets and the rows each saw, so the report shows which reads scan and which go by an index.
     */
    void plans(String title, Map<String, String> statements, LocalDateTime parameter) throws SQLException {
        report.line("Derby's plans of " + title + " (runtime statistics):");
        report.line("");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            for (Map.Entry<String, String> e : statements.entrySet()) {
                long t0 = System.nanoTime();
                int rows = 0;
                try (PreparedStatement ps = c.prepareStatement(e.getValue())) {
                    for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                        ps.setTimestamp(i, java.sql.Timestamp.valueOf(parameter));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                String plan;
                try (ResultSet rs = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                    rs.next();
                    plan = rs.getString(1);
                }
                report.line(String.format("- %s: %,d rows, %.0f ms; %s", e.getKey(), rows, ms, planSummary(plan)));
            }
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(0)");
        }
        report.line("");
    }

    /** The result set kinds of a plan and the rows each saw ("Index Scan ResultSet for TP_INV_… (rows seen 12)"). */
    private static String planSummary(String plan) {
        List<String> out = new ArrayList<>();
        String kind = null;
        for (String line : plan.split("\n")) {
            String l = line.trim();
            if (l.contains("ResultSet")) {
                kind = l.replaceAll(":$", "").replaceAll(" using index", " by").replaceAll(" at read committed.*", "")
                        .replaceAll(" at serializable.*", "").replaceAll(" at repeatable read.*", "");
            } else if (kind != null && (l.startsWith("Number of rows qualified=") || l.startsWith("Rows seen ="))) {
                out.add(kind + " (" + l + ")");
                kind = null;
            }
        }
        return String.join("; ", out);
    }

    /**
     * The inventory's consistency rule on samples, so that the bench never measures a broken database: each sampled
     * lot's balance is its movements' sum ({@code movementsPerLot} of them); each sampled province × item's stock
     * summary is the sum of its balances, its daily rows the sum of its movements, its earliest expiry the earliest
     * of its lots holding stock.
     */
    void checkSamples(List<String> provinces, List<Long> items) {
        long first = number("SELECT MIN(lot_id) FROM tp_inv_balance b JOIN tp_inv_lot l ON l.id = b.lot_id "
                + "WHERE l.source_document = '" + MARK + "'", 0);
        long last = number("SELECT MAX(id) FROM tp_inv_lot", 0);
        for (int s = 0; s <= 10; s++) {
            long lot = first + (last - first) * s / 10;
            assertEquals("movements of lot " + lot, movementsPerLot,
                    number("SELECT COUNT(*) FROM tp_inv_movement WHERE lot_id = ?", lot));
            assertEquals("balance of lot " + lot, number("SELECT SUM(quantity) FROM tp_inv_movement WHERE lot_id = ?",
                    lot), number("SELECT on_hand FROM tp_inv_balance WHERE lot_id = ?", lot));
        }
        for (String p : provinces) {
            for (long item : items) {
                String where = " AND d.province_code = '" + p + "' AND x.item_id = ?";
                String summary = " FROM tp_inv_stock_summary x WHERE x.province_code = '" + p + "' AND x.item_id = ?";
                assertEquals("stock summary of " + p + " × " + item,
                        number("SELECT SUM(x.on_hand) FROM tp_inv_balance x JOIN tp_core_v1_depot d ON d.id = x.depot_id "
                                + "WHERE 1 = 1" + where, item), number("SELECT on_hand" + summary, item));
                assertEquals("daily movements of " + p + " × " + item,
                        number("SELECT SUM(x.quantity) FROM tp_inv_movement x JOIN tp_core_v1_depot d "
                                + "ON d.id = x.depot_id WHERE 1 = 1" + where, item),
                        number("SELECT SUM(x.quantity) FROM tp_inv_daily_movement x WHERE x.province_code = '" + p
                                + "' AND x.item_id = ?", item));
                assertEquals("earliest expiry of " + p + " × " + item, 1, number("SELECT COUNT(*)" + summary
                        + " AND x.earliest_expiry = (SELECT MIN(l.expiry_date) FROM tp_inv_balance b JOIN tp_inv_lot l "
                        + "ON l.id = b.lot_id JOIN tp_core_v1_depot d ON d.id = b.depot_id WHERE b.on_hand > 0 "
                        + "AND d.province_code = x.province_code AND b.item_id = x.item_id)", item));
            }
        }
        report.line(String.format("- consistency checked: 11 lots (balance = ledger sum), %d province × item pairs "
                + "(summary = balances, daily rows = ledger, earliest expiry = lots')", provinces.size() * items.size()));
    }

    private long posting(long depot) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO tp_inv_posting (operation, depot_id, actor, request_id, occurred_at) "
                    + "VALUES ('RECEIPT', " + depot + ", 'bench', '" + MARK + "', " + now + ")");
        }
        return number("SELECT MAX(id) FROM tp_inv_posting WHERE request_id = '" + MARK + "'", 0);
    }

    /** Runs one set-based statement in its own transaction, holding the table (no row locks to escalate). */
    private void timed(String what, String table, String sql) throws SQLException {
        long t0 = System.nanoTime();
        int rows;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("LOCK TABLE " + table + " IN EXCLUSIVE MODE");
            rows = s.executeUpdate(sql);
            c.commit();
        }
        report.line(String.format("- padding %s: %,d rows in %.0f s", what, rows, seconds(t0)));
    }

    /** The first column of a one-number query, with one long parameter (none when 0). */
    private long number(String sql, long parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != 0) {
                ps.setLong(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            // Derby's exception classes do not exist in the test JVM: report the message, not the object
            throw new AssertionError(sql + ": " + e.getMessage());
        }
    }

    /**
     * The statement with its joins in the order written (the ledger or the balances first, the depot, lot or unit
     * joined by key). The padded tables have no statistics (Derby's daemon had not run on them), so the optimiser took
     * the depot view as the outer table and scanned the 10 million movements once per depot: the first full run was
     * still in that INSERT after 21 minutes. Only the hint is added: the migration's text is otherwise unchanged.
     */
    static String fixedJoinOrder(String sql) {
        return sql.contains(" JOIN ") ? sql.replaceFirst("\\bFROM\\b", "FROM --DERBY-PROPERTIES joinOrder=FIXED\n")
                : sql;
    }

    /** The INSERT and UPDATE statements of one of the installed inventory bundle's migrations, in order. */
    private static List<String> fills(BundleContext context, String migration) throws IOException {
        Bundle inventory = Arrays.stream(context.getBundles()).filter(b -> INVENTORY.equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        URL entry = inventory.getEntry(MIGRATIONS + migration);
        assertNotNull(migration, entry);
        try (InputStream in = entry.openStream()) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.trim().startsWith("--")).collect(Collectors.joining("\n"));
            return Arrays.stream(script.split(";")).map(String::trim)
                    .filter(x -> x.startsWith("INSERT") || x.startsWith("UPDATE")).toList();
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
