package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.core.testing.OutOfScope.UNKNOWN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.testing.OutOfScope;
import org.tongpao.inventory.AdjustmentReason;
import org.tongpao.inventory.DispatchOrder;
import org.tongpao.inventory.NewAdjustment;
import org.tongpao.inventory.NewCount;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.NewWriteOff;
import org.tongpao.inventory.Posting;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.Threshold;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.WriteOffReason;
import org.tongpao.inventory.LotOrigin;

/**
 * Every id a stock write names is checked against the caller's scope, and one outside it answers exactly like
 * an id that does not exist: 404 naming the field, a detail with nothing but the field and the id sent (before,
 * another province's depot or lot was a 403 naming its code, an unknown one a 400; an issue to another
 * province's unit went through).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutOfScopeIdsTest {
    private final Fixture f = new Fixture();
    private final long jiangsuLot = f.receive(f.jiangsu, f.kn95, 1_000, TODAY.plusYears(1));
    private final long hubeiLot = f.receive(f.hubeiProv, f.kn95, 1_000, TODAY.plusYears(1));
    private final long nanjing = f.id("tp_org_unit", "P32-NANJING");

    @AfterAll
    void close() {
        f.close();
    }

    @Test
    void anIssueToAnotherProvincesUnitIsRefusedLikeAnUnknownUnit() {
        sameAsUnknown(nanjing, id -> f.inventory.issue(Fixture.HUBEI, NewIssue.builder().depotId(f.hubeiProv)
                .itemId(f.kn95).quantity(1L).orgUnitId(id).build(), null));
        // the depot keeper sees no units, and still issues to its province's units, never to another's
        f.receive(f.wuhan, f.kn95, 10, TODAY.plusYears(1));
        Posting ok = f.inventory.issue(Fixture.KEEPER, NewIssue.builder().depotId(f.wuhan).itemId(f.kn95).quantity(1L)
                .orgUnitId(f.station).build(), null);
        assertThat(ok.movements()).singleElement().satisfies(m -> assertThat(m.orgUnitId()).isEqualTo(f.station));
        sameAsUnknown(nanjing, id -> f.inventory.issue(Fixture.KEEPER, NewIssue.builder().depotId(f.wuhan)
                .itemId(f.kn95).quantity(1L).orgUnitId(id).build(), null));
        f.assertLedgerMatchesBalances();
    }

    @Test
    void depotsAndLotsOfAnotherProvinceAnswerLikeUnknownOnes() {
        sameAsUnknown(f.jiangsu, id -> f.inventory.receive(Fixture.HUBEI, NewReceipt.builder().depotId(id)
                .itemId(f.kn95).quantity(1L).origin(LotOrigin.DONATION).sourceDocument("D-1")
                .expiryDate(TODAY.plusYears(1)).build(), null));
        sameAsUnknown(f.jiangsu, id -> f.inventory.issue(Fixture.HUBEI, NewIssue.builder().depotId(id).itemId(f.kn95)
                .quantity(1L).orgUnitId(f.station).build(), null));
        sameAsUnknown(f.jiangsu, id -> f.inventory.transferOut(Fixture.HUBEI, NewTransfer.builder().fromDepotId(id)
                .toDepotId(f.hubeiProv).itemId(f.kn95).quantity(1L).build(), null));
        sameAsUnknown(f.jiangsu, id -> f.inventory.transferOut(Fixture.HUBEI, NewTransfer.builder()
                .fromDepotId(f.hubeiProv).toDepotId(id).itemId(f.kn95).quantity(1L).build(), null));
        sameAsUnknown(f.jiangsu, id -> f.inventory.reserve(Fixture.HUBEI, id, f.kn95, 1, "x", null));
        sameAsUnknown(f.jiangsu, id -> f.inventory.count(Fixture.HUBEI, new NewCount(id, List.of(new NewCount.Line(
                f.kn95, null, 1L)), null), null));
        sameAsUnknown(f.jiangsu, id -> f.inventory.setThreshold(Fixture.HUBEI, new Threshold(id, f.kn95, 1L, 2L),
                null));
        sameAsUnknown(jiangsuLot, id -> f.inventory.adjust(Fixture.HUBEI, new NewAdjustment(id, -1L,
                AdjustmentReason.LOSS, null, null), null));
        sameAsUnknown(jiangsuLot, id -> f.inventory.writeOff(Fixture.HUBEI, new NewWriteOff(id, 1L,
                WriteOffReason.DAMAGED, null, null), null));
        sameAsUnknown(jiangsuLot, id -> f.inventory.issue(Fixture.HUBEI, NewIssue.builder().depotId(f.hubeiProv)
                .itemId(f.kn95).quantity(1L).orgUnitId(f.station).lotId(id).build(), null));
        sameAsUnknown(jiangsuLot, id -> f.inventory.count(Fixture.HUBEI, new NewCount(f.hubeiProv, List.of(
                new NewCount.Line(f.kn95, id, 1L)), null), null));
        // the keeper of Wuhan sees its own depot only
        sameAsUnknown(hubeiLot, id -> f.inventory.adjust(Fixture.KEEPER, new NewAdjustment(id, -1L,
                AdjustmentReason.LOSS, null, null), null));
        f.assertLedgerMatchesBalances();
    }

    @Test
    void aReservationIsDispatchedWithinTheProvinceUnlessAnApprovedBatchRoutesIt() {
        Reservation held = f.inventory.reserve(Fixture.HUBEI, f.hubeiProv, f.kn95, 5, "test", null);
        sameAsUnknown(f.jiangsu, id -> f.inventory.dispatch(Fixture.HUBEI, held.id(), new DispatchOrder(id, null),
                null));
        Transfer within = f.inventory.dispatch(Fixture.HUBEI, held.id(), new DispatchOrder(f.wuhan, null), null);
        assertThat(within.toDepotId()).isEqualTo(f.wuhan);
        // the service API is what allocation calls for an approved batch: its route may cross provinces
        Reservation batch = f.inventory.reserve(Fixture.HUBEI, f.hubeiProv, f.kn95, 5, "allocation-batch:1", null);
        assertThat(f.inventory.dispatch(Fixture.HUBEI, batch.id(), f.jiangsu, "B-1", null).toDepotId())
                .isEqualTo(f.jiangsu);
        assertThatThrownBy(() -> f.inventory.dispatch(Fixture.HUBEI, batch.id(), UNKNOWN, "B-1", null))
                .isInstanceOf(NotFoundException.class);
        f.assertLedgerMatchesBalances();
    }

    /** The write with another province's id and with an unknown id: both the same 404, alike but for the id. */
    private void sameAsUnknown(long otherId, ThrowingConsumer<Long> write) {
        NotFoundException other = OutOfScope.sameAsUnknown("naming " + otherId, otherId, write);
        assertThat(other.field()).isNotNull();
        assertThat(other.getMessage()).doesNotContain("JS-").doesNotContain("P32").doesNotContain("HB-");
    }
}
