package org.tongpao.federation.inventory.internal.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.Configs;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.federation.LinkStatus;
import org.tongpao.federation.inventory.internal.stock.RecordingFederation;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.internal.InventoryComponent;
import org.tongpao.inventory.testing.TestInventory;

/**
 * A central node (demo data, lots received in Hubei's and Jiangsu's depots) and an empty Hubei node (province:42,
 * no demo data), each on its own test database with core, inventory and this bundle's schema; the province reads
 * central's stream in process, through JSON as over HTTP.
 */
final class RebuildFixture implements AutoCloseable, TestCallers {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Caller HUBEI_NODE = Caller.of("node-42", java.util.Set.of("node-42"), "req-node-42");
    static final Caller JIANGSU_NODE = Caller.of("node-32", java.util.Set.of("node-32"), "req-node-32");

    final Node central = new Node("central", true);
    final Node province = new Node("province:42", false);
    final InventoryComponent centralStock;
    /** Whether central sees Hubei and Jiangsu as federated (their depots' ledgers kept there); tests switch it on. */
    volatile boolean federated;
    /** The sections other bundles contribute, at central and at Hubei; tests add to them. */
    final RebuildContributions centralSections = new RebuildContributions();
    final RebuildContributions provinceSections = new RebuildContributions();
    /** What central's catch-up check sees; tests change it. */
    CatchUp catchUp = new CatchUp("42", Optional.empty(), OptionalLong.of(0));
    final RebuildSource source;

    RebuildFixture() {
        centralStock = central.stock();
        centralStock.bindNodeIdentity(central.core.node);
        centralStock.bindLedgerOwners(p -> federated && ("42".equals(p) || "32".equals(p))
                ? Optional.of("province:" + p) : Optional.empty());
        Function<String, CatchUp> check = p -> catchUp;
        source = new RebuildSource(central.ds, central.core.node, central.core.provinces,
                new MasterDataSource(central.core.units, central.core.catalogue, central.core.depots, central.sequences),
                new TransferSource(centralStock), centralSections, check);
    }

    /** Receives {@code qty} of {@code item} into central's depot {@code depot}; the lot id. */
    long receive(String depot, String item, long qty, LocalDate expiry) {
        return centralStock.receive(ADMIN, NewReceipt.builder().depotId(central.id("tp_depot", depot))
                .itemId(central.id("tp_item", item)).quantity(qty).origin(LotOrigin.PURCHASE_ORDER)
                .sourceDocument("PO-" + qty).expiryDate(expiry).build(), null).id();
    }

    /**
     * Central sends {@code qty} of {@code item} from its reserve to Hubei's depot {@code depot} once Hubei is federated:
     * a cross-node transfer in transit; answers central's transfer.
     */
    org.tongpao.inventory.Transfer sendToHubei(String depot, String item, long qty) {
        receive("CENTRAL-RESERVE", item, qty, LocalDate.of(2031, 6, 1));
        federated = true;
        return centralStock.transferOut(ADMIN, org.tongpao.inventory.NewTransfer.builder()
                .fromDepotId(central.id("tp_depot", "CENTRAL-RESERVE")).toDepotId(central.id("tp_depot", depot))
                .itemId(central.id("tp_item", item)).quantity(qty).sourceDocument("allocation-batch:4 2026-004").build(),
                null);
    }

    /** Hubei's inventory as DS would build it on a provincial node: its own depots kept here, central the rest. */
    InventoryComponent provinceStock() {
        InventoryComponent stock = province.stock();
        stock.bindNodeIdentity(province.core.node);
        stock.bindLedgerOwners(p -> p == null || p.equals("42") ? Optional.empty() : Optional.of("central"));
        return stock;
    }

    /** Central's stream for Hubei as the Hubei node reads it, through JSON. */
    PageSource stream() {
        return (after, limit) -> JSON.readTree(JSON.writeValueAsBytes(source.page(HUBEI_NODE, "42", after,
                Integer.toString(limit))));
    }

    /**
     * What the Hubei node's rebuilds sent to central, as its outbox would: message ids from 1,000,000 on, above every
     * id a test's lost install used (a new database's outbox starts at its creation time).
     */
    final RecordingFederation rebuiltSent = new RecordingFederation("province:42", 1_000_000);

    /** The Hubei node's rebuild's notices to central of reservations not restored. */
    ReservedResets resets() {
        return new ReservedResets(rebuiltSent, Rebuilder.ACTOR);
    }

    /** The Hubei node's rebuilder, as DS would build it (a restart builds a new one on the same database). */
    Rebuilder rebuilder(int pageSize) {
        return new Rebuilder(province.ds, province.core.node, new MasterDataApplier(province.core.units,
                province.core.catalogue, province.core.depots, province.sequences), new TransferApplier(provinceStock()), provinceSections,
                resets(), province.core.audit,
                Configs.of(Rebuilder.Config.class, Map.of("centralApi", "in-process", "pageSize", pageSize)),
                Clock.systemUTC());
    }

    static LinkStatus link(long parked) {
        return new LinkStatus("province:42", true, null, null, 0, null, parked, -1);
    }

    static JsonNode tree(Object o) {
        return JSON.valueToTree(o);
    }

    @Override
    public void close() {
        central.close();
        province.close();
    }

    /** One node's database with core, inventory and this bundle's schema. */
    static final class Node implements AutoCloseable {
        private final TestDatabase database = new TestDatabase();
        final DataSource ds = database.dataSource();
        final TestCore core;
        final SchemaReady inventory;
        /** Federation's newest-snapshot sequences on this node (its schema migrated for them). */
        final org.tongpao.federation.SnapshotSequences sequences;

        Node(String id, boolean demo) {
            core = new TestCore(ds, TestCore.node(id, demo));
            Migrations.migrate(ds, org.tongpao.federation.internal.FederationSchema.class,
                    org.tongpao.federation.internal.FederationSchema.MIGRATIONS,
                    org.tongpao.federation.internal.FederationSchema.HISTORY_TABLE);
            sequences = new org.tongpao.federation.internal.master.MasterDataSequences(SchemaReady.of(
                    org.tongpao.federation.internal.FederationSchema.NAME, ds));
            inventory = TestInventory.migrate(ds);
            Migrations.migrate(ds, RebuildSchema.class, RebuildSchema.MIGRATIONS, RebuildSchema.HISTORY_TABLE);
        }

        /** The inventory on this node's database, as DS would build it. */
        InventoryComponent stock() {
            return TestInventory.on(core, inventory, core.outbox);
        }

        long id(String table, String code) {
            return number("SELECT id FROM " + table + " WHERE code = '" + code + "'");
        }

        long number(String sql) {
            return Transactions.read(ds, c -> Jdbc.count(c, sql, List.of()));
        }

        void execute(String sql) {
            Transactions.write(ds, "test", c -> Jdbc.update(c, sql, List.of()));
        }

        /** Every lot's on-hand equals the sum of its ledger; nothing negative. */
        void assertLedgerMatchesBalances() {
            long mismatches = number("SELECT COUNT(*) FROM tp_inv_balance b WHERE b.on_hand <> "
                    + "(SELECT COALESCE(SUM(m.quantity), 0) FROM tp_inv_movement m WHERE m.lot_id = b.lot_id)");
            if (mismatches != 0) {
                throw new AssertionError(mismatches + " lot(s) whose on-hand differs from the ledger");
            }
            // the inventory's summaries (V8) follow the restored stock too
            long stock = number("SELECT COUNT(*) FROM (SELECT COALESCE(d.province_code, '') AS p, b.item_id, "
                    + "SUM(b.on_hand) AS q, SUM(CASE WHEN b.on_hand > 0 THEN 1 ELSE 0 END) AS n FROM tp_inv_balance b "
                    + "JOIN tp_core_v1_depot d ON d.id = b.depot_id GROUP BY COALESCE(d.province_code, ''), b.item_id) x "
                    + "WHERE x.q <> 0 AND NOT EXISTS (SELECT 1 FROM tp_inv_stock_summary s WHERE s.province_code = x.p "
                    + "AND s.item_id = x.item_id AND s.on_hand = x.q AND s.lots = x.n)");
            long extra = number("SELECT COUNT(*) FROM tp_inv_stock_summary s WHERE s.on_hand <> (SELECT "
                    + "COALESCE(SUM(b.on_hand), 0) FROM tp_inv_balance b JOIN tp_core_v1_depot d ON d.id = b.depot_id "
                    + "WHERE COALESCE(d.province_code, '') = s.province_code AND b.item_id = s.item_id)");
            long days = number("SELECT COUNT(*) FROM tp_inv_daily_movement s WHERE s.quantity <> (SELECT "
                    + "COALESCE(SUM(m.quantity), 0) FROM tp_inv_movement m JOIN tp_core_v1_depot d ON d.id = m.depot_id "
                    + "WHERE COALESCE(d.province_code, '') = s.province_code AND m.item_id = s.item_id "
                    + "AND m.movement_type = s.movement_type AND CAST(m.occurred_at AS DATE) = s.movement_day)");
            long missingDays = number("SELECT COUNT(*) FROM tp_inv_movement m WHERE NOT EXISTS (SELECT 1 FROM "
                    + "tp_inv_daily_movement s WHERE s.item_id = m.item_id AND s.movement_type = m.movement_type "
                    + "AND s.movement_day = CAST(m.occurred_at AS DATE))");
            // and the stock per expiry day with each province × item's earliest (V10)
            String dated = "FROM tp_inv_balance b JOIN tp_inv_lot l ON l.id = b.lot_id JOIN tp_core_v1_depot d "
                    + "ON d.id = b.depot_id WHERE l.expiry_date IS NOT NULL AND b.on_hand > 0";
            long expiry = number("SELECT COUNT(*) FROM tp_inv_expiry_summary e WHERE e.on_hand <> (SELECT "
                    + "COALESCE(SUM(b.on_hand), 0) " + dated + " AND COALESCE(d.province_code, '') = e.province_code "
                    + "AND b.item_id = e.item_id AND l.expiry_date = e.expiry_date)")
                    + number("SELECT COUNT(*) FROM (SELECT COALESCE(d.province_code, '') AS p, b.item_id, l.expiry_date "
                    + dated + " GROUP BY COALESCE(d.province_code, ''), b.item_id, l.expiry_date) x WHERE NOT EXISTS "
                    + "(SELECT 1 FROM tp_inv_expiry_summary e WHERE e.province_code = x.p AND e.item_id = x.item_id "
                    + "AND e.expiry_date = x.expiry_date)");
            long earliest = number("SELECT COUNT(*) FROM tp_inv_stock_summary s WHERE COALESCE(s.earliest_expiry, "
                    + "DATE('0001-01-01')) <> COALESCE((SELECT MIN(l.expiry_date) " + dated + " AND "
                    + "COALESCE(d.province_code, '') = s.province_code AND b.item_id = s.item_id), DATE('0001-01-01'))");
            if (stock + extra + days + missingDays + expiry + earliest != 0) {
                throw new AssertionError("summaries differ from balances/ledger: " + stock + " missing, " + extra
                        + " extra stock row(s); " + days + " wrong, " + missingDays + " missing day row(s); " + expiry
                        + " wrong or missing expiry day(s), " + earliest + " wrong earliest expiry");
            }
        }

        @Override
        public void close() {
            database.close();
        }
    }
}
