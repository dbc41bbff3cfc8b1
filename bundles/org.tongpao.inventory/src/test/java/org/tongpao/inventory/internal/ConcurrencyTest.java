package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.Transfer;

/** Eight threads issue, transfer, reserve and dispatch the same items until stock runs out. */
class ConcurrencyTest extends WithFixture {
    @Test
    void concurrentIssuesAndTransfersNeverDriveABalanceNegative() throws Exception {
        for (int i = 0; i < 4; i++) {
            f.receive(f.hubeiProv, f.kn95, 400, TODAY.plusMonths(6 + i));
            f.receive(f.hubeiProv, f.medprot, 300, TODAY.plusMonths(8 + i));
            f.receive(f.wuhan, f.kn95, 200, TODAY.plusMonths(7 + i));
        }
        long[] items = {f.kn95, f.medprot};
        long[] depots = {f.hubeiProv, f.wuhan};
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Long> inTransit = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                for (int n = 0; n < 60; n++) {
                    long item = items[r.nextInt(items.length)];
                    long from = depots[r.nextInt(depots.length)];
                    long to = from == f.hubeiProv ? f.wuhan : f.hubeiProv;
                    long qty = 1 + r.nextInt(60);
                    try {
                        switch (r.nextInt(5)) {
                            case 0, 1 -> f.inventory.issue(ADMIN, NewIssue.builder().depotId(from).itemId(item)
                                    .quantity(qty).orgUnitId(f.station).build(), null);
                            case 2 -> inTransit.add(f.inventory.transferOut(ADMIN, NewTransfer.builder()
                                    .fromDepotId(from).toDepotId(to).itemId(item).quantity(qty).build(), null).id());
                            case 3 -> {
                                Reservation res = f.inventory.reserve(ADMIN, from, item, qty, "t", null);
                                if (r.nextBoolean()) {
                                    inTransit.add(f.inventory.dispatch(ADMIN, res.id(), to, null, null).id());
                                } else {
                                    f.inventory.release(ADMIN, res.id(), null);
                                }
                            }
                            default -> {
                                Long id;
                                synchronized (inTransit) { // check and take as one step: other threads take too
                                    id = inTransit.isEmpty() ? null : inTransit.remove(0);
                                }
                                if (id != null) {
                                    Transfer tr = f.inventory.transfer(ADMIN, id);
                                    f.inventory.receiveTransfer(ADMIN, id, tr.quantity() - (qty % 2), 0, null, null);
                                }
                            }
                        }
                        ok.incrementAndGet();
                    } catch (ConflictException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> fut : futures) {
            fut.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        f.assertLedgerMatchesBalances();
        assertThat(ok.get()).isGreaterThan(100);
        assertThat(refused.get()).isPositive();
        // every unit received is either on hand, issued, in transit, lost or written off
        long received = f.number("SELECT SUM(quantity) FROM tp_inv_movement WHERE movement_type = 'RECEIPT'");
        long onHand = f.number("SELECT SUM(on_hand) FROM tp_inv_balance");
        long issued = -f.number("SELECT SUM(quantity) FROM tp_inv_movement WHERE movement_type IN ('ISSUE', 'ADJUSTMENT', 'WRITE_OFF')");
        long transit = f.number("SELECT COALESCE(SUM(quantity), 0) FROM tp_inv_transfer WHERE transfer_status = 'IN_TRANSIT'");
        assertThat(onHand + issued + transit).isEqualTo(received);
        assertThat(f.number("SELECT SUM(quantity) FROM tp_inv_movement WHERE movement_type = 'TRANSFER_OUT'")
                + f.number("SELECT COALESCE(SUM(quantity), 0) FROM tp_inv_movement WHERE movement_type = 'TRANSFER_IN'"))
                .isEqualTo(-transit);
        assertThat(f.number("SELECT COUNT(*) FROM tp_inv_reservation r WHERE reservation_status = 'HELD'")).isZero();
        // one MOVEMENT per committed posting: refused writes and retried attempts (deadlocks, stale picks) posted none
        assertThat((long) f.events(InventoryTopics.MOVEMENT).size()).isEqualTo(f.count("tp_inv_posting"));
        assertThat(f.unpublished()).isZero();
    }
}
