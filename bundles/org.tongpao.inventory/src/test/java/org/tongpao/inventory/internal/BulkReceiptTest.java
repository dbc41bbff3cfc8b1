package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.HUBEI;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.ReceiptsRefusedException;
import org.tongpao.inventory.ReceiptsRefusedException.Fault;
import org.tongpao.inventory.ReceivedLots;

/**
 * {@code StockLedger.receiveAll} (1.9) writes what as many single receipts write — lots, balances, RECEIPT
 * movements, short-dated flags, both summaries, the lots in MOVEMENT events — refuses the whole list naming every bad
 * receipt with nothing written, and counts a repeated Idempotency-Key once.
 */
class BulkReceiptTest extends WithFixture {
    private static final String LOT_ROWS = "SELECT l.id, l.item_id, l.depot_id, l.origin, l.source_document, "
            + "l.expiry_date, l.received_on, l.lot_status, l.received_quantity, l.designation_kind, "
            + "l.designation_province, l.designation_label, b.on_hand, b.reserved FROM tp_inv_lot l "
            + "JOIN tp_inv_balance b ON b.lot_id = l.id ORDER BY l.id";
    private static final String MOVEMENT_ROWS = "SELECT movement_type, depot_id, item_id, lot_id, quantity, reason, "
            + "org_unit_id, source_document, note, actor FROM tp_inv_movement ORDER BY lot_id, id";
    private static final String STOCK_SUMMARY = "SELECT province_code, item_id, on_hand, reserved, lots "
            + "FROM tp_inv_stock_summary ORDER BY province_code, item_id";
    private static final String DAILY_SUMMARY = "SELECT movement_day, province_code, item_id, movement_type, quantity, "
            + "movements FROM tp_inv_daily_movement ORDER BY movement_day, province_code, item_id, movement_type";

    /** Four depots, three items, short-dated and long-dated lots, a designation and a note. */
    private List<NewReceipt> receipts(Fixture x, int n) {
        long[] depots = {x.central, x.hubeiProv, x.wuhan, x.jiangsu};
        long[] items = {x.kn95, x.medprot, x.tent};
        List<NewReceipt> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long item = items[i % items.length];
            NewReceipt.Builder b = NewReceipt.builder().depotId(depots[(i / 3) % depots.length]).itemId(item)
                    .quantity(10L + i).origin(i % 2 == 0 ? LotOrigin.OPENING_BALANCE : LotOrigin.PURCHASE_ORDER)
                    .sourceDocument("OB-" + (i % 5)).note(i % 4 == 0 ? "row " + i : null)
                    .expiryDate(item == x.tent ? null : TODAY.plusDays(i % 2 == 0 ? 30 : 400 + i));
            if (i == 7) {
                b.designation(new Designation(Designation.Kind.PROVINCE, "42", null, null));
            }
            out.add(b.build());
        }
        return out;
    }

    @Test
    void bulkWritesWhatAsManySingleReceiptsWrite() throws SQLException {
        try (Fixture single = new Fixture()) {
            List<NewReceipt> receipts = receipts(f, 60);
            ReceivedLots bulk = f.inventory.receiveAll(ADMIN, receipts, null);
            for (NewReceipt r : receipts(single, 60)) {
                single.inventory.receive(ADMIN, r, null);
            }

            assertThat(bulk.lotIds()).hasSize(60).isSorted();
            assertThat(bulk.postingIds()).hasSize(4); // one per depot
            assertThat(bulk.quantity()).isEqualTo(receipts.stream().mapToLong(NewReceipt::quantity).sum());
            assertThat(rows(f, LOT_ROWS)).isEqualTo(rows(single, LOT_ROWS));
            assertThat(rows(f, MOVEMENT_ROWS)).isEqualTo(rows(single, MOVEMENT_ROWS));
            assertThat(rows(f, STOCK_SUMMARY)).isEqualTo(rows(single, STOCK_SUMMARY));
            assertThat(rows(f, DAILY_SUMMARY)).isEqualTo(rows(single, DAILY_SUMMARY));
            assertThat(rows(f, "SELECT lot_id, expiry_date FROM tp_inv_short_dated ORDER BY lot_id"))
                    .isEqualTo(rows(single, "SELECT lot_id, expiry_date FROM tp_inv_short_dated ORDER BY lot_id"))
                    .hasSize(20);
            assertThat(f.events(InventoryTopics.SHORT_DATED)).hasSize(20);
            // the MOVEMENT events carry the same lots, in parts of at most 40 movements
            assertThat(eventLots(f)).isEqualTo(eventLots(single)).hasSize(60);
            assertThat(f.events(InventoryTopics.MOVEMENT)).allSatisfy(e ->
                    assertThat((List<?>) e.getProperty("lines")).hasSizeLessThanOrEqualTo(StockEvents.LINES_PER_PART));
            f.assertLedgerMatchesBalances();
            single.assertLedgerMatchesBalances();

            // the lots are ordinary lots: stock is issued from them first-expiry-first-out
            f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.central).itemId(f.kn95).quantity(15L)
                    .orgUnitId(f.station).build(), null);
            assertThat(f.onHand(bulk.lotIds().get(0))).isZero();
            f.assertLedgerMatchesBalances();
        }
    }

    @Test
    void oneBadReceiptRefusesAllNamingEveryOneAndWritesNothing() {
        f.receive(f.wuhan, f.kn95, 5, TODAY.plusYears(1));
        long lots = f.count("tp_inv_lot");
        long movements = f.count("tp_inv_movement");
        long postings = f.count("tp_inv_posting");
        List<NewReceipt> receipts = new ArrayList<>(receipts(f, 12).stream()
                .map(r -> r.toBuilder().depotId(f.hubeiProv).build()).toList());
        receipts.set(1, receipts.get(1).toBuilder().expiryDate(TODAY.minusDays(1)).build());
        receipts.set(3, receipts.get(3).toBuilder().itemId(999_999L).build());
        receipts.set(4, receipts.get(4).toBuilder().expiryDate(null).build()); // MEDPROT has a shelf life
        receipts.set(5, receipts.get(5).toBuilder().depotId(f.jiangsu).build()); // not Hubei's to see
        receipts.set(8, receipts.get(8).toBuilder().quantity(0L).build());
        receipts.set(9, receipts.get(9).toBuilder().sourceDocument(" ").build());

        for (Runnable call : List.<Runnable>of(() -> f.inventory.receiveAll(HUBEI, receipts, "bad-1"),
                () -> f.inventory.checkReceipts(HUBEI, receipts))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(ReceiptsRefusedException.class, e -> {
                assertThat(e.faultCount()).isEqualTo(6);
                assertThat(e.faults()).extracting(Fault::index, Fault::field).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "expiryDate"),
                        org.assertj.core.groups.Tuple.tuple(3, "itemId"),
                        org.assertj.core.groups.Tuple.tuple(4, "expiryDate"),
                        org.assertj.core.groups.Tuple.tuple(5, "depotId"),
                        org.assertj.core.groups.Tuple.tuple(8, "quantity"),
                        org.assertj.core.groups.Tuple.tuple(9, "sourceDocument"));
                assertThat(e.field()).isEqualTo("receipts[1].expiryDate");
            });
        }
        assertThat(f.count("tp_inv_lot")).isEqualTo(lots);
        assertThat(f.count("tp_inv_movement")).isEqualTo(movements);
        assertThat(f.count("tp_inv_posting")).isEqualTo(postings);
        f.assertLedgerMatchesBalances();

        // the good ones pass the check and it writes nothing; a keeper may write only to their own depot
        List<NewReceipt> good = receipts(f, 6).stream().map(r -> r.toBuilder().depotId(f.wuhan).build()).toList();
        f.inventory.checkReceipts(HUBEI, good);
        assertThat(f.count("tp_inv_lot")).isEqualTo(lots);
        assertThatThrownBy(() -> f.inventory.checkReceipts(Fixture.KEEPER, receipts(f, 6).stream()
                .map(r -> r.toBuilder().depotId(f.hubeiProv).build()).toList()))
                .isInstanceOfSatisfying(ReceiptsRefusedException.class, e -> assertThat(e.faults())
                        .extracting(Fault::field).containsOnly("depotId").hasSize(6));
        assertThatThrownBy(() -> f.inventory.receiveAll(ADMIN, List.of(), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("receipts"));
        assertThatThrownBy(() -> f.inventory.receiveAll(Fixture.AUDITOR, good, null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRepeatedKeyCountsOnceAndAnswersTheFirstResult() {
        List<NewReceipt> receipts = receipts(f, 50);
        ReceivedLots first = f.inventory.receiveAll(ADMIN, receipts, "opening-2026");
        long lots = f.count("tp_inv_lot");
        long movements = f.count("tp_inv_movement");
        long events = f.events(InventoryTopics.MOVEMENT).size();

        ReceivedLots again = f.restarted().receiveAll(ADMIN, receipts, "opening-2026");

        assertThat(again).isEqualTo(first);
        assertThat(f.count("tp_inv_lot")).isEqualTo(lots);
        assertThat(f.count("tp_inv_movement")).isEqualTo(movements);
        assertThat(f.events(InventoryTopics.MOVEMENT)).hasSize((int) events);
        assertThatThrownBy(() -> f.inventory.receiveAll(ADMIN, receipts.subList(0, 10), "opening-2026"))
                .isInstanceOf(ConflictException.class);
        f.assertLedgerMatchesBalances();
    }

    private static List<List<Object>> rows(Fixture x, String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Connection c = x.ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    /** The lots' details in every MOVEMENT event posted. */
    private static Set<Map<String, Object>> eventLots(Fixture x) {
        Set<Map<String, Object>> lots = new HashSet<>();
        for (Event e : x.events(InventoryTopics.MOVEMENT)) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> some = (List<Map<String, Object>>) e.getProperty("lots");
            lots.addAll(some);
        }
        return lots;
    }
}
