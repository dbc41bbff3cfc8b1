package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.HUBEI;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tongpao.core.ConflictException;
import org.tongpao.core.spi.LedgerOwners;
import org.tongpao.inventory.AdjustmentReason;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.inventory.NewAdjustment;
import org.tongpao.inventory.NewCount;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.NewWriteOff;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.WriteOffReason;

/**
 * Every write to a depot whose ledger another node keeps (core's {@link LedgerOwners}, here: Hubei's depots
 * kept by {@code province:42}) is a 409 naming that node and the field, and writes nothing: no ledger row, no
 * balance change, no audit row, no event. Depots this node keeps are unaffected, and without the service (or
 * once it is gone) this node keeps every ledger.
 */
class LedgerOwnershipTest extends WithFixture {
    private static final LedgerOwners HUBEI_FEDERATED = province -> "42".equals(province)
            ? Optional.of("province:42") : Optional.empty();

    private final long wuhanLot = f.receive(f.wuhan, f.kn95, 100, TODAY.plusYears(1));
    private final Reservation held = f.inventory.reserve(ADMIN, f.wuhan, f.kn95, 10, "batch:1", null);
    private final Transfer toWuhan;

    LedgerOwnershipTest() {
        f.receive(f.jiangsu, f.kn95, 100, TODAY.plusYears(1));
        toWuhan = f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.jiangsu).toDepotId(f.wuhan)
                .itemId(f.kn95).quantity(5L).build(), null);
        f.inventory.bindLedgerOwners(HUBEI_FEDERATED);
    }

    @ParameterizedTest(name = "{0} → 409 on {1}")
    @CsvSource(nullValues = "-", value = {
        "receipt, depotId", "issue, depotId", "transfer, fromDepotId", "transfer-receipt, -", "adjustment, lotId",
        "write-off, lotId", "count, depotId", "reservation, depotId", "release, -", "dispatch, -",
        "allocation-dispatch, -", "lot-status, -"})
    void aWriteToADepotKeptElsewhereIsRefusedAndWritesNothing(String write, String field) {
        long movements = f.count("tp_inv_movement");
        long audits = f.count("tp_audit");
        long reservations = f.count("tp_inv_reservation");
        long reserved = f.reserved(wuhanLot);
        int events = f.events("org/tongpao/inventory").size();
        assertThatThrownBy(() -> run(write)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e).hasMessage("depot HB-WH-01's ledger is kept by node province:42: record it there");
            assertThat(e.field()).isEqualTo(field);
        });
        assertThat(f.count("tp_inv_movement")).isEqualTo(movements);
        assertThat(f.count("tp_audit")).isEqualTo(audits);
        assertThat(f.count("tp_inv_reservation")).isEqualTo(reservations);
        assertThat(f.onHand(wuhanLot)).isEqualTo(100);
        assertThat(f.reserved(wuhanLot)).isEqualTo(reserved);
        assertThat(f.inventory.lot(ADMIN, wuhanLot).status()).isEqualTo(LotStatus.AVAILABLE);
        assertThat(f.inventory.transfer(ADMIN, toWuhan.id()).status()).isEqualTo(Transfer.Status.IN_TRANSIT);
        assertThat(f.events("org/tongpao/inventory")).hasSize(events);
        assertThat(f.unpublished()).isZero();
    }

    private void run(String write) {
        switch (write) {
            case "receipt" -> f.inventory.receive(HUBEI, NewReceipt.builder().depotId(f.wuhan).itemId(f.kn95)
                    .quantity(5L).origin(LotOrigin.DONATION).sourceDocument("D-1").expiryDate(TODAY.plusYears(1))
                    .build(), null);
            case "issue" -> f.inventory.issue(HUBEI, NewIssue.builder().depotId(f.wuhan).itemId(f.kn95).quantity(1L)
                    .orgUnitId(f.station).build(), null);
            case "transfer" -> f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.wuhan)
                    .toDepotId(f.jiangsu).itemId(f.kn95).quantity(1L).build(), null);
            case "transfer-receipt" -> f.inventory.receiveTransfer(HUBEI, toWuhan.id(), 5, 0, null, null);
            case "adjustment" -> f.inventory.adjust(HUBEI, new NewAdjustment(wuhanLot, -1L, AdjustmentReason.LOSS,
                    null, null), null);
            case "write-off" -> f.inventory.writeOff(HUBEI, new NewWriteOff(wuhanLot, 1L, WriteOffReason.DAMAGED,
                    null, null), null);
            case "count" -> f.inventory.count(HUBEI, new NewCount(f.wuhan, List.of(new NewCount.Line(f.kn95, null,
                    90L)), null), null);
            case "reservation" -> f.inventory.reserve(ADMIN, f.wuhan, f.kn95, 1, "batch:2", null);
            case "release" -> f.inventory.release(ADMIN, held.id(), null);
            case "dispatch" -> f.inventory.dispatch(ADMIN, held.id(), new org.tongpao.inventory.DispatchOrder(
                    f.hubeiProv, null), null);
            case "allocation-dispatch" -> f.inventory.dispatch(ADMIN, held.id(), f.jiangsu, "B-1", null);
            case "lot-status" -> f.inventory.changeLotStatus(HUBEI, wuhanLot,
                    new LotStatusChange(LotStatus.QUARANTINED, "check"), null);
            default -> throw new IllegalArgumentException(write);
        }
    }

    @Test
    void depotsThisNodeKeepsAreWrittenAsBefore() {
        long js = f.inventory.receive(ADMIN, NewReceipt.builder().depotId(f.jiangsu).itemId(f.kn95).quantity(5L)
                .origin(LotOrigin.DONATION).sourceDocument("D-2").expiryDate(TODAY.plusYears(1)).build(), null).id();
        assertThat(f.onHand(js)).isEqualTo(5);
        assertThat(f.events(InventoryTopics.MOVEMENT)).last()
                .satisfies(e -> assertThat(e.getProperty("depotId")).isEqualTo(f.jiangsu));
    }

    @Test
    void withoutTheServiceThisNodeKeepsEveryLedger() {
        f.inventory.unbindLedgerOwners(HUBEI_FEDERATED);
        f.inventory.issue(HUBEI, NewIssue.builder().depotId(f.wuhan).itemId(f.kn95).quantity(1L)
                .orgUnitId(f.station).build(), null);
        assertThat(f.onHand(wuhanLot)).isEqualTo(99);
        // a late unbind of a service already replaced leaves the replacement in place
        f.inventory.bindLedgerOwners(HUBEI_FEDERATED);
        f.inventory.unbindLedgerOwners(province -> Optional.empty());
        assertThatThrownBy(() -> run("issue")).isInstanceOf(ConflictException.class);
    }

    @Test
    void anIdempotencyKeyKeepsTheRefusalWithItsField() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> f.inventory.issue(HUBEI, NewIssue.builder().depotId(f.wuhan).itemId(f.kn95)
                    .quantity(1L).orgUnitId(f.station).build(), "k-1"))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("depotId"));
        }
    }
}
