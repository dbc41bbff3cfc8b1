package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Depot;
import org.tongpao.core.NewDepot;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.Transfer;

/** An inactive depot takes and gives no stock; a depot that holds or expects stock cannot be deactivated. */
class InactiveDepotTest extends WithFixture {
    @Test
    void aDepotHoldingStockOnHandReservedOrInTransitCannotBeDeactivated() {
        f.receive(f.wuhan, f.kn95, 100, TODAY.plusYears(1));
        assertInUse(f.wuhan, "holds 100 on hand (0 of it reserved)");

        Transfer t = f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.wuhan).toDepotId(f.hubeiProv)
                .itemId(f.kn95).quantity(100L).build(), null);
        assertInUse(f.hubeiProv, "1 transfer(s) of 100 are in transit to it");
        // the sender's stock left with the transfer: nothing holds it back any more
        assertThat(f.depots.deactivate(ADMIN, f.wuhan, null, null).active()).isFalse();

        f.inventory.receiveTransfer(ADMIN, t.id(), 100, 0, null, null);
        assertInUse(f.hubeiProv, "holds 100 on hand");
        f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95).quantity(100L)
                .orgUnitId(f.station).build(), null);
        assertThat(f.depots.deactivate(ADMIN, f.hubeiProv, null, null).active()).isFalse();

        f.receive(f.jiangsu, f.kn95, 50, TODAY.plusYears(1));
        Reservation r = f.inventory.reserve(ADMIN, f.jiangsu, f.kn95, 50, "test", null);
        assertInUse(f.jiangsu, "holds 50 on hand (50 of it reserved)");
        f.inventory.release(ADMIN, r.id(), null);
        f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.jiangsu).itemId(f.kn95).quantity(50L).orgUnitId(f.station)
                .build(), null);
        assertThat(f.depots.deactivate(ADMIN, f.jiangsu, null, null).active()).isFalse();
    }

    @Test
    void anInactiveDepotIsRefusedAsSourceOrDestinationNamingTheField() {
        f.receive(f.hubeiProv, f.kn95, 100, TODAY.plusYears(1));
        Reservation held = f.inventory.reserve(ADMIN, f.hubeiProv, f.kn95, 10, "test", null);
        f.depots.deactivate(ADMIN, f.central, null, null);
        long movements = f.count("tp_inv_movement");
        long lots = f.count("tp_inv_lot");

        assertField(() -> f.inventory.receive(ADMIN, NewReceipt.builder().depotId(f.central).itemId(f.kn95).quantity(5L)
                .origin(LotOrigin.DONATION).sourceDocument("D-1").expiryDate(TODAY.plusYears(1))
                .build(), null), "depotId");
        assertField(() -> f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.central).itemId(f.kn95).quantity(5L)
                .orgUnitId(f.station).build(),
                null), "depotId");
        assertField(() -> f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.central)
                .toDepotId(f.hubeiProv).itemId(f.kn95).quantity(5L).build(), null), "fromDepotId");
        assertField(() -> f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.hubeiProv)
                .toDepotId(f.central).itemId(f.kn95).quantity(5L).build(), null), "toDepotId");
        assertField(() -> f.inventory.reserve(ADMIN, f.central, f.kn95, 5, "test", null), "depotId");
        assertField(() -> f.inventory.dispatch(ADMIN, held.id(), f.central, null, null), "toDepotId");

        assertThat(f.count("tp_inv_movement")).isEqualTo(movements);
        assertThat(f.count("tp_inv_lot")).isEqualTo(lots);
        assertThat(f.inventory.reservation(ADMIN, held.id()).status()).isEqualTo(Reservation.Status.HELD);
        // the active depots still work
        assertThat(f.inventory.dispatch(ADMIN, held.id(), f.wuhan, null, null).status())
                .isEqualTo(Transfer.Status.IN_TRANSIT);
    }

    @Test
    void goodsInTransitToADepotDeactivatedBeforeTheRuleAreNotReceivedThere() throws Exception {
        f.receive(f.hubeiProv, f.kn95, 100, TODAY.plusYears(1));
        Transfer t = f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.hubeiProv).toDepotId(f.wuhan)
                .itemId(f.kn95).quantity(40L).build(), null);
        // data from before deactivation checked for stock: the row is switched off directly
        try (Connection c = f.ds.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE tp_depot SET active = FALSE WHERE id = ?")) {
            ps.setLong(1, f.wuhan);
            ps.executeUpdate();
        }
        assertThatThrownBy(() -> f.inventory.receiveTransfer(ADMIN, t.id(), 40, 0, null, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("inactive");
        assertThat(f.inventory.transfer(ADMIN, t.id()).status()).isEqualTo(Transfer.Status.IN_TRANSIT);
    }

    /**
     * Receipts racing a deactivation: either the deactivation wins (and every later receipt is a 400) or
     * it is refused because a receipt landed first; an inactive depot never ends up holding stock.
     */
    @Test
    void receiptsRacingADeactivationNeverLeaveStockInAnInactiveDepot() throws Exception {
        long owner = f.id("tp_org_unit", "P42-WUHAN");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 8; round++) {
                Depot d = f.depots.create(ADMIN, new NewDepot("RACE-" + round, "race " + round, owner, null), null);
                CountDownLatch start = new CountDownLatch(1);
                AtomicInteger refusedReceipts = new AtomicInteger();
                List<Future<Boolean>> deactivated = new ArrayList<>();
                List<Future<?>> receipts = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    receipts.add(pool.submit(() -> {
                        start.await();
                        for (int n = 0; n < 5; n++) {
                            try {
                                f.inventory.receive(ADMIN, NewReceipt.builder().depotId(d.id()).itemId(f.kn95)
                                        .quantity(10L).origin(LotOrigin.DONATION).sourceDocument("D")
                                        .expiryDate(TODAY.plusYears(1)).build(), null);
                            } catch (ValidationException e) {
                                assertThat(e.field()).isEqualTo("depotId");
                                refusedReceipts.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                deactivated.add(pool.submit(() -> {
                    start.await();
                    try {
                        return !f.depots.deactivate(ADMIN, d.id(), null, null).active();
                    } catch (ConflictException e) {
                        assertThat(e.getMessage()).contains("on hand");
                        return false;
                    }
                }));
                start.countDown();
                for (Future<?> r : receipts) {
                    r.get(30, TimeUnit.SECONDS);
                }
                boolean off = deactivated.get(0).get(30, TimeUnit.SECONDS);
                long held = f.number("SELECT COALESCE(SUM(on_hand), 0) FROM tp_inv_balance WHERE depot_id = " + d.id());
                assertThat(f.depots.get(ADMIN, d.id()).active()).isEqualTo(!off);
                if (off) {
                    assertThat(held).as("round %d: stock in an inactive depot", round).isZero();
                    assertThat(refusedReceipts).hasValue(15);
                } else {
                    assertThat(held + refusedReceipts.get() * 10L).isEqualTo(150);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        f.assertLedgerMatchesBalances();
    }

    private void assertInUse(long depotId, String reason) {
        assertThatThrownBy(() -> f.depots.deactivate(ADMIN, depotId, null, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("still in use")
                .hasMessageContaining(reason);
        assertThat(f.depots.get(ADMIN, depotId).active()).isTrue();
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
