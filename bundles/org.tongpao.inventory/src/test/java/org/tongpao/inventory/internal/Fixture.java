package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.osgi.service.event.Event;
import org.tongpao.core.internal.JdbcDepotService;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.testing.Configs;
import org.tongpao.core.testing.MovableClock;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;

/**
 * A fresh in-memory Derby (or, with {@code -Dtongpao.test.postgres=host:port}, a fresh schema of a
 * trust-auth PostgreSQL, user postgres, so the suite doubles as the portability check) with core's schema and demo seed (core's own components, built by hand as DS
 * would: {@link TestCore}), the inventory schema on top, and the inventory component on an adjustable clock,
 * recording its events in core's outbox ({@link org.tongpao.core.testing.TestOutbox}, which keeps what it posted).
 */
final class Fixture implements AutoCloseable, TestCallers {
    static final LocalDate TODAY = LocalDate.of(2026, 2, 1);

    private final TestDatabase database = new TestDatabase();
    final DataSource ds;
    final MovableClock clock = new MovableClock(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC));
    final InventoryComponent inventory;
    /** Core's depot service with the inventory's {@link InventoryDepotUsage} registered, as DS would. */
    final JdbcDepotService depots;
    private final TestCore core;
    private final SchemaReady schema;
    private final int shortDatedDays;
    final long central;
    final long hubeiProv;
    final long wuhan;
    final long jiangsu;
    final long kn95;
    final long medprot;
    final long tent;
    final long station;

    Fixture() {
        this(90);
    }

    Fixture(int shortDatedDays) {
        ds = database.dataSource();
        core = new TestCore(ds, TestCore.node("central", true));
        depots = core.depots;
        Migrations.migrate(ds, InventorySchema.class, InventorySchema.MIGRATIONS, InventorySchema.HISTORY_TABLE);
        schema = SchemaReady.of(InventorySchema.NAME, ds);
        depots.addUsage(new InventoryDepotUsage(schema));
        this.shortDatedDays = shortDatedDays;
        inventory = restarted();
        central = id("tp_depot", "CENTRAL-RESERVE");
        hubeiProv = id("tp_depot", "HB-PROV-01");
        wuhan = id("tp_depot", "HB-WH-01");
        jiangsu = id("tp_depot", "JS-PROV-01");
        kn95 = id("tp_item", "MASK-KN95");
        medprot = id("tp_item", "MASK-MEDPROT");
        tent = id("tp_item", "FIELD-TENT");
        station = id("tp_org_unit", "P42-WUHAN-JIANGAN-T01");
    }

    /** A new inventory component on the same database and clock, as after a restart (same outbox). */
    InventoryComponent restarted() {
        return new InventoryComponent(config(shortDatedDays), schema, core.audit, core.keys, core.outbox,
                core.provinces, clock);
    }

    /** Another inventory component on the same database reached through {@code other} (e.g. a wrapping one). */
    InventoryComponent on(DataSource other) {
        return new InventoryComponent(config(shortDatedDays), SchemaReady.of(InventorySchema.NAME, other), core.audit,
                core.keys, core.outbox, core.provinces, clock);
    }

    static InventoryComponent.Config config(int days) {
        return config(days, 24);
    }

    static InventoryComponent.Config config(int days, int scanHours) {
        return Configs.of(InventoryComponent.Config.class, Map.of("shortDatedDays", days,
                "shortDatedScanHours", scanHours));
    }

    long id(String table, String code) {
        return number("SELECT id FROM " + table + " WHERE code = '" + code + "'");
    }

    long number(String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long count(String table) {
        return number("SELECT COUNT(*) FROM " + table);
    }

    long onHand(long lotId) {
        return number("SELECT on_hand FROM tp_inv_balance WHERE lot_id = " + lotId);
    }

    long reserved(long lotId) {
        return number("SELECT reserved FROM tp_inv_balance WHERE lot_id = " + lotId);
    }

    /** Receives {@code qty} as the ministry; returns the lot id. */
    long receive(long depot, long item, long qty, LocalDate expiry) {
        return inventory.receive(ADMIN, NewReceipt.builder().depotId(depot).itemId(item).quantity(qty)
                .origin(LotOrigin.PURCHASE_ORDER).sourceDocument("PO-1").expiryDate(expiry).build(),
                null).id();
    }

    /** Every lot's on-hand equals the sum of its signed ledger quantities, and nothing is negative. */
    void assertLedgerMatchesBalances() {
        long mismatches = number("SELECT COUNT(*) FROM tp_inv_balance b WHERE b.on_hand <> "
                + "(SELECT COALESCE(SUM(m.quantity), 0) FROM tp_inv_movement m WHERE m.lot_id = b.lot_id)");
        if (mismatches != 0) {
            throw new AssertionError(mismatches + " lot(s) whose on-hand differs from the ledger");
        }
        long negative = number("SELECT COUNT(*) FROM tp_inv_balance WHERE on_hand < 0 OR reserved < 0 OR reserved > on_hand");
        if (negative != 0) {
            throw new AssertionError(negative + " negative balance(s)");
        }
        assertSummariesMatch();
    }

    /**
     * The province × item summary equals the sums of the balances (on hand, reserved, lots holding stock) and the
     * daily summary equals the ledger's sums per UTC day × province × item × type, the front-line summary the issues
     * to STATION units per their province × item; rows of zeros count as absent.
     */
    void assertSummariesMatch() {
        assertSameRows("stock summary",
                rows("SELECT COALESCE(d.province_code, '') || '|' || CAST(b.item_id AS CHAR(20)), SUM(b.on_hand), "
                        + "SUM(b.reserved), SUM(CASE WHEN b.on_hand > 0 THEN 1 ELSE 0 END) FROM tp_inv_balance b "
                        + "JOIN tp_core_v1_depot d ON d.id = b.depot_id "
                        + "GROUP BY COALESCE(d.province_code, ''), b.item_id"),
                rows("SELECT province_code || '|' || CAST(item_id AS CHAR(20)), on_hand, reserved, lots "
                        + "FROM tp_inv_stock_summary"));
        assertSameRows("daily summary",
                rows("SELECT CAST(CAST(m.occurred_at AS DATE) AS CHAR(10)) || '|' || COALESCE(d.province_code, '') "
                        + "|| '|' || CAST(m.item_id AS CHAR(20)) || '|' || m.movement_type, SUM(m.quantity), COUNT(*) "
                        + "FROM tp_inv_movement m JOIN tp_core_v1_depot d ON d.id = m.depot_id "
                        + "GROUP BY CAST(m.occurred_at AS DATE), COALESCE(d.province_code, ''), m.item_id, m.movement_type"),
                rows("SELECT CAST(movement_day AS CHAR(10)) || '|' || province_code || '|' || CAST(item_id AS CHAR(20)) "
                        + "|| '|' || movement_type, quantity, movements FROM tp_inv_daily_movement"));
        assertSameRows("front-line summary",
                rows("SELECT COALESCE(u.province_code, '') || '|' || CAST(m.item_id AS CHAR(20)), -SUM(m.quantity) "
                        + "FROM tp_inv_movement m JOIN tp_core_v1_org_unit u ON u.id = m.org_unit_id "
                        + "WHERE m.movement_type = 'ISSUE' AND u.unit_level = 'STATION' "
                        + "GROUP BY COALESCE(u.province_code, ''), m.item_id"),
                rows("SELECT province_code || '|' || CAST(item_id AS CHAR(20)), issued FROM tp_inv_front_line"));
        assertExpirySummaryMatches();
    }

    /**
     * The expiry summary (V10) equals the balances of dated lots per province × item × expiry day, holds no emptied
     * day, and each stock summary row's earliest day and its stock are the first of those days.
     */
    void assertExpirySummaryMatches() {
        Map<String, List<Long>> days = rows("SELECT COALESCE(d.province_code, '') || '|' || CAST(b.item_id AS CHAR(20)) "
                + "|| '|' || CAST(l.expiry_date AS CHAR(10)), SUM(b.on_hand) FROM tp_inv_balance b "
                + "JOIN tp_inv_lot l ON l.id = b.lot_id JOIN tp_core_v1_depot d ON d.id = b.depot_id "
                + "WHERE l.expiry_date IS NOT NULL GROUP BY COALESCE(d.province_code, ''), b.item_id, l.expiry_date");
        assertSameRows("expiry summary", days, rows("SELECT province_code || '|' || CAST(item_id AS CHAR(20)) || '|' "
                + "|| CAST(expiry_date AS CHAR(10)), on_hand FROM tp_inv_expiry_summary"));
        if (number("SELECT COUNT(*) FROM tp_inv_expiry_summary WHERE on_hand <= 0") != 0) {
            throw new AssertionError("expiry summary keeps days without stock");
        }
        Map<String, List<Long>> earliest = new java.util.TreeMap<>();
        days.forEach((k, v) -> earliest.putIfAbsent(k.substring(0, k.lastIndexOf('|')), List.of(
                java.time.LocalDate.parse(k.substring(k.lastIndexOf('|') + 1)).toEpochDay(), v.get(0))));
        Map<String, List<Long>> kept = new java.util.TreeMap<>();
        rows("SELECT province_code || '|' || CAST(item_id AS CHAR(20)) || '|' || CAST(earliest_expiry AS CHAR(10)), "
                + "earliest_on_hand FROM tp_inv_stock_summary WHERE earliest_expiry IS NOT NULL").forEach((k, v) ->
                kept.put(k.substring(0, k.lastIndexOf('|')), List.of(java.time.LocalDate.parse(
                        k.substring(k.lastIndexOf('|') + 1)).toEpochDay(), v.get(0))));
        assertSameRows("earliest expiry", earliest, kept);
    }

    private static void assertSameRows(String what, Map<String, List<Long>> expected, Map<String, List<Long>> actual) {
        java.util.function.Predicate<List<Long>> zero = v -> v.stream().allMatch(x -> x == 0);
        expected.values().removeIf(zero);
        actual.values().removeIf(zero);
        if (!expected.equals(actual)) {
            throw new AssertionError(what + " differs: expected " + expected + " but was " + actual);
        }
    }

    private Map<String, List<Long>> rows(String sql) {
        Map<String, List<Long>> out = new java.util.TreeMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Long> v = new java.util.ArrayList<>();
                for (int i = 2; i <= n; i++) {
                    v.add(rs.getLong(i));
                }
                out.put(rs.getString(1).replace(" ", ""), v);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The events of {@code topic} posted so far (after their writes committed), in order. */
    List<Event> events(String topic) {
        return core.outbox.events(topic).stream().filter(e -> e.getTopic().equals(topic)).toList();
    }

    /** The stock engine on this fixture's database, for tests of the write runner itself. */
    Ledger ledger() {
        return new Ledger(ds, core.audit, core.keys, core.outbox, clock, () -> shortDatedDays, new LedgerOwnership());
    }

    /** Events recorded in the outbox but not posted: none once every write has committed or rolled back. */
    long unpublished() {
        return core.outbox.unpublished();
    }

    /** Lock waits give up at once from now on (see {@link TestDatabase#shortLockTimeout}). */
    void shortLockTimeout() {
        database.shortLockTimeout();
    }

    @Override
    public void close() {
        database.close();
    }
}
