package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.AdjustmentReason;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementFilter;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.WriteOffReason;

class ReservationTest extends WithFixture {
    @Test
    void reserveHoldsFefoAndReleaseGivesItBack() {
        long late = f.receive(f.central, f.kn95, 100, TODAY.plusYears(2));
        long early = f.receive(f.central, f.kn95, 100, TODAY.plusYears(1));
        Reservation r = f.inventory.reserve(ADMIN, f.central, f.kn95, 150, "allocation-batch:4", null);
        assertThat(r.status()).isEqualTo(Reservation.Status.HELD);
        assertThat(r.lines()).extracting(Reservation.Line::lotId, Reservation.Line::quantity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(early, 100L), org.assertj.core.groups.Tuple.tuple(late, 50L));
        assertThat(f.inventory.available(ADMIN, f.central, f.kn95)).isEqualTo(50);
        assertThat(f.reserved(early)).isEqualTo(100);
        // reserved stock cannot be issued
        assertThatThrownBy(() -> f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.central).itemId(f.kn95)
                .quantity(51L).orgUnitId(f.station).build(), null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.inventory.reserve(ADMIN, f.central, f.kn95, 51, "other", null))
                .isInstanceOf(ConflictException.class);

        Reservation released = f.inventory.release(ADMIN, r.id(), null);
        assertThat(released.status()).isEqualTo(Reservation.Status.RELEASED);
        assertThat(f.inventory.available(ADMIN, f.central, f.kn95)).isEqualTo(200);
        assertThat(f.reserved(early)).isZero();
        // releasing twice is harmless; dispatching a released reservation is a conflict
        assertThat(f.inventory.release(ADMIN, r.id(), null).status()).isEqualTo(Reservation.Status.RELEASED);
        assertThatThrownBy(() -> f.inventory.dispatch(ADMIN, r.id(), f.hubeiProv, "B4", null))
                .isInstanceOf(ConflictException.class);
        assertThat(f.count("tp_inv_movement")).isEqualTo(2);
    }

    @Test
    void dispatchShipsTheHeldLotsAndReceiptBooksShortfallAndDamage() {
        long lotA = f.receive(f.central, f.kn95, 60, TODAY.plusYears(1));
        long lotB = f.receive(f.central, f.kn95, 100, TODAY.plusYears(2));
        Reservation r = f.inventory.reserve(ADMIN, f.central, f.kn95, 100, "allocation-batch:4", null);
        Transfer t = f.inventory.dispatch(ADMIN, r.id(), f.hubeiProv, "BATCH-4", "d-1");
        assertThat(t.quantity()).isEqualTo(100);
        assertThat(t.status()).isEqualTo(Transfer.Status.IN_TRANSIT);
        assertThat(f.inventory.reservation(ADMIN, r.id()).status()).isEqualTo(Reservation.Status.DISPATCHED);
        assertThat(f.onHand(lotA)).isZero();
        assertThat(f.onHand(lotB)).isEqualTo(60);
        assertThat(f.reserved(lotB)).isZero();
        assertThatThrownBy(() -> f.inventory.release(ADMIN, r.id(), null)).isInstanceOf(ConflictException.class);

        assertThatThrownBy(() -> f.inventory.receiveTransfer(ADMIN, t.id(), 101, 0, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("receivedQuantity"));
        assertThatThrownBy(() -> f.inventory.receiveTransfer(ADMIN, t.id(), 90, 91, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("damagedQuantity"));

        Transfer got = f.inventory.receiveTransfer(Fixture.HUBEI, t.id(), 90, 5, "two cartons wet", "rcv-1");
        assertThat(got.status()).isEqualTo(Transfer.Status.RECEIVED);
        assertThat(got.receivedQuantity()).isEqualTo(90);
        assertThat(got.damagedQuantity()).isEqualTo(5);
        assertThat(f.inventory.available(ADMIN, f.hubeiProv, f.kn95)).isEqualTo(85);
        var in = f.inventory.movements(ADMIN, new MovementFilter(f.hubeiProv, null, null, null, null), 50, null).items();
        assertThat(in).filteredOn(m -> m.type() == MovementType.TRANSFER_IN).extracting(Movement::quantity).containsExactly(60L, 40L);
        assertThat(in).filteredOn(m -> m.type() == MovementType.ADJUSTMENT).singleElement().satisfies(m -> {
            assertThat(m.reason()).isEqualTo(AdjustmentReason.LOSS.name());
            assertThat(m.quantity()).isEqualTo(-10);
            assertThat(m.transferId()).isEqualTo(t.id());
        });
        assertThat(in).filteredOn(m -> m.type() == MovementType.WRITE_OFF).singleElement().satisfies(m -> {
            assertThat(m.reason()).isEqualTo(WriteOffReason.DAMAGED.name());
            assertThat(m.quantity()).isEqualTo(-5);
        });
        // the repeat with the same key counts once; a second receipt with another key is a conflict
        assertThat(f.inventory.receiveTransfer(Fixture.HUBEI, t.id(), 90, 5, "two cartons wet", "rcv-1").receivedQuantity()).isEqualTo(90);
        assertThatThrownBy(() -> f.inventory.receiveTransfer(Fixture.HUBEI, t.id(), 90, 5, null, "rcv-2"))
                .isInstanceOf(ConflictException.class);
        assertThat(f.inventory.transfers(ADMIN, Transfer.Status.IN_TRANSIT, null, 50, null).items()).isEmpty();
        f.assertLedgerMatchesBalances();
    }

    @Test
    void aLotRecalledWhileHeldCannotBeDispatched() {
        long lot = f.receive(f.central, f.kn95, 10, TODAY.plusYears(1));
        Reservation r = f.inventory.reserve(ADMIN, f.central, f.kn95, 10, "h", null);
        f.inventory.changeLotStatus(ADMIN, lot, new LotStatusChange(LotStatus.RECALLED, "recall"), null);
        assertThatThrownBy(() -> f.inventory.dispatch(ADMIN, r.id(), f.hubeiProv, null, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("RECALLED");
        assertThat(f.inventory.reservation(ADMIN, r.id()).status()).isEqualTo(Reservation.Status.HELD);
        assertThat(f.inventory.release(ADMIN, r.id(), null).status()).isEqualTo(Reservation.Status.RELEASED);
    }

    @Test
    void aRepeatedReceiptOrDispatchCountsOnce() {
        NewReceipt receipt = NewReceipt.builder().depotId(f.central).itemId(f.kn95).quantity(500L)
                .origin(LotOrigin.DONATION).sourceDocument("PLEDGE-9").expiryDate(TODAY.plusYears(1)).build();
        Lot first = f.inventory.receive(ADMIN, receipt, "rcpt-1");
        Lot again = f.inventory.receive(ADMIN, receipt, "rcpt-1");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(f.count("tp_inv_movement")).isEqualTo(1);
        assertThat(f.count("tp_inv_lot")).isEqualTo(1);
        assertThat(f.onHand(first.id())).isEqualTo(500);
        // the same key with another request is a conflict, not a second receipt
        assertThatThrownBy(() -> f.inventory.receive(ADMIN, NewReceipt.builder().depotId(f.central).itemId(f.kn95)
                .quantity(501L).origin(LotOrigin.DONATION).sourceDocument("PLEDGE-9").expiryDate(TODAY.plusYears(1))
                .build(), "rcpt-1")).isInstanceOf(ConflictException.class);

        Reservation r = f.inventory.reserve(ADMIN, f.central, f.kn95, 100, "batch:1", "res-1");
        assertThat(f.inventory.reserve(ADMIN, f.central, f.kn95, 100, "batch:1", "res-1").id()).isEqualTo(r.id());
        assertThat(f.reserved(first.id())).isEqualTo(100);
        Transfer t1 = f.inventory.dispatch(ADMIN, r.id(), f.hubeiProv, "B1", "dsp-1");
        Transfer t2 = f.inventory.dispatch(ADMIN, r.id(), f.hubeiProv, "B1", "dsp-1");
        assertThat(t2.id()).isEqualTo(t1.id());
        assertThat(f.count("tp_inv_transfer")).isEqualTo(1);
        assertThat(f.number("SELECT COUNT(*) FROM tp_inv_movement WHERE movement_type = 'TRANSFER_OUT'")).isEqualTo(1);
        assertThat(f.onHand(first.id())).isEqualTo(400);

        var issue = NewIssue.builder().depotId(f.central).itemId(f.kn95).quantity(10L).orgUnitId(f.station).build();
        long p1 = f.inventory.issue(ADMIN, issue, "iss-1").id();
        assertThat(f.inventory.issue(ADMIN, issue, "iss-1").id()).isEqualTo(p1);
        assertThat(f.onHand(first.id())).isEqualTo(390);
        f.assertLedgerMatchesBalances();
    }
}
