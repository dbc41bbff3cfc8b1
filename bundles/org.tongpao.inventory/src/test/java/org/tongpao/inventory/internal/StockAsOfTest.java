package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
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
import org.tongpao.inventory.MovementTotal;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.StockAsOf;

/**
 * The daily report's read (1.12): on hand at a cut-off and the window's sums equal what the ledger's times give, with
 * weeks of history before the window and movements after the cut-off; the same cut-off gives the same answer later;
 * and the history before the window is never read (taking it out of the daily summary changes nothing).
 */
class StockAsOfTest extends WithFixture {
    private static final Caller HUBEI = Caller.of("hubei", Set.of("province-officer", "province-42"), "req-hubei");
    private static final Caller KEEPER = Caller.of("keeper", Set.of("depot-keeper", "depot-HB-WH-01"), "req-keeper");

    @Test
    void weeksOfHistoryThenMovementsAfterTheCutOffGiveTheLedgersFiguresAndTheSameOnALaterCall() {
        Random random = new Random(12);
        move(random, 30); // 30 days of history, several movements a day
        Instant asOf = f.clock.instant().plus(Duration.ofMinutes(37));
        List<Instant> cutOffs = List.of(asOf.minus(Duration.ofDays(3)).plus(Duration.ofHours(5)), asOf,
                Summaries.startOf(Summaries.day(asOf)));
        Map<Instant, Map<Caller, StockAsOf>> first = new TreeMap<>();
        f.clock.now = asOf.plusSeconds(1);
        for (Instant cutOff : cutOffs) {
            for (Caller c : List.of(ADMIN, HUBEI, KEEPER)) {
                StockAsOf read = f.inventory.stockAsOf(c, cutOff.minus(Duration.ofHours(24)), cutOff);
                assertFromTheLedger(c, read, cutOff);
                first.computeIfAbsent(cutOff, k -> new java.util.HashMap<>()).put(c, read);
            }
        }
        move(random, 4); // the rest of the cut-off's day and three more days, a new key among them
        f.receive(f.jiangsu, f.tent, 3, TODAY.plusYears(1));
        for (Instant cutOff : cutOffs) {
            for (Caller c : List.of(ADMIN, HUBEI, KEEPER)) {
                StockAsOf again = f.inventory.stockAsOf(c, cutOff.minus(Duration.ofHours(24)), cutOff);
                assertThat(sorted(again)).as(c.user() + " at " + cutOff).isEqualTo(sorted(first.get(cutOff).get(c)));
            }
        }
        // the days before each window taken out of the daily summary: national and provincial reads stay the same
        for (Instant cutOff : cutOffs) {
            Instant from = cutOff.minus(Duration.ofHours(24));
            execute("DELETE FROM tp_inv_daily_movement WHERE movement_day < '" + Summaries.day(from) + "'");
            for (Caller c : List.of(ADMIN, HUBEI)) {
                assertThat(sorted(f.inventory.stockAsOf(c, from, cutOff))).as(c.user() + " without the history")
                        .isEqualTo(sorted(first.get(cutOff).get(c)));
            }
        }
        assertThatThrownBy(() -> f.inventory.stockAsOf(ADMIN, asOf, asOf.minusSeconds(1)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void itAgreesWithTheMovementTotalsOfTheSameWindow() {
        move(new Random(3), 9);
        Instant asOf = f.clock.instant().minus(Duration.ofHours(30));
        for (Instant from : List.of(asOf.minus(Duration.ofHours(24)), asOf.minus(Duration.ofDays(5)), asOf)) {
            Map<String, Long> onHand = new TreeMap<>();
            Map<String, Long> during = new TreeMap<>();
            for (MovementTotal m : f.inventory.movementTotals(ADMIN, from, asOf)) {
                onHand.merge(m.provinceCode() + "|" + m.itemId(), m.before() + m.during(), Long::sum);
                if (m.during() != 0) {
                    during.merge(m.provinceCode() + "|" + m.itemId() + "|" + m.type(), m.during(), Long::sum);
                }
            }
            onHand.values().removeIf(q -> q == 0);
            StockAsOf read = f.inventory.stockAsOf(ADMIN, from, asOf);
            assertThat(onHand(read)).as("from " + from).isEqualTo(onHand);
            assertThat(during(read)).as("from " + from).isEqualTo(during);
        }
    }

    /** Receipts, issues and transfers across the fixture's depots, a few a day for {@code days} days. */
    private void move(Random random, int days) {
        long[] depots = {f.central, f.hubeiProv, f.wuhan, f.jiangsu};
        long[] items = {f.kn95, f.medprot};
        for (int day = 0; day < days; day++) {
            for (int n = 0; n < 6; n++) {
                long depot = depots[random.nextInt(depots.length)];
                long item = items[random.nextInt(items.length)];
                long qty = 1 + random.nextInt(30);
                try {
                    switch (random.nextInt(3)) {
                        case 0 -> f.receive(depot, item, qty * 3, TODAY.plusYears(1));
                        case 1 -> f.inventory.issue(ADMIN, NewIssue.builder().depotId(depot).itemId(item)
                                .quantity(qty).orgUnitId(f.station).build(), null);
                        default -> f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(depot)
                                .toDepotId(depots[(indexOf(depots, depot) + 1 + random.nextInt(3)) % 4]).itemId(item).quantity(qty)
                                .sourceDocument("TR").build(), null);
                    }
                } catch (ConflictException notEnough) {
                    // not enough stock: refused whole, nothing written
                }
                f.clock.now = f.clock.now.plus(Duration.ofMinutes(150 + random.nextInt(90)));
            }
        }
    }

    private static int indexOf(long[] depots, long depot) {
        return java.util.stream.IntStream.range(0, depots.length).filter(i -> depots[i] == depot).findFirst().orElseThrow();
    }

    /** On hand at {@code asOf} and the window's sums as every movement the caller sees gives them. */
    private void assertFromTheLedger(Caller caller, StockAsOf read, Instant asOf) {
        Map<String, Long> onHand = new TreeMap<>();
        Map<String, Long> during = new TreeMap<>();
        Instant from = asOf.minus(Duration.ofHours(24));
        String scope = caller == HUBEI ? " WHERE d.province_code = '42'" : caller == KEEPER
                ? " WHERE d.code = 'HB-WH-01'" : "";
        try (Connection c = f.ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT d.province_code, "
                + "m.item_id, m.movement_type, m.quantity, m.occurred_at FROM tp_inv_movement m "
                + "JOIN tp_core_v1_depot d ON d.id = m.depot_id" + scope); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Instant at = Sql.getInstant(rs, 5);
                if (at.isBefore(asOf)) {
                    onHand.merge(rs.getString(1) + "|" + rs.getLong(2), rs.getLong(4), Long::sum);
                    if (!at.isBefore(from)) {
                        during.merge(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3), rs.getLong(4),
                                Long::sum);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        onHand.values().removeIf(q -> q == 0);
        during.values().removeIf(q -> q == 0);
        assertThat(onHand).as(caller.user() + " holds stock at " + asOf).isNotEmpty();
        assertThat(onHand(read)).as(caller.user() + " on hand at " + asOf).isEqualTo(onHand);
        assertThat(during(read)).as(caller.user() + " window to " + asOf).isEqualTo(during);
    }

    private static Map<String, Long> onHand(StockAsOf read) {
        Map<String, Long> out = new TreeMap<>();
        read.onHand().forEach(h -> out.merge(h.provinceCode() + "|" + h.itemId(), h.onHand(), Long::sum));
        return out;
    }

    private static Map<String, Long> during(StockAsOf read) {
        Map<String, Long> out = new TreeMap<>();
        read.movements().forEach(m -> out.merge(m.provinceCode() + "|" + m.itemId() + "|" + m.type(), m.during(),
                Long::sum));
        out.values().removeIf(q -> q == 0);
        return out;
    }

    private static List<Map<String, Long>> sorted(StockAsOf read) {
        return List.of(onHand(read), during(read));
    }

    private void execute(String sql) {
        try (Connection c = f.ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
