package org.tongpao.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.allocation.internal.Fixture.ADMIN;
import static org.tongpao.allocation.internal.Fixture.ADMIN2;
import static org.tongpao.allocation.internal.Fixture.JIANGSU;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.allocation.MutualAidOffer;
import org.tongpao.allocation.NewMutualAidOffer;
import org.tongpao.allocation.NewNeed;
import org.tongpao.allocation.OfferApproval;
import org.tongpao.allocation.Plan;
import org.tongpao.allocation.PlanLine;
import org.tongpao.allocation.PlanRequest;
import org.tongpao.allocation.PlanStatus;
import org.tongpao.allocation.Urgency;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.DepotService;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;

/**
 * Allocation over the real inventory on the same Derby: inactive depots as sources and destinations, and
 * two plans proposed from the same stock then approved one after the other and at the same time — the
 * inventory's guarded reservation lets only what is available be held, and the loser's batch FAILS.
 */
class RealInventoryAllocationTest extends FixtureTest {
    long nanjing;

    @Override
    Fixture fixture() {
        return new Fixture(true);
    }

    @BeforeEach
    void setUp() {
        nanjing = f.unit("P32-NANJING");
    }

    void receive(long depot, long qty) {
        f.stock.receive(ADMIN, new NewReceipt(depot, kn95, qty, LotOrigin.PURCHASE_ORDER, "PO-1",
                LocalDate.now().plusYears(2), null), null);
    }

    long need(long unit, long qty, Long receivingDepot) {
        return f.needs.create(ADMIN, new NewNeed(unit, kn95, null, qty, Urgency.IMMEDIATE, null, null, "epidemic",
                null, receivingDepot), null).id();
    }

    Plan plan(String province) {
        return f.allocation.propose(ADMIN, new PlanRequest(kn95, null, province, null, null), null);
    }

    // ---------------------------------------------------------------- inactive depots

    @Test
    void aNeedWhoseReceivingDepotWasDeactivatedStaysOpenWithTheReason() {
        receive(central, 1000);
        long n = need(station, 100, hbWh);
        f.core.depots.deactivate(ADMIN, hbWh, null, null);
        Plan p = plan("42");
        assertThat(p.lines()).isEmpty();
        assertThat(p.needs()).singleElement().satisfies(o -> {
            assertThat(o.needId()).isEqualTo(n);
            assertThat(o.planned()).isZero();
            assertThat(o.shortReason()).contains("receiving depot HB-WH-01 is inactive");
        });
    }

    @Test
    void approvingAPlanWhoseDepotWasDeactivatedSinceIsRefusedBeforeAnyBatch() {
        receive(central, 1000);
        need(station, 100, hbWh);
        Plan p = plan("42");
        assertThat(p.lines()).extracting(PlanLine::toDepotId).containsExactly(hbWh);
        f.core.depots.deactivate(ADMIN, hbWh, null, null);
        assertThatThrownBy(() -> f.allocation.approve(ADMIN2, p.id(), null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("line 1").hasMessageContaining("HB-WH-01 is inactive");
        assertThat(f.allocation.batches(ADMIN, null, 50, null).items()).isEmpty();
        assertThat(f.allocation.plan(ADMIN, p.id()).status()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void aDepotDeactivatedBetweenTheApprovalsCheckAndItsBatchStopsTheApproval() throws Exception {
        receive(central, 1000);
        need(station, 100, hbWh);
        Plan p = plan("42");
        // core as allocation sees it, except that right after approval read HB-WH-01 as active, another
        // officer deactivates it (the depot is empty and no batch delivers to it yet, so core allows it)
        AtomicBoolean raced = new AtomicBoolean();
        DepotService racing = (DepotService) Proxy.newProxyInstance(DepotService.class.getClassLoader(),
                new Class<?>[] {DepotService.class}, (proxy, method, args) -> {
                    Object answer;
                    try {
                        answer = method.invoke(f.core.depots, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("get") && args[0] instanceof Caller c
                            && c.requestId().equals("allocation-approve") && args[1].equals(hbWh)
                            && raced.compareAndSet(false, true)) {
                        CompletableFuture.runAsync(() -> f.core.depots.deactivate(ADMIN, hbWh, null, null))
                                .get(30, TimeUnit.SECONDS);
                    }
                    return answer;
                });
        JdbcAllocationService approving = new JdbcAllocationService(f.schema, f.core.units, f.core.catalogue, racing,
                f.core.provinces, f.stock, f.core.audit, f.core.keys, f.selector, f.core.outbox);

        assertThatThrownBy(() -> approving.approve(ADMIN2, p.id(), null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("HB-WH-01 is inactive (deactivated during approval)");
        assertThat(raced).isTrue();
        assertThat(f.core.depots.get(ADMIN, hbWh).active()).isFalse();
        assertThat(f.allocation.batches(ADMIN, null, 50, null).items()).isEmpty();
        assertThat(f.allocation.plan(ADMIN, p.id()).status()).isEqualTo(PlanStatus.DRAFT);
        assertBalances(0);
    }

    @Test
    void aDepotAnUndispatchedBatchDeliversToCannotBeDeactivated() {
        receive(central, 1000);
        need(station, 100, hbWh);
        Batch b = f.allocation.approve(ADMIN2, plan("42").id(), null);
        assertThat(b.status()).isEqualTo(BatchStatus.APPROVED);
        assertThatThrownBy(() -> f.core.depots.deactivate(ADMIN, hbWh, null, null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("1 allocation batch(es) not yet dispatched deliver to it");
        // the sending depot holds the reservation
        assertThatThrownBy(() -> f.core.depots.deactivate(ADMIN, central, null, null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("100 of it reserved");
        f.allocation.dispatch(ADMIN, b.id(), null);
        // now the goods are in transit to it
        assertThatThrownBy(() -> f.core.depots.deactivate(ADMIN, hbWh, null, null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("in transit to it");
    }

    @Test
    void inactiveDepotsAreRefusedAsPlanSourcesAndMutualAidEndsNamingTheField() {
        f.core.depots.deactivate(ADMIN, hbProv, null, null);
        assertField(() -> f.allocation.propose(ADMIN, new PlanRequest(kn95, null, "42", List.of(hbProv), null), null),
                "sourceDepotIds");
        // mutual aid: from an inactive depot, to an inactive depot
        receive(jsProv, 500);
        MutualAidOffer o = f.allocation.offer(JIANGSU, new NewMutualAidOffer(jsProv, kn95, 100L, "42", null), null);
        assertField(() -> f.allocation.approveOffer(ADMIN, o.id(), new OfferApproval(hbProv, null), null), "toDepotId");
        long emptyJs = f.core.depots.create(ADMIN, new org.tongpao.core.NewDepot("JS-EMPTY", "empty", nanjing, null), null)
                .id();
        f.core.depots.deactivate(ADMIN, emptyJs, null, null);
        assertField(() -> f.allocation.offer(JIANGSU, new NewMutualAidOffer(emptyJs, kn95, 1L, "42", null), null),
                "fromDepotId");
    }

    // ---------------------------------------------------------------- overlapping plans

    /** Hubei and Jiangsu each need more than half of the only stock, which is in the central reserve. */
    private Plan[] overlappingPlans() {
        receive(central, 1000);
        need(station, 800, null);
        need(nanjing, 600, null);
        Plan hubei = plan("42");
        Plan jiangsu = plan("32");
        // both were proposed from the same 1,000 in the central reserve
        assertThat(hubei.lines()).singleElement().satisfies(l -> {
            assertThat(l.fromDepotId()).isEqualTo(central);
            assertThat(l.quantity()).isEqualTo(800);
        });
        assertThat(jiangsu.lines()).singleElement().satisfies(l -> {
            assertThat(l.fromDepotId()).isEqualTo(central);
            assertThat(l.quantity()).isEqualTo(600);
        });
        return new Plan[] {hubei, jiangsu};
    }

    @Test
    void twoPlansFromTheSameStockApprovedOneAfterTheOtherReserveNoMoreThanIsThere() {
        Plan[] plans = overlappingPlans();
        Batch first = f.allocation.approve(ADMIN2, plans[0].id(), null);
        assertThat(first.status()).isEqualTo(BatchStatus.APPROVED);
        assertThatThrownBy(() -> f.allocation.approve(ADMIN2, plans[1].id(), null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Reservation refused for line 1")
                .hasMessageContaining("requested 600, available 200");
        // the refused approval leaves no batch behind
        assertThat(f.allocation.batches(ADMIN, null, 50, null).items()).extracting(Batch::id).containsExactly(first.id());
        assertThat(f.allocation.plan(ADMIN, plans[1].id()).status()).isEqualTo(PlanStatus.DRAFT);
        assertBalances(800);
        assertThat(f.stock.available(ADMIN, central, kn95)).isEqualTo(200);
    }

    @Test
    void twoPlansFromTheSameStockApprovedAtTheSameTimeReserveNoMoreThanIsThere() throws Exception {
        Plan[] plans = overlappingPlans();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        try {
            for (Plan p : plans) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return f.allocation.approve(ADMIN2, p.id(), null);
                    } catch (ConflictException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> r : results) {
                outcomes.add(r.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(Batch.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(ConflictException.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((ConflictException) e).getMessage())
                            .contains("Reservation refused for line 1").contains("Not enough available stock"));
        } finally {
            pool.shutdownNow();
        }
        Batch won = f.allocation.batch(ADMIN, f.allocation.batches(ADMIN, BatchStatus.APPROVED, 50, null).items()
                .get(0).id());
        assertThat(f.allocation.batches(ADMIN, null, 50, null).items()).extracting(Batch::id).containsExactly(won.id());
        long reserved = won.lines().stream().mapToLong(l -> l.quantity()).sum();
        assertThat(reserved).isIn(800L, 600L);
        assertBalances(reserved);
    }

    /** Central holds 1,000 on hand, exactly {@code reserved} of it held, no balance negative or over-reserved. */
    private void assertBalances(long reserved) throws RuntimeException {
        assertThat(number("SELECT SUM(on_hand) FROM tp_inv_balance WHERE depot_id = " + central)).isEqualTo(1000);
        assertThat(number("SELECT SUM(reserved) FROM tp_inv_balance WHERE depot_id = " + central)).isEqualTo(reserved);
        assertThat(number("SELECT COUNT(*) FROM tp_inv_balance WHERE on_hand < 0 OR reserved < 0 "
                + "OR reserved > on_hand")).isZero();
        assertThat(number("SELECT COALESCE(SUM(quantity), 0) FROM tp_inv_reservation WHERE reservation_status = 'HELD'"))
                .isEqualTo(reserved);
    }

    private long number(String sql) {
        try (Connection c = f.ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
