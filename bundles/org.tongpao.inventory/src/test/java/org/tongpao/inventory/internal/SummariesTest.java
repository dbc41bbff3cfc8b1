package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Sql;
import org.tongpao.inventory.AdjustmentReason;
import org.tongpao.inventory.BalanceFilter;
import org.tongpao.inventory.ExpiryStock;
import org.tongpao.inventory.ItemStock;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.inventory.MovementTotal;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NewAdjustment;
import org.tongpao.inventory.NewCount;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.NewWriteOff;
import org.tongpao.inventory.ProvinceStock;
import org.tongpao.inventory.StockBalance;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.WriteOffReason;

/**
 * The province × item and day × province × item × type summaries (V8) follow every kind of movement in its own
 * transaction: over random movements across days they equal the balances and the ledger, and the reads built on
 * them give what summing balances and movements gives.
 */
class SummariesTest extends WithFixture {
    private static final Caller HUBEI = Caller.of("hubei", Set.of("province-officer", "province-42"), "req-hubei");

    @Test
    void randomMovementsAcrossDaysKeepBothSummariesEqualToBalancesAndLedger() {
        Random random = new Random(15);
        long[] depots = {f.central, f.hubeiProv, f.wuhan, f.jiangsu};
        long[] items = {f.kn95, f.medprot, f.tent};
        List<Long> lots = new ArrayList<>();
        List<Long> transfers = new ArrayList<>();
        List<Long> reservations = new ArrayList<>();
        int done = 0;
        for (int step = 0; step < 400; step++) {
            long depot = depots[random.nextInt(depots.length)];
            long item = items[random.nextInt(items.length)];
            long qty = 1 + random.nextInt(40);
            try {
                switch (random.nextInt(10)) {
                    case 0, 1 -> lots.add(f.receive(depot, item, qty * 5, TODAY.plusDays(random.nextInt(20) - 2)));
                    case 2 -> f.inventory.issue(ADMIN, NewIssue.builder().depotId(depot).itemId(item).quantity(qty)
                            .orgUnitId(f.station).sourceDocument("REQ").build(), null);
                    case 3 -> transfers.add(f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(depot)
                            .toDepotId(depots[random.nextInt(depots.length)]).itemId(item).quantity(qty)
                            .sourceDocument("TR").build(), null).id());
                    case 4 -> {
                        if (!transfers.isEmpty()) {
                            Transfer t = f.inventory.transfer(ADMIN, transfers.remove(random.nextInt(transfers.size())));
                            long damaged = random.nextInt((int) Math.min(3, t.quantity()) + 1);
                            f.inventory.receiveTransfer(ADMIN, t.id(), t.quantity() - damaged, damaged, null, null);
                        }
                    }
                    case 5 -> {
                        if (!lots.isEmpty()) {
                            long lot = lots.get(random.nextInt(lots.size()));
                            if (random.nextBoolean()) {
                                f.inventory.adjust(ADMIN, new NewAdjustment(lot, random.nextBoolean() ? qty : -qty,
                                        random.nextBoolean() ? AdjustmentReason.FOUND : AdjustmentReason.DAMAGE, null,
                                        null), null);
                            } else {
                                f.inventory.writeOff(ADMIN, new NewWriteOff(lot, qty, WriteOffReason.DAMAGED, null,
                                        null), null);
                            }
                        }
                    }
                    case 6 -> reservations.add(f.inventory.reserve(ADMIN, depot, item, qty, "test", null).id());
                    case 7 -> {
                        if (!reservations.isEmpty()) {
                            long r = reservations.remove(random.nextInt(reservations.size()));
                            if (random.nextBoolean()) {
                                f.inventory.release(ADMIN, r, null);
                            } else {
                                transfers.add(f.inventory.dispatch(ADMIN, r, depots[random.nextInt(depots.length)],
                                        "DISPATCH", null).id());
                            }
                        }
                    }
                    case 8 -> {
                        if (!lots.isEmpty()) {
                            long lot = lots.get(random.nextInt(lots.size()));
                            if (random.nextBoolean()) {
                                f.inventory.changeLotStatus(ADMIN, lot, new LotStatusChange(random.nextBoolean()
                                        ? LotStatus.QUARANTINED : LotStatus.AVAILABLE, "check"), null);
                            } else {
                                f.inventory.count(ADMIN, new NewCount(f.inventory.lot(ADMIN, lot).depotId(),
                                        List.of(new NewCount.Line(f.inventory.lot(ADMIN, lot).itemId(), lot,
                                                (long) random.nextInt(60))), null), null);
                            }
                        }
                    }
                    default -> f.clock.now = f.clock.now.plus(Duration.ofHours(1 + random.nextInt(20)));
                }
                done++;
            } catch (ConflictException | ValidationException refused) {
                // not enough stock, a lot past expiry or in quarantine: refused whole, nothing written
            }
            if (step % 50 == 49) {
                f.assertLedgerMatchesBalances(); // includes both summaries
                assertItemStockEqualsBalances();
            }
        }
        assertThat(done).isGreaterThan(250);
        assertThat(f.count("tp_inv_daily_movement")).as("movements landed on several days").isGreaterThan(20);
        assertThat(f.count("tp_inv_expiry_summary")).as("stock on several expiry days").isGreaterThan(10);
        assertThat(f.inventory.earliestExpiry(ADMIN)).isEqualTo(earliestFromBalances());
        f.assertLedgerMatchesBalances();
        assertItemStockEqualsBalances();
        Instant now = f.clock.instant();
        for (Instant from : List.of(now.minus(Duration.ofHours(24)), now.minus(Duration.ofDays(4)), now)) {
            assertThat(totals(f.inventory.movementTotals(ADMIN, from, now))).isEqualTo(ledgerTotals(from, now));
        }
        Instant past = now.minus(Duration.ofDays(3)).minus(Duration.ofMinutes(17));
        assertThat(totals(f.inventory.movementTotals(ADMIN, past.minus(Duration.ofHours(24)), past)))
                .isEqualTo(ledgerTotals(past.minus(Duration.ofHours(24)), past));
    }

    @Test
    void availableLeavesOutQuarantinedAndExpiredLotsAndProvincesSeeTheirOwn() {
        long fresh = f.receive(f.wuhan, f.kn95, 100, TODAY.plusYears(1));
        long quarantined = f.receive(f.wuhan, f.kn95, 30, TODAY.plusYears(1));
        f.inventory.changeLotStatus(ADMIN, quarantined, new LotStatusChange(LotStatus.QUARANTINED, "test"), null);
        f.inventory.reserve(ADMIN, f.wuhan, f.kn95, 20, "batch", null);
        f.receive(f.wuhan, f.kn95, 7, TODAY.plusDays(1));
        f.receive(f.jiangsu, f.kn95, 50, TODAY.plusYears(1));
        f.clock.now = f.clock.now.plus(Duration.ofDays(3)); // the 7 expire

        List<ItemStock> hubei = f.inventory.itemStock(HUBEI);
        assertThat(hubei).containsExactly(new ItemStock("42", f.kn95, 137, 20, 80, 3));
        assertThat(f.inventory.itemStock(ADMIN)).hasSize(2);
        assertThat(f.inventory.nationalStock(HUBEI, null)).extracting(ProvinceStock::available).containsExactly(80L);
        assertThat(fresh).isPositive();
        assertItemStockEqualsBalances();
    }

    /**
     * A cut-off earlier today: today's summary row less what the ledger holds from the cut-off on, so movements later
     * today are never counted; the whole days of the window come from the summary.
     */
    @Test
    void aCutOffEarlierTodayLeavesOutTheLaterMovementsOfToday() {
        f.receive(f.wuhan, f.kn95, 100, TODAY.plusYears(1)); // 2026-02-01 09:00
        f.clock.now = f.clock.now.plus(Duration.ofDays(2)); // 2026-02-03 09:00
        f.receive(f.wuhan, f.kn95, 40, TODAY.plusYears(1));
        issue(f.wuhan, f.kn95, 15);
        f.clock.now = f.clock.now.plus(Duration.ofHours(1));
        Instant asOf = f.clock.instant();
        f.clock.now = f.clock.now.plus(Duration.ofHours(2)); // still 2026-02-03: later the same day
        issue(f.wuhan, f.kn95, 7);
        f.receive(f.jiangsu, f.tent, 3, TODAY.plusYears(1)); // a key with movements only after the cut-off
        for (Instant from : List.of(asOf.minus(Duration.ofHours(24)), asOf.minus(Duration.ofDays(7)),
                asOf.minus(Duration.ofHours(1)), asOf)) {
            List<MovementTotal> rows = f.inventory.movementTotals(ADMIN, from, asOf);
            assertThat(totals(rows)).as("from " + from).isEqualTo(ledgerTotals(from, asOf));
            assertThat(rows).as("from " + from).noneMatch(t -> t.itemId() == f.tent);
        }
    }

    @Test
    void aBackDatedMovementLandsOnItsOwnDayAndTheSameCutOffGivesTheSameTotals() {
        f.receive(f.wuhan, f.kn95, 100, TODAY.plusYears(1));
        Instant asOf = f.clock.instant().plus(Duration.ofHours(1));
        Instant from = asOf.minus(Duration.ofHours(24));
        f.clock.now = asOf.plus(Duration.ofDays(2));
        List<MovementTotal> first = f.inventory.movementTotals(ADMIN, from, asOf);
        f.receive(f.wuhan, f.kn95, 5, TODAY.plusYears(1)); // after the cut-off: never counted
        // a movement another node made three days before (a replica keeps its time) is booked today
        Ledger ledger = f.ledger();
        ledger.write(ADMIN, null, "backdated", null, tx -> {
            tx.occurredAt = asOf.minus(Duration.ofDays(3));
            long lot = ledger.lots.create(tx, f.kn95, f.jiangsu, org.tongpao.inventory.LotOrigin.DONATION, "D-1",
                    TODAY.plusYears(1), null, 9, null);
            long posting = ledger.postings.open(tx, "receipt", f.jiangsu);
            ledger.postings.move(tx, posting, MovementType.RECEIPT, f.jiangsu, f.kn95, lot, 9, null, null, null, null,
                    null);
            ledger.balances.put(tx, lot, 9);
            return null;
        });
        assertThat(f.number("SELECT quantity FROM tp_inv_daily_movement WHERE province_code = '32' AND movement_day = '"
                + Summaries.day(asOf.minus(Duration.ofDays(3))) + "'")).isEqualTo(9);
        f.assertLedgerMatchesBalances();
        List<MovementTotal> again = f.inventory.movementTotals(ADMIN, from, asOf);
        assertThat(totals(again)).isEqualTo(ledgerTotals(from, asOf));
        assertThat(again).containsAll(first);
        assertThat(again).contains(new MovementTotal("32", f.kn95, MovementType.RECEIPT, 9, 0));
        assertThatThrownBy(() -> f.inventory.movementTotals(ADMIN, asOf, from)).isInstanceOf(ValidationException.class);
    }

    /**
     * The earliest expiry per province × item (1.10) moves on when its lot is emptied (issued first-expiry-first-out,
     * written off, transferred away) and back when stock of an earlier day arrives; each reach sees its own.
     */
    @Test
    void earliestExpiryMovesOnWhenItsLotEmptiesAndEachReachSeesItsOwn() {
        long early = f.receive(f.wuhan, f.kn95, 10, TODAY.plusDays(5));
        f.receive(f.hubeiProv, f.kn95, 4, TODAY.plusDays(5));
        f.receive(f.wuhan, f.kn95, 30, TODAY.plusDays(40));
        f.receive(f.wuhan, f.tent, 2, null); // no expiry: never listed
        f.receive(f.jiangsu, f.kn95, 50, TODAY.plusDays(9));
        assertThat(f.inventory.earliestExpiry(ADMIN)).containsExactly(
                new ExpiryStock("32", f.kn95, TODAY.plusDays(9), 50),
                new ExpiryStock("42", f.kn95, TODAY.plusDays(5), 14));

        issue(f.wuhan, f.kn95, 12); // first-expiry-first-out: the 10 of day 5, then 2 of day 40
        assertThat(f.inventory.earliestExpiry(HUBEI)).containsExactly(new ExpiryStock("42", f.kn95, TODAY.plusDays(5), 4));
        f.inventory.writeOff(ADMIN, new NewWriteOff(f.inventory.lotBalances(ADMIN, f.hubeiProv, f.kn95).get(0).lotId(),
                4L, WriteOffReason.DAMAGED, null, null), null);
        assertThat(f.inventory.earliestExpiry(HUBEI)).containsExactly(
                new ExpiryStock("42", f.kn95, TODAY.plusDays(40), 28));
        f.receive(f.hubeiProv, f.kn95, 6, TODAY.plusDays(3)); // an earlier day arrives
        assertThat(f.inventory.earliestExpiry(HUBEI)).containsExactly(new ExpiryStock("42", f.kn95, TODAY.plusDays(3), 6));

        assertThat(f.inventory.expiringBefore(ADMIN, TODAY.plusDays(10))).containsExactly(
                new ExpiryStock("32", f.kn95, TODAY.plusDays(9), 50), new ExpiryStock("42", f.kn95, TODAY.plusDays(3), 6));
        assertThat(f.inventory.expiringBefore(HUBEI, TODAY.plusDays(41))).containsExactly(
                new ExpiryStock("42", f.kn95, TODAY.plusDays(3), 6), new ExpiryStock("42", f.kn95, TODAY.plusDays(40), 28));
        Caller keeper = Caller.of("keeper", Set.of("depot-keeper", "depot-HB-WH-01"), "req-keeper");
        assertThat(f.inventory.earliestExpiry(keeper)).containsExactly(
                new ExpiryStock("42", f.kn95, TODAY.plusDays(40), 28));
        assertThat(f.inventory.expiringBefore(keeper, TODAY.plusDays(40))).isEmpty();
        assertThat(f.inventory.earliestExpiry(Caller.of("nobody", Set.of(), "req-nobody"))).isEmpty();
        assertThatThrownBy(() -> f.inventory.expiringBefore(ADMIN, null)).isInstanceOf(ValidationException.class);
        assertThat(early).isPositive();
        f.assertLedgerMatchesBalances();
    }

    /** stock (1.8) gives, from one read, what nationalStock and itemStock give, in every reach. */
    @Test
    void stockGivesBothViewsInOneReadAsTheTwoReadsDo() {
        f.receive(f.wuhan, f.kn95, 100, TODAY.plusYears(1));
        long quarantined = f.receive(f.wuhan, f.medprot, 30, TODAY.plusYears(1));
        f.inventory.changeLotStatus(ADMIN, quarantined, new LotStatusChange(LotStatus.QUARANTINED, "test"), null);
        f.receive(f.jiangsu, f.tent, 12, TODAY.plusYears(1));
        f.receive(f.central, f.kn95, 500, TODAY.plusYears(1));
        Caller keeper = Caller.of("keeper", Set.of("depot-keeper", "depot-HB-WH-01"), "req-keeper");
        Caller nobody = Caller.of("nobody", Set.of(), "req-nobody");
        for (Caller c : List.of(ADMIN, HUBEI, keeper, nobody)) {
            org.tongpao.inventory.StockSnapshot both = f.inventory.stock(c);
            assertThat(both.byItem()).as(c.user()).isEqualTo(f.inventory.itemStock(c));
            assertThat(both.byCategory()).as(c.user()).isEqualTo(f.inventory.nationalStock(c, null));
        }
        assertThat(f.inventory.stock(ADMIN).byCategory()).hasSize(3).extracting(ProvinceStock::provinceCode)
                .contains("42", "32");
        assertThat(f.inventory.stock(keeper).byItem()).isNotEmpty();
        assertThat(f.inventory.stock(nobody).byItem()).isEmpty();
    }

    /** itemStock equals the balances the caller sees, summed per province × item (the report's former roll-up). */
    private void assertItemStockEqualsBalances() {
        Map<String, List<Long>> expected = new TreeMap<>();
        BalanceFilter byItem = new BalanceFilter(null, null, null, null, null, null, null, true);
        String cursor = null;
        do {
            var page = f.inventory.balances(ADMIN, byItem, 200, cursor);
            for (StockBalance b : page.items()) {
                List<Long> r = expected.computeIfAbsent(b.provinceCode() + "|" + b.itemId(),
                        k -> new ArrayList<>(List.of(0L, 0L, 0L)));
                r.set(0, r.get(0) + b.onHand());
                r.set(1, r.get(1) + b.reserved());
                r.set(2, r.get(2) + b.available());
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        Map<String, List<Long>> actual = new TreeMap<>();
        for (ItemStock s : f.inventory.itemStock(ADMIN)) {
            actual.put(s.provinceCode() + "|" + s.itemId(), List.of(s.onHand(), s.reserved(), s.available()));
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** Each province × item's earliest expiry and its stock, straight from every dated lot's balance. */
    private List<ExpiryStock> earliestFromBalances() {
        Map<String, ExpiryStock> first = new TreeMap<>();
        for (long item : new long[] {f.kn95, f.medprot, f.tent}) {
            for (org.tongpao.inventory.Balance b : f.inventory.lotBalances(ADMIN, null, item)) {
                if (b.expiryDate() == null || b.onHand() == 0) {
                    continue;
                }
                ExpiryStock lot = new ExpiryStock(b.provinceCode(), item, b.expiryDate(), b.onHand());
                first.merge(b.provinceCode() + "|" + item, lot, (a, n) -> a.expiryDate().equals(n.expiryDate())
                        ? new ExpiryStock(a.provinceCode(), item, a.expiryDate(), a.onHand() + n.onHand())
                        : a.expiryDate().isBefore(n.expiryDate()) ? a : n);
            }
        }
        List<ExpiryStock> rows = new ArrayList<>(first.values());
        rows.sort(ExpirySummary.ORDER);
        return rows;
    }

    private void issue(long depot, long item, long quantity) {
        f.inventory.issue(ADMIN, NewIssue.builder().depotId(depot).itemId(item).quantity(quantity)
                .orgUnitId(f.station).build(), null);
    }

    private static Map<String, List<Long>> totals(List<MovementTotal> rows) {
        Map<String, List<Long>> out = new TreeMap<>();
        for (MovementTotal t : rows) {
            if (t.before() != 0 || t.during() != 0) {
                out.put(t.provinceCode() + "|" + t.itemId() + "|" + t.type(), List.of(t.before(), t.during()));
            }
        }
        return out;
    }

    /** The same sums straight from every movement before {@code asOf}. */
    private Map<String, List<Long>> ledgerTotals(Instant from, Instant asOf) {
        Map<String, long[]> sums = new HashMap<>();
        try (Connection c = f.ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT d.province_code, "
                + "m.item_id, m.movement_type, m.quantity, m.occurred_at FROM tp_inv_movement m "
                + "JOIN tp_core_v1_depot d ON d.id = m.depot_id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant at = Sql.getInstant(rs, 5);
                    if (!at.isBefore(asOf)) {
                        continue;
                    }
                    long[] s = sums.computeIfAbsent(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3),
                            k -> new long[2]);
                    s[at.isBefore(from) ? 0 : 1] += rs.getLong(4);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, List<Long>> out = new TreeMap<>();
        sums.forEach((k, s) -> {
            if (s[0] != 0 || s[1] != 0) {
                out.put(k, List.of(s[0], s[1]));
            }
        });
        return out;
    }

}
