package org.tongpao.inventory.internal;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tongpao.core.Caller;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.internal.CoreDatabase;
import org.tongpao.core.internal.CsvProvinceRegistry;
import org.tongpao.core.internal.JdbcAuditTrail;
import org.tongpao.core.internal.JdbcDepotService;
import org.tongpao.core.internal.JdbcIdempotencyKeys;
import org.tongpao.core.internal.JdbcOrgUnitService;
import org.tongpao.core.testing.MovableClock;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;

/**
 * A fresh in-memory Derby (or, with {@code -Dtongpao.test.postgres=host:port}, a fresh schema of a
 * trust-auth PostgreSQL, user postgres, so the suite doubles as the portability check) with core's schema and demo seed (core's own components, built by hand as DS
 * would), the inventory schema on top, and the inventory component on an adjustable clock with a
 * capturing EventAdmin.
 */
final class Fixture implements AutoCloseable {
    static final Caller ADMIN = Caller.of("admin", Set.of("ministry-admin"), "req-admin");
    static final Caller OFFICER = Caller.of("officer", Set.of("ministry-officer"), "req-officer");
    static final Caller HUBEI = Caller.of("hubei", Set.of("province-officer", "province-42"), "req-hubei");
    static final Caller JIANGSU = Caller.of("jiangsu", Set.of("province-officer", "province-32"), "req-js");
    static final Caller AUDITOR = Caller.of("auditor", Set.of("auditor"), "req-auditor");
    static final Caller KEEPER = Caller.of("keeper", Set.of("depot-keeper", "depot-HB-WH-01"), "req-keeper");
    static final Caller PARTNER = Caller.of("partner", Set.of("partner", "partner-sf"), "req-partner");

    static final LocalDate TODAY = LocalDate.of(2026, 2, 1);

    private final TestDatabase database = new TestDatabase();
    final DataSource ds;
    final MovableClock clock = new MovableClock(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC));
    final InventoryComponent inventory;
    /** Core's depot service with the inventory's {@link InventoryDepotUsage} registered, as DS would. */
    final JdbcDepotService depots;
    private final CsvProvinceRegistry provinces;
    private final JdbcAuditTrail audit;
    private final JdbcIdempotencyKeys keys;
    private final InventoryDatabase db;
    private final int shortDatedDays;
    final List<Event> events = new ArrayList<>();
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
        NodeIdentity node = new NodeIdentity() {
            @Override
            public String id() {
                return "central";
            }

            @Override
            public boolean demo() {
                return true;
            }
        };
        provinces = new CsvProvinceRegistry();
        CoreDatabase core = new CoreDatabase(ds, node, provinces);
        audit = new JdbcAuditTrail(core, node);
        keys = new JdbcIdempotencyKeys(core);
        depots = new JdbcDepotService(core, audit, keys);
        db = new InventoryDatabase(ds, new JdbcOrgUnitService(core, audit, keys));
        depots.addUsage(new InventoryDepotUsage(db));
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

    /** A new inventory component on the same database and clock, as after a restart (same event capture). */
    InventoryComponent restarted() {
        InventoryComponent component = new InventoryComponent(config(shortDatedDays), db, audit, keys, provinces,
                clock);
        component.eventAdmin = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                synchronized (events) {
                    events.add(event);
                }
            }

            @Override
            public void sendEvent(Event event) {
                postEvent(event);
            }
        };
        return component;
    }

    static InventoryComponent.Config config(int days) {
        return config(days, 24);
    }

    static InventoryComponent.Config config(int days, int scanHours) {
        return new InventoryComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return InventoryComponent.Config.class;
            }

            @Override
            public int shortDatedDays() {
                return days;
            }

            @Override
            public int shortDatedScanHours() {
                return scanHours;
            }
        };
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
        return inventory.receive(ADMIN, new NewReceipt(depot, item, qty, LotOrigin.PURCHASE_ORDER, "PO-1", expiry, null),
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
    }

    List<Event> events(String topic) {
        synchronized (events) {
            return events.stream().filter(e -> e.getTopic().equals(topic)).toList();
        }
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
