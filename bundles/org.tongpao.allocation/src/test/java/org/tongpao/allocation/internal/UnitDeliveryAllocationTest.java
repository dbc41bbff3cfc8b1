package org.tongpao.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.allocation.internal.Fixture.ADMIN;
import static org.tongpao.allocation.internal.Fixture.ADMIN2;
import static org.tongpao.allocation.internal.Fixture.HUBEI;
import static org.tongpao.allocation.internal.Fixture.JIANGSU;
import static org.tongpao.allocation.internal.Fixture.WH_KEEPER;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.allocation.LineReceipt;
import org.tongpao.allocation.MutualAidOffer;
import org.tongpao.allocation.Need;
import org.tongpao.allocation.NeedState;
import org.tongpao.allocation.NewMutualAidOffer;
import org.tongpao.allocation.NewNeed;
import org.tongpao.allocation.OfferApproval;
import org.tongpao.allocation.Plan;
import org.tongpao.allocation.PlanRequest;
import org.tongpao.allocation.Urgency;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementFilter;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.ProvinceStock;

/**
 * A need of a front-line station without a depot delivered straight to it, over the real inventory: the plan's and
 * batch's line go to the unit, dispatch leaves the goods in transit to it, the receipt issues them to the unit and
 * fulfils the need; shortfall and damage go back to the need.
 */
class UnitDeliveryAllocationTest extends FixtureTest {
    @Override
    Fixture fixture() {
        return new Fixture(true);
    }

    private void receive(long depot, long qty) {
        f.stock.receive(ADMIN, new NewReceipt(depot, kn95, qty, LotOrigin.PURCHASE_ORDER, "PO-1",
                LocalDate.now().plusYears(2), null), null);
    }

    private Need stationNeed(long qty) {
        return f.needs.create(HUBEI, new NewNeed(station, kn95, null, qty, Urgency.IMMEDIATE, null, null, "front line",
                null, null, true), null);
    }

    private Batch approvedToStation(long qty) {
        receive(hbProv, 1000);
        stationNeed(qty);
        Plan p = f.allocation.propose(ADMIN, new PlanRequest(kn95, null, "42", null, null), null);
        assertThat(p.lines()).singleElement().satisfies(l -> {
            assertThat(l.toOrgUnitId()).isEqualTo(station);
            assertThat(l.toDepotId()).isZero();
        });
        return f.allocation.approve(ADMIN2, p.id(), null);
    }

    @Test
    void aStationNeedIsPlannedBatchedDispatchedAndDeliveredToTheUnit() {
        Batch b = approvedToStation(300);
        BatchLine line = b.lines().get(0);
        assertThat(line.toOrgUnitId()).isEqualTo(station);
        assertThat(b.provinceCode()).isEqualTo("42");
        assertThat(f.needs.get(ADMIN, line.needId()).receivingDepotId()).isNull();
        // the depot pair is not the unit's route: 400 naming the field
        assertThatThrownBy(() -> f.allocation.dispatchLinesToUnit(HUBEI, b.id(), hbProv, station + 1, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("toOrgUnitId"));

        Batch sent = f.allocation.dispatchLinesToUnit(HUBEI, b.id(), hbProv, station, "d-1");
        assertThat(sent.status()).isEqualTo(BatchStatus.DISPATCHED);
        assertThat(f.stock.transfer(ADMIN, sent.lines().get(0).transferId()).toOrgUnitId()).isEqualTo(station);
        // no keeper keeps a station; another province cannot confirm it
        assertThatThrownBy(() -> f.allocation.receive(WH_KEEPER, b.id(), List.of(new LineReceipt(line.id(), 300L, 0L,
                null)), null)).isInstanceOfAny(AccessDeniedException.class, NotFoundException.class);
        assertThatThrownBy(() -> f.allocation.receive(JIANGSU, b.id(), List.of(new LineReceipt(line.id(), 300L, 0L,
                null)), null)).isInstanceOfAny(AccessDeniedException.class, NotFoundException.class);

        Batch in = f.allocation.receive(HUBEI, b.id(), List.of(new LineReceipt(line.id(), 300L, 0L, null)), "pod-1");
        assertThat(in.status()).isEqualTo(BatchStatus.RECEIVED);
        Need n = f.needs.get(ADMIN, line.needId());
        assertThat(n.state()).isEqualTo(NeedState.FULFILLED);
        assertThat(n.received()).isEqualTo(300);
        List<Movement> issued = f.stock.movements(ADMIN, new MovementFilter(hbProv, null, null, null, null), 50, null)
                .items().stream().filter(m -> m.type() == MovementType.ISSUE).toList();
        assertThat(issued).extracting(Movement::orgUnitId).containsOnly(station);
        assertThat(issued.stream().mapToLong(Movement::quantity).sum()).isEqualTo(-300);
        assertThat(f.stock.nationalStock(ADMIN, "MASK")).filteredOn(s -> "42".equals(s.provinceCode()))
                .extracting(ProvinceStock::deliveredToFrontLine).containsExactly(300L);
    }

    @Test
    void shortfallAndDamageAtTheUnitGoBackToTheNeed() {
        Batch b = approvedToStation(300);
        BatchLine line = b.lines().get(0);
        f.allocation.dispatchLinesToUnit(HUBEI, b.id(), hbProv, station, null);
        f.allocation.receive(HUBEI, b.id(), List.of(new LineReceipt(line.id(), 280L, 30L, "crushed")), null);
        Need n = f.needs.get(ADMIN, line.needId());
        assertThat(n.received()).isEqualTo(250);
        assertThat(n.remaining()).isEqualTo(50);
        assertThat(n.state()).isNotEqualTo(NeedState.FULFILLED);
        assertThat(f.stock.movements(ADMIN, new MovementFilter(hbProv, null, null, null, null), 50, null).items())
                .filteredOn(m -> m.orgUnitId() != null && m.type() != MovementType.TRANSFER_IN)
                .extracting(Movement::type, Movement::quantity).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(MovementType.ADJUSTMENT, -20L),
                        org.assertj.core.groups.Tuple.tuple(MovementType.WRITE_OFF, -30L),
                        org.assertj.core.groups.Tuple.tuple(MovementType.ISSUE, -250L));
    }

    @Test
    void deliverToUnitExcludesAReceivingDepot() {
        assertThatThrownBy(() -> f.needs.create(HUBEI, new NewNeed(station, kn95, null, 5L, Urgency.IMMEDIATE, null,
                null, "x", null, hbWh, true), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("deliverToUnit"));
    }

    @Test
    void aUnitInAProvinceRunByItsOwnNodeIsRefusedAtApprovalBeforeAnyReservation() {
        receive(central, 1000);
        f.needs.create(ADMIN, new NewNeed(station, kn95, null, 100L, Urgency.IMMEDIATE, null, null, "x", null, null,
                true), null);
        Plan p = f.allocation.propose(ADMIN, new PlanRequest(kn95, null, "42", null, null), null);
        f.allocation.bindLedgerOwners(province -> "42".equals(province) ? Optional.of("province:42") : Optional.empty());
        assertThatThrownBy(() -> f.allocation.approve(ADMIN2, p.id(), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("toOrgUnitId");
                    assertThat(e.getMessage()).contains("province:42");
                });
        assertThat(f.allocation.batches(ADMIN, null, 10, null).items()).isEmpty();
        assertThat(f.stock.available(ADMIN, central, kn95)).isEqualTo(1000);
    }

    @Test
    void aUnitWhoseProvinceANodeCameToKeepAfterApprovalIsRefusedAtDispatchNamingTheNode() {
        receive(central, 1000);
        f.needs.create(ADMIN, new NewNeed(station, kn95, null, 100L, Urgency.IMMEDIATE, null, null, "x", null, null,
                true), null);
        Plan p = f.allocation.propose(ADMIN, new PlanRequest(kn95, null, "42", null, null), null);
        Batch b = f.allocation.approve(ADMIN2, p.id(), null);
        // Hubei's node starts keeping its ledgers between approval and dispatch
        f.allocation.bindLedgerOwners(province -> "42".equals(province) ? Optional.of("province:42") : Optional.empty());
        assertThatThrownBy(() -> f.allocation.dispatchLinesToUnit(ADMIN, b.id(), central, station, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("toOrgUnitId");
                    assertThat(e.getMessage()).contains("province:42").contains("deliver to a depot");
                });
        assertThatThrownBy(() -> f.allocation.dispatch(ADMIN, b.id(), null)).isInstanceOf(ConflictException.class);
        // nothing moved: the goods are still reserved at central, the line waits
        assertThat(f.allocation.batch(ADMIN, b.id()).lines()).extracting(BatchLine::status).containsOnly("RESERVED");
        assertThat(f.stock.movements(ADMIN, new MovementFilter(central, null, null, null, null), 50, null).items())
                .extracting(Movement::type).doesNotContain(MovementType.TRANSFER_OUT);
    }

    @Test
    void mutualAidGoesStraightToAUnitOfTheReceivingProvince() {
        receive(jsProv, 500);
        MutualAidOffer o = f.allocation.offer(JIANGSU, new NewMutualAidOffer(jsProv, kn95, 100L, "42", null), null);
        assertThatThrownBy(() -> f.allocation.approveOffer(ADMIN, o.id(), new OfferApproval(hbWh, null, station), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("toOrgUnitId"));
        long nanjing = f.unit("P32-NANJING");
        assertThatThrownBy(() -> f.allocation.approveOffer(ADMIN, o.id(), new OfferApproval(null, null, nanjing), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("toOrgUnitId"));
        Batch b = f.allocation.approveOffer(ADMIN, o.id(), new OfferApproval(null, null, station), null);
        assertThat(b.lines()).singleElement().satisfies(l -> assertThat(l.toOrgUnitId()).isEqualTo(station));
        Batch sent = f.allocation.dispatchLinesToUnit(JIANGSU, b.id(), jsProv, station, null);
        Batch in = f.allocation.receive(HUBEI, b.id(), List.of(new LineReceipt(sent.lines().get(0).id(), 100L, 0L,
                null)), null);
        assertThat(in.status()).isEqualTo(BatchStatus.RECEIVED);
    }
}
