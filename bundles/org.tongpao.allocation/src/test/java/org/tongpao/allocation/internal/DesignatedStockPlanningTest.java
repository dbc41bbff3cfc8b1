package org.tongpao.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.allocation.internal.Fixture.ADMIN;
import static org.tongpao.allocation.internal.Fixture.ADMIN2;
import static org.tongpao.allocation.internal.PlannerTest.CENTRAL;
import static org.tongpao.allocation.internal.PlannerTest.DEPOTS;
import static org.tongpao.allocation.internal.PlannerTest.MASK;
import static org.tongpao.allocation.internal.PlannerTest.STATION;
import static org.tongpao.allocation.internal.PlannerTest.need;
import static org.tongpao.allocation.internal.PlannerTest.stock;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.NewNeed;
import org.tongpao.allocation.Plan;
import org.tongpao.allocation.PlanLine;
import org.tongpao.allocation.PlanNeedResult;
import org.tongpao.allocation.PlanRequest;
import org.tongpao.allocation.Urgency;
import org.tongpao.allocation.internal.plan.Planner;
import org.tongpao.allocation.internal.plan.Planner.Line;
import org.tongpao.allocation.internal.plan.Planner.Result;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.Reservation;

/**
 * Designated stock (inventory 1.6) in planning: it counts only for needs inside its designation, which take it
 * before free stock; the batch reserves for its destination, so what the plan promised is what is held.
 */
class DesignatedStockPlanningTest extends FixtureTest {
    static final long[] NANJING_UNIT = {1, 32, 3201};

    @Override
    Fixture fixture() {
        return new Fixture(true);
    }

    @Test
    void thePurePlannerGivesAPoolOnlyToTheNeedsItAdmits() {
        // central holds 100: 70 designated for Hubei (needs under unit 42), 30 free
        Planner.Pool hubeiOnly = new Planner.Pool(MASK, CENTRAL.id(), 70, n -> n.unitPath()[1] == 42);
        Result r = new Planner(DEPOTS, stock(MASK, CENTRAL, 100), Map.of("MASK", List.of(MASK)), List.of(),
                List.of(hubeiOnly)).plan(List.of(need(1, 1, 50, NANJING_UNIT), need(2, 2, 80, STATION)));
        assertThat(r.lines()).extracting(Line::needId, Line::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, 30L), org.assertj.core.groups.Tuple.tuple(2L, 70L));
        assertThat(r.outcomes().get(0).shortReason()).contains("designated for other destinations");
        // inside the designation the pool goes first, leaving the free stock for others
        Result r2 = new Planner(DEPOTS, stock(MASK, CENTRAL, 100), Map.of("MASK", List.of(MASK)), List.of(),
                List.of(hubeiOnly)).plan(List.of(need(2, 1, 70, STATION), need(1, 2, 30, NANJING_UNIT)));
        assertThat(r2.lines()).extracting(Line::needId, Line::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, 70L), org.assertj.core.groups.Tuple.tuple(1L, 30L));
        assertThat(r2.outcomes()).allSatisfy(o -> assertThat(o.shortReason()).isNull());
    }

    @Test
    void aPlanOverTheRealInventoryKeepsDonatedStockInItsProvinceAndTheBatchHoldsIt() {
        long kn95Donated = f.stock.receive(ADMIN, NewReceipt.builder().depotId(central).itemId(kn95).quantity(100L)
                .origin(LotOrigin.DONATION).sourceDocument("DON-2020-0042").expiryDate(LocalDate.now().plusMonths(6))
                .designation(Designation.province("42")).build(), null).id();
        long free = f.stock.receive(ADMIN, NewReceipt.builder().depotId(central).itemId(kn95).quantity(20L)
                .origin(LotOrigin.PURCHASE_ORDER).sourceDocument("PO-9").expiryDate(LocalDate.now().plusYears(2))
                .build(), null).id();
        long nanjing = f.unit("P32-NANJING");
        // whichever ranks first, the donation is only for the Hubei station
        long jsNeed = f.needs.create(ADMIN, new NewNeed(nanjing, kn95, null, 50L, Urgency.IMMEDIATE, null, null,
                "outbreak", null, jsProv), null).id();
        long hbNeed = f.needs.create(ADMIN, new NewNeed(station, kn95, null, 90L, Urgency.IMMEDIATE, null, null,
                "front line", null, hbWh), null).id();
        Plan plan = f.allocation.propose(ADMIN, new PlanRequest(kn95, null, null, List.of(central), null), null);
        assertThat(plan.needs()).filteredOn(o -> o.needId() == jsNeed).singleElement().satisfies(o -> {
            assertThat(o.planned()).isEqualTo(20);
            assertThat(o.shortReason()).contains("designated for other destinations");
        });
        assertThat(plan.needs()).filteredOn(o -> o.needId() == hbNeed).extracting(PlanNeedResult::planned)
                .containsExactly(90L);
        assertThat(plan.lines()).extracting(PlanLine::toDepotId, PlanLine::quantity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(jsProv, 20L), org.assertj.core.groups.Tuple.tuple(hbWh, 90L));

        Batch b = f.allocation.approve(ADMIN2, plan.id(), null);
        // each line held for its destination: Jiangsu's from the free lot, Hubei's from the donation
        for (BatchLine line : b.lines()) {
            Reservation r = f.stock.reservation(ADMIN, line.reservationId());
            assertThat(r.lines()).extracting(Reservation.Line::lotId)
                    .containsExactly(line.toDepotId() == jsProv ? free : kn95Donated);
        }
        Batch sent = f.allocation.dispatch(ADMIN, b.id(), null);
        assertThat(sent.lines()).allSatisfy(l -> assertThat(l.transferId()).isNotNull());
    }
}
