package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.HUBEI;
import static org.tongpao.inventory.internal.Fixture.JIANGSU;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.AdjustmentReason;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementFilter;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.ProvinceStock;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.WriteOffReason;

/** Goods dispatched to an org unit without a depot (a front-line station) and delivered there. */
class UnitDeliveryTest extends WithFixture {
    private final long early = f.receive(f.hubeiProv, f.kn95, 60, TODAY.plusYears(1));
    private final long late = f.receive(f.hubeiProv, f.kn95, 100, TODAY.plusYears(2));
    private final Reservation held = f.inventory.reserve(ADMIN, f.hubeiProv, f.kn95, 100, "allocation-batch:9", null);

    @Test
    void dispatchLeavesTheGoodsInTransitToTheUnitAndNoDepot() {
        Transfer t = f.inventory.dispatchToUnit(ADMIN, held.id(), f.station, "2026-009", "u-1");
        assertThat(t.toUnit()).isTrue();
        assertThat(t.toOrgUnitId()).isEqualTo(f.station);
        assertThat(t.toDepotId()).isZero();
        assertThat(t.status()).isEqualTo(Transfer.Status.IN_TRANSIT);
        assertThat(f.onHand(early) + f.onHand(late)).isEqualTo(60);
        // the same key answers the same transfer; the transfer is listed for the unit's province
        assertThat(f.inventory.dispatchToUnit(ADMIN, held.id(), f.station, "2026-009", "u-1").id()).isEqualTo(t.id());
        assertThat(f.inventory.transfers(HUBEI, Transfer.Status.IN_TRANSIT, null, 10, null).items())
                .extracting(Transfer::id).containsExactly(t.id());
        assertThat(f.inventory.transfer(HUBEI, t.id()).toOrgUnitId()).isEqualTo(f.station);
        f.assertLedgerMatchesBalances();
    }

    @Test
    void deliveryIssuesToTheUnitWithShortfallAndDamageInOneTransaction() {
        Transfer t = f.inventory.dispatchToUnit(ADMIN, held.id(), f.station, "2026-009", null);
        Transfer got = f.inventory.receiveTransfer(HUBEI, t.id(), 90, 5, "two cartons wet", "pod-1");
        assertThat(got.status()).isEqualTo(Transfer.Status.RECEIVED);
        assertThat(got.receivedQuantity()).isEqualTo(90);
        assertThat(got.damagedQuantity()).isEqualTo(5);

        List<Movement> posted = f.inventory.movements(ADMIN, new MovementFilter(f.hubeiProv, null, null, null, null),
                50, null).items().stream().filter(m -> m.transferId() != null && m.type() != MovementType.TRANSFER_OUT)
                .toList();
        assertThat(posted).allMatch(m -> m.depotId() == f.hubeiProv && f.station == m.orgUnitId());
        assertThat(posted).filteredOn(m -> m.type() == MovementType.TRANSFER_IN).extracting(Movement::quantity)
                .containsExactly(60L, 40L);
        assertThat(posted).filteredOn(m -> m.type() == MovementType.ADJUSTMENT).singleElement()
                .satisfies(m -> {
                    assertThat(m.quantity()).isEqualTo(-10);
                    assertThat(m.reason()).isEqualTo(AdjustmentReason.LOSS.name());
                    assertThat(m.lotId()).isEqualTo(late);
                });
        assertThat(posted).filteredOn(m -> m.type() == MovementType.WRITE_OFF).singleElement()
                .satisfies(m -> {
                    assertThat(m.quantity()).isEqualTo(-5);
                    assertThat(m.reason()).isEqualTo(WriteOffReason.DAMAGED.name());
                    assertThat(m.lotId()).isEqualTo(early);
                });
        assertThat(posted.stream().filter(m -> m.type() == MovementType.ISSUE).mapToLong(Movement::quantity).sum())
                .isEqualTo(-85);
        // nothing stays at the sending depot, no depot received anything, the ledger matches the balances
        assertThat(f.onHand(early) + f.onHand(late)).isEqualTo(60);
        assertThat(f.number("SELECT COUNT(*) FROM tp_inv_lot WHERE origin = 'TRANSFER'")).isZero();
        f.assertLedgerMatchesBalances();
        // the national report counts the usable goods as delivered to the front line of Hubei
        assertThat(f.inventory.nationalStock(ADMIN, "MASK")).filteredOn(s -> "42".equals(s.provinceCode()))
                .extracting(ProvinceStock::deliveredToFrontLine).containsExactly(85L);
        assertThat(f.inventory.nationalStock(JIANGSU, "MASK")).allMatch(s -> s.deliveredToFrontLine() == 0);
        // a second proof of delivery is a conflict; the same key answers the first
        assertThatThrownBy(() -> f.inventory.receiveTransfer(HUBEI, t.id(), 100, 0, null, "pod-2"))
                .isInstanceOf(ConflictException.class);
        assertThat(f.inventory.receiveTransfer(HUBEI, t.id(), 90, 5, "two cartons wet", "pod-1").status())
                .isEqualTo(Transfer.Status.RECEIVED);
    }

    @Test
    void onlyTheUnitsProvinceConfirmsAndTooMuchIsRefused() {
        Transfer t = f.inventory.dispatchToUnit(ADMIN, held.id(), f.station, null, null);
        assertThatThrownBy(() -> f.inventory.receiveTransfer(JIANGSU, t.id(), 100, 0, null, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.inventory.receiveTransfer(HUBEI, t.id(), 101, 0, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("receivedQuantity"));
        assertThatThrownBy(() -> f.inventory.receiveTransfer(Fixture.KEEPER, t.id(), 100, 0, null, null))
                .isInstanceOfAny(AccessDeniedException.class, NotFoundException.class);
        assertThat(f.inventory.transfer(ADMIN, t.id()).status()).isEqualTo(Transfer.Status.IN_TRANSIT);
    }

    @Test
    void unknownOrFederatedUnitsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> f.inventory.dispatchToUnit(ADMIN, held.id(), 999_999, null, null))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.field()).isEqualTo("toOrgUnitId"));
        long ministry = f.id("tp_org_unit", "MPS");
        assertThatThrownBy(() -> f.inventory.dispatchToUnit(ADMIN, held.id(), ministry, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("toOrgUnitId"));
        long nanjing = f.id("tp_org_unit", "P32-NANJING");
        f.inventory.bindLedgerOwners(p -> "32".equals(p) ? Optional.of("province:32") : Optional.empty());
        assertThatThrownBy(() -> f.inventory.dispatchToUnit(ADMIN, held.id(), nanjing, null, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("toOrgUnitId"));
        assertThat(f.inventory.reservation(ADMIN, held.id()).status()).isEqualTo(Reservation.Status.HELD);
    }
}
