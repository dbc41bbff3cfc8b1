package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.AdjustmentReason;
import org.tongpao.inventory.BalanceFilter;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementFilter;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NewAdjustment;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.NewWriteOff;
import org.tongpao.inventory.Posting;
import org.tongpao.inventory.StockBalance;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.WriteOffReason;

class LedgerTest extends WithFixture {
    @Test
    void receiptIssueTransferAdjustWriteOffKeepBalancesEqualToTheLedger() {
        long lot = f.receive(f.hubeiProv, f.kn95, 1000, TODAY.plusYears(2));
        assertThat(f.onHand(lot)).isEqualTo(1000);

        Posting issue = f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95).quantity(300L)
                .orgUnitId(f.station).sourceDocument("REQ-7").build(), "i-1");
        assertThat(issue.movements()).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(MovementType.ISSUE);
            assertThat(m.quantity()).isEqualTo(-300);
            assertThat(m.orgUnitId()).isEqualTo(f.station);
            assertThat(m.actor()).isEqualTo("admin");
            assertThat(m.requestId()).isEqualTo("req-admin");
            assertThat(m.sourceDocument()).isEqualTo("REQ-7");
        });
        assertThat(f.onHand(lot)).isEqualTo(700);

        Transfer t = f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.hubeiProv).toDepotId(f.wuhan)
                .itemId(f.kn95).quantity(200L).sourceDocument("TR-1").build(), null);
        assertThat(t.status()).isEqualTo(Transfer.Status.IN_TRANSIT);
        assertThat(f.onHand(lot)).isEqualTo(500);
        assertThat(f.inventory.transfers(ADMIN, Transfer.Status.IN_TRANSIT, null, 50, null).items())
                .extracting(Transfer::id).containsExactly(t.id());

        Transfer received = f.inventory.receiveTransfer(ADMIN, t.id(), 200, 0, null, null);
        assertThat(received.status()).isEqualTo(Transfer.Status.RECEIVED);
        assertThat(f.inventory.available(ADMIN, f.wuhan, f.kn95)).isEqualTo(200);
        Lot wuhanLot = f.inventory.lots(ADMIN, f.wuhan, f.kn95, null, 50, null).items().get(0);
        assertThat(wuhanLot.origin()).isEqualTo(LotOrigin.TRANSFER);
        assertThat(wuhanLot.expiryDate()).isEqualTo(TODAY.plusYears(2));
        assertThat(wuhanLot.parentLotId()).isEqualTo(lot);

        f.inventory.adjust(ADMIN, new NewAdjustment(lot, -5L, AdjustmentReason.DAMAGE, null, "crushed"), null);
        f.inventory.adjust(ADMIN, new NewAdjustment(lot, 3L, AdjustmentReason.FOUND, null, null), null);
        f.inventory.writeOff(ADMIN, new NewWriteOff(lot, 8L, WriteOffReason.DAMAGED, null, null), null);
        assertThat(f.onHand(lot)).isEqualTo(490);
        assertThat(f.inventory.available(ADMIN, f.hubeiProv, f.kn95)).isEqualTo(490);

        List<Movement> ledger = f.inventory.movements(ADMIN, new MovementFilter(f.hubeiProv, f.kn95, null, null, null), 50, null).items();
        assertThat(ledger).extracting(Movement::type).containsExactly(MovementType.RECEIPT, MovementType.ISSUE,
                MovementType.TRANSFER_OUT, MovementType.ADJUSTMENT, MovementType.ADJUSTMENT, MovementType.WRITE_OFF);
        assertThat(f.inventory.movements(ADMIN, new MovementFilter(null, null, MovementType.TRANSFER_IN, null, null), 50, null)
                .items()).hasSize(1);
        f.assertLedgerMatchesBalances();
    }

    @Test
    void aMovementThatWouldGoNegativeIsRefusedAndChangesNothing() {
        long lot = f.receive(f.hubeiProv, f.kn95, 100, TODAY.plusYears(1));
        long movements = f.count("tp_inv_movement");
        long balances = f.count("tp_inv_balance");
        long postings = f.count("tp_inv_posting");

        assertThatThrownBy(() -> f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95)
                .quantity(101L).orgUnitId(f.station).build(), "neg-1"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("available 100");
        assertThatThrownBy(() -> f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.hubeiProv)
                .toDepotId(f.wuhan).itemId(f.kn95).quantity(500L).build(), null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.inventory.adjust(ADMIN, new NewAdjustment(lot, -101L, AdjustmentReason.LOSS, null, null), null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.inventory.writeOff(ADMIN, new NewWriteOff(lot, 101L, WriteOffReason.EXPIRED, null, null), null))
                .isInstanceOf(ConflictException.class);

        assertThat(f.count("tp_inv_movement")).isEqualTo(movements);
        assertThat(f.count("tp_inv_balance")).isEqualTo(balances);
        assertThat(f.count("tp_inv_posting")).isEqualTo(postings);
        assertThat(f.count("tp_inv_transfer")).isZero();
        assertThat(f.onHand(lot)).isEqualTo(100);
        // the refused key was not consumed: the same key may carry a corrected request
        f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95).quantity(100L)
                .orgUnitId(f.station).build(), "neg-1b");
        assertThat(f.onHand(lot)).isZero();
        f.assertLedgerMatchesBalances();
    }

    @Test
    void issuesPickFirstExpiryFirstOutAcrossLots() {
        long late = f.receive(f.hubeiProv, f.kn95, 100, TODAY.plusMonths(30));
        long early = f.receive(f.hubeiProv, f.kn95, 100, TODAY.plusMonths(6));
        long middle = f.receive(f.hubeiProv, f.kn95, 100, TODAY.plusMonths(18));

        Posting first = f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95).quantity(60L)
                .orgUnitId(f.station).build(), null);
        assertThat(first.movements()).extracting(Movement::lotId, Movement::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(early, -60L));

        Posting second = f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95).quantity(90L)
                .orgUnitId(f.station).build(), null);
        assertThat(second.movements()).extracting(Movement::lotId, Movement::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(early, -40L), org.assertj.core.groups.Tuple.tuple(middle, -50L));

        Posting third = f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95).quantity(120L)
                .orgUnitId(f.station).build(), null);
        assertThat(third.movements()).extracting(Movement::lotId, Movement::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(middle, -50L), org.assertj.core.groups.Tuple.tuple(late, -70L));

        // a named lot overrides FEFO
        long fresh = f.receive(f.hubeiProv, f.kn95, 10, TODAY.plusMonths(3));
        Posting named = f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95).quantity(5L)
                .orgUnitId(f.station).lotId(late).build(), null);
        assertThat(named.movements()).extracting(Movement::lotId).containsExactly(late);
        assertThat(f.onHand(fresh)).isEqualTo(10);
        f.assertLedgerMatchesBalances();
    }

    @Test
    void expiredQuarantinedAndRecalledLotsAreNotIssuedOrReserved() {
        long expiring = f.receive(f.hubeiProv, f.kn95, 50, TODAY.plusDays(10));
        long quarantined = f.receive(f.hubeiProv, f.kn95, 50, TODAY.plusYears(1));
        f.inventory.changeLotStatus(ADMIN, quarantined, new LotStatusChange(LotStatus.QUARANTINED, "inspection"), null);
        f.clock.now = f.clock.now.plus(java.time.Duration.ofDays(11));

        assertThat(f.inventory.available(ADMIN, f.hubeiProv, f.kn95)).isZero();
        assertThatThrownBy(() -> f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95)
                .quantity(1L).orgUnitId(f.station).build(), null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95)
                .quantity(1L).orgUnitId(f.station).lotId(expiring).build(), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95)
                .quantity(1L).orgUnitId(f.station).lotId(quarantined).build(), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("QUARANTINED");
        assertThatThrownBy(() -> f.inventory.reserve(ADMIN, f.hubeiProv, f.kn95, 1, "batch:1", null))
                .isInstanceOf(ConflictException.class);

        // expired stock can still be written off, and shows as EXPIRED in the balance view
        f.inventory.writeOff(ADMIN, new NewWriteOff(expiring, 50L, WriteOffReason.EXPIRED, null, null), null);
        f.inventory.changeLotStatus(ADMIN, quarantined, new LotStatusChange(LotStatus.RECALLED, "maker recall"), null);
        assertThat(f.inventory.balances(ADMIN, new BalanceFilter(null, f.hubeiProv, null, null, f.kn95, null, null, false), 50, null)
                .items()).singleElement().satisfies(b -> {
                    assertThat(b.status()).isEqualTo(LotStatus.RECALLED);
                    assertThat(b.available()).isZero();
                    assertThat(b.onHand()).isEqualTo(50);
                });
        f.inventory.changeLotStatus(ADMIN, quarantined, new LotStatusChange(LotStatus.AVAILABLE, "cleared"), null);
        assertThat(f.inventory.available(ADMIN, f.hubeiProv, f.kn95)).isEqualTo(50);
        assertThat(f.number("SELECT COUNT(*) FROM tp_audit WHERE entity = 'lot' AND action LIKE 'STATUS_%'")).isEqualTo(3);
    }

    @Test
    void receiptsValidateExpiryAgainstShelfLife() {
        assertThatThrownBy(() -> f.inventory.receive(ADMIN, NewReceipt.builder().depotId(f.hubeiProv).itemId(f.kn95)
                .quantity(10L).origin(LotOrigin.DONATION).sourceDocument("PL-1").build(), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("expiryDate"));
        assertThatThrownBy(() -> f.inventory.receive(ADMIN, NewReceipt.builder().depotId(f.hubeiProv).itemId(f.kn95)
                .quantity(10L).origin(LotOrigin.DONATION).sourceDocument("PL-1").expiryDate(TODAY.minusDays(1))
                .build(), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("expiryDate"));
        assertThatThrownBy(() -> f.inventory.receive(ADMIN, NewReceipt.builder().depotId(f.hubeiProv).itemId(f.kn95)
                .quantity(0L).origin(LotOrigin.DONATION).sourceDocument("PL-1").expiryDate(TODAY.plusYears(1))
                .build(), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> f.inventory.receive(ADMIN, NewReceipt.builder().depotId(999_999L).itemId(f.kn95)
                .quantity(1L).origin(LotOrigin.DONATION).sourceDocument("PL-1").expiryDate(TODAY.plusYears(1))
                .build(), null))
                .isInstanceOfSatisfying(org.tongpao.core.NotFoundException.class,
                        e -> assertThat(e.field()).isEqualTo("depotId"));
        // an item without a shelf life needs no expiry
        Lot tent = f.inventory.receive(ADMIN, NewReceipt.builder().depotId(f.hubeiProv).itemId(f.tent).quantity(5L)
                .origin(LotOrigin.OPENING_BALANCE).sourceDocument("OB").build(), null);
        assertThat(tent.expiryDate()).isNull();
        assertThat(f.count("tp_inv_movement")).isEqualTo(1);
    }

    @Test
    void shortDatedLotsAreFlaggedAndAnnounced() {
        long soon = f.receive(f.hubeiProv, f.kn95, 10, TODAY.plusDays(30));
        f.receive(f.hubeiProv, f.kn95, 10, TODAY.plusDays(400));
        List<StockBalance> rows = f.inventory.balances(ADMIN, new BalanceFilter(null, f.hubeiProv, null, null, null, null, null, false), 50, null).items();
        assertThat(rows).extracting(StockBalance::lotId, StockBalance::shortDated).containsExactly(
                org.assertj.core.groups.Tuple.tuple(soon, true), org.assertj.core.groups.Tuple.tuple(soon + 1, false));
        List<StockBalance> byItem = f.inventory.balances(ADMIN, new BalanceFilter(null, null, "HB-PROV-01", "MASK", null, null, null, true), 50, null).items();
        assertThat(byItem).singleElement().satisfies(b -> {
            assertThat(b.lotId()).isNull();
            assertThat(b.onHand()).isEqualTo(20);
            assertThat(b.available()).isEqualTo(20);
            assertThat(b.shortDated()).isTrue();
        });
        assertThat(f.events(org.tongpao.inventory.InventoryTopics.SHORT_DATED)).singleElement()
                .satisfies(e -> assertThat(e.getProperty("lotId")).isEqualTo(soon));
    }

    @Test
    void balancePagesRollUpAndPageThrough() {
        for (int i = 0; i < 5; i++) {
            f.receive(f.central, f.kn95, 10, TODAY.plusYears(1));
            f.receive(f.central, f.tent, 10, null);
            f.receive(f.hubeiProv, f.kn95, 10, TODAY.plusYears(1));
        }
        BalanceFilter byItem = new BalanceFilter(null, null, null, null, null, null, null, true);
        var page1 = f.inventory.balances(ADMIN, byItem, 2, null);
        assertThat(page1.items()).hasSize(2);
        var page2 = f.inventory.balances(ADMIN, byItem, 2, page1.nextCursor());
        assertThat(page2.items()).hasSize(1);
        assertThat(page2.nextCursor()).isNull();
        assertThat(page1.items().get(0).onHand()).isEqualTo(50);
        var lots = f.inventory.balances(ADMIN, new BalanceFilter(null, null, null, null, null, null, null, false), 10, null);
        assertThat(lots.items()).hasSize(10);
        assertThat(f.inventory.balances(ADMIN, new BalanceFilter(null, null, null, null, null, null, null, false), 10,
                lots.nextCursor()).items()).hasSize(5);
        assertThat(f.inventory.balances(ADMIN, new BalanceFilter("42", null, null, null, null, null, null, true), 10, null)
                .items()).singleElement().satisfies(b -> assertThat(b.depotCode()).isEqualTo("HB-PROV-01"));
    }
}
