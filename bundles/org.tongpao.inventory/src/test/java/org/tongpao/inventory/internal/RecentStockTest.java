package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Caller;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.inventory.MovementTotal;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.RecentStock;
import org.tongpao.inventory.Transfer;

/**
 * {@code recentStock} (1.11), the cover report's one read: the same figures as the three reads it replaces in every
 * reach, the window's movements without the days before it, and nothing older than the last committed write.
 */
class RecentStockTest extends WithFixture {
    private static final Caller HUBEI = Caller.of("hubei", Set.of("province-officer", "province-42"), "req-hubei");
    private static final Caller KEEPER = Caller.of("keeper", Set.of("depot-keeper", "depot-HB-WH-01"), "req-keeper");
    private static final Caller NOBODY = Caller.of("nobody", Set.of(), "req-nobody");

    @Test
    void givesWhatTheThreeReadsGiveInEveryReachWithoutTheDaysBeforeTheWindow() {
        f.receive(f.wuhan, f.kn95, 500, TODAY.plusYears(1));
        f.receive(f.jiangsu, f.tent, 40, TODAY.plusYears(1));
        Instant start = f.clock.instant(); // 09:00; the window: the 7 days before start + 10 days + 3 hours
        issue(f.wuhan, f.kn95, 30); // ten days before the window's end: before the window
        f.clock.now = start.plus(Duration.ofDays(3)).plus(Duration.ofHours(2));
        issue(f.wuhan, f.kn95, 2); // on the window's first day, an hour before it starts
        f.clock.now = start.plus(Duration.ofDays(3)).plus(Duration.ofHours(4));
        issue(f.wuhan, f.kn95, 3); // on the window's first day, inside it
        f.clock.now = start.plus(Duration.ofDays(10));
        issue(f.wuhan, f.kn95, 12);
        long quarantined = f.receive(f.hubeiProv, f.medprot, 25, TODAY.plusYears(1));
        f.inventory.changeLotStatus(ADMIN, quarantined, new LotStatusChange(LotStatus.QUARANTINED, "check"), null);
        f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.wuhan).toDepotId(f.jiangsu).itemId(f.kn95)
                .quantity(20L).sourceDocument("TR-1").build(), null);
        f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.jiangsu).toDepotId(f.central)
                .itemId(f.tent).quantity(5L).sourceDocument("TR-2").build(), null);
        f.clock.now = f.clock.now.plus(Duration.ofHours(3));
        Instant asOf = f.clock.instant();
        Instant from = asOf.minus(Duration.ofDays(7));

        for (Caller c : List.of(ADMIN, HUBEI, KEEPER, NOBODY)) {
            RecentStock recent = f.inventory.recentStock(c, from);
            assertThat(recent.byItem()).as(c.user()).isEqualTo(f.inventory.itemStock(c));
            assertThat(recent.movements()).as(c.user()).isEqualTo(duringOnly(f.inventory.movementTotals(c, from, asOf)));
            assertThat(byId(recent.inTransit())).as(c.user()).isEqualTo(byId(inTransit(c)));
        }
        RecentStock national = f.inventory.recentStock(ADMIN, from);
        assertThat(national.movements()).as("the issue before the window is not read").allMatch(m -> m.before() == 0)
                .contains(new MovementTotal("42", f.kn95, org.tongpao.inventory.MovementType.ISSUE, 0, -15));
        assertThat(national.inTransit()).hasSize(2);
        assertThat(f.inventory.recentStock(HUBEI, from).inTransit()).extracting(Transfer::sourceDocument)
                .containsExactly("TR-1");
        assertThat(f.inventory.recentStock(NOBODY, from)).isEqualTo(new RecentStock(List.of(), List.of(),
                List.of()));
        assertThatThrownBy(() -> f.inventory.recentStock(ADMIN, asOf.plusSeconds(1))).as("from after now")
                .isInstanceOf(ValidationException.class);
    }

    /** Every kind of write shows in the next read: nothing is kept between reads. */
    @Test
    void eachWriteShowsInTheNextRead() {
        long lot = f.receive(f.wuhan, f.kn95, 100, TODAY.plusYears(1));
        List<Consumer<Void>> writes = List.of(
                v -> f.receive(f.hubeiProv, f.kn95, 7, TODAY.plusYears(1)),
                v -> issue(f.wuhan, f.kn95, 3),
                v -> f.inventory.reserve(ADMIN, f.wuhan, f.kn95, 4, "test", null),
                v -> f.inventory.changeLotStatus(ADMIN, lot, new LotStatusChange(LotStatus.QUARANTINED, "check"), null),
                v -> f.inventory.changeLotStatus(ADMIN, lot, new LotStatusChange(LotStatus.AVAILABLE, "ok"), null),
                v -> f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.wuhan).toDepotId(f.jiangsu)
                        .itemId(f.kn95).quantity(6L).sourceDocument("TR").build(), null),
                v -> receiveEveryTransfer());
        for (Consumer<Void> write : writes) {
            RecentStock before = read();
            f.clock.now = f.clock.now.plus(Duration.ofMinutes(5));
            write.accept(null);
            RecentStock after = read();
            assertThat(after).isNotEqualTo(before);
            assertThat(after.byItem()).isEqualTo(f.inventory.itemStock(ADMIN));
            assertThat(byId(after.inTransit())).isEqualTo(byId(inTransit(ADMIN)));
        }
        f.assertLedgerMatchesBalances();
    }

    /** Reads beside concurrent writers neither fail nor block them, and the last read equals the balances. */
    @Test
    void readsBesideConcurrentWritersAgreeWithTheLedgerAtTheEnd() throws Exception {
        f.receive(f.wuhan, f.kn95, 10_000, TODAY.plusYears(1));
        f.receive(f.jiangsu, f.tent, 10_000, TODAY.plusYears(1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (long[] depotItem : List.of(new long[] {f.wuhan, f.kn95}, new long[] {f.jiangsu, f.tent})) {
                running.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        issue(depotItem[0], depotItem[1], 1);
                    }
                }));
            }
            for (int r = 0; r < 2; r++) {
                running.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        read();
                    }
                }));
            }
            for (Future<?> done : running) {
                done.get(60, TimeUnit.SECONDS); // a failed read or write fails the test here
            }
        } finally {
            pool.shutdownNow();
        }
        RecentStock last = read();
        assertThat(last.byItem()).isEqualTo(f.inventory.itemStock(ADMIN));
        assertThat(last.movements()).filteredOn(m -> m.type() == org.tongpao.inventory.MovementType.ISSUE)
                .extracting(MovementTotal::during).containsOnly(-40L);
        f.assertLedgerMatchesBalances();
    }

    private RecentStock read() {
        return f.inventory.recentStock(ADMIN, f.clock.instant().minus(Duration.ofDays(7)));
    }

    private void receiveEveryTransfer() {
        for (Transfer t : inTransit(ADMIN)) {
            f.inventory.receiveTransfer(ADMIN, t.id(), t.quantity(), 0, null, null);
        }
    }

    private List<Transfer> inTransit(Caller caller) {
        return f.inventory.transfers(caller, Transfer.Status.IN_TRANSIT, null, 500, null).items();
    }

    private void issue(long depot, long item, long quantity) {
        f.inventory.issue(ADMIN, NewIssue.builder().depotId(depot).itemId(item).quantity(quantity)
                .orgUnitId(f.station).build(), null);
    }

    private static List<MovementTotal> duringOnly(List<MovementTotal> rows) {
        return rows.stream().filter(m -> m.during() != 0)
                .map(m -> new MovementTotal(m.provinceCode(), m.itemId(), m.type(), 0, m.during())).toList();
    }

    private static List<Transfer> byId(List<Transfer> transfers) {
        return transfers.stream().sorted(Comparator.comparingLong(Transfer::id)).toList();
    }
}
