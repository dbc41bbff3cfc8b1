package org.tongpao.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.allocation.internal.Fixture.ADMIN;
import static org.tongpao.allocation.internal.Fixture.ADMIN2;
import static org.tongpao.allocation.internal.Fixture.AUDITOR;
import static org.tongpao.allocation.internal.Fixture.HUBEI;
import static org.tongpao.allocation.internal.Fixture.HUBEI2;
import static org.tongpao.allocation.internal.Fixture.JIANGSU;
import static org.tongpao.allocation.internal.Fixture.OFFICER;
import static org.tongpao.allocation.internal.Fixture.WH_KEEPER;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.allocation.LineReceipt;
import org.tongpao.allocation.MutualAidOffer;
import org.tongpao.allocation.Need;
import org.tongpao.allocation.NeedFilter;
import org.tongpao.allocation.NeedState;
import org.tongpao.allocation.NewKeyArea;
import org.tongpao.allocation.NewMutualAidOffer;
import org.tongpao.allocation.NewNeed;
import org.tongpao.allocation.OfferApproval;
import org.tongpao.allocation.OfferStatus;
import org.tongpao.allocation.Plan;
import org.tongpao.allocation.PlanLine;
import org.tongpao.allocation.PlanNeedResult;
import org.tongpao.allocation.PlanRequest;
import org.tongpao.allocation.PlanStatus;
import org.tongpao.allocation.Urgency;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ValidationException;

/** Needs → plan → batch → dispatch → receipt, and mutual aid, on real Derby over a fake inventory. */
class AllocationFlowTest extends FixtureTest {
    long mask;
    long wuhan;

    @Override
    Fixture fixture() {
        return new Fixture();
    }

    @BeforeEach
    void setUp() {
        mask = f.item("MASK-MEDPROT");
        wuhan = f.unit("P42-WUHAN");
    }

    Need need(Caller c, long unit, Long item, String category, long qty, Urgency u, Integer cover) {
        return f.needs.create(c, new NewNeed(unit, item, category, qty, u, null, null, "epidemic", cover, null), null);
    }

    /** 1,000 masks at Hubei's provincial depot, 500 in the central reserve; needs of 800 (IMMEDIATE) and 1,000 (ROUTINE). */
    Need[] hubeiNeedsWithStock() {
        f.inventory.stock(hbProv, mask, 1000);
        f.inventory.stock(central, mask, 500);
        return new Need[] {need(HUBEI, station, mask, null, 800, Urgency.IMMEDIATE, 2),
            need(HUBEI, wuhan, mask, null, 1000, Urgency.ROUTINE, null)};
    }

    static final java.time.LocalDate NEEDED_BY = java.time.LocalDate.now(ZoneOffset.UTC).plusMonths(3);

    long count(String sql) {
        try (var c = f.ds.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    PlanRequest itemPlan(long item, String province) {
        return new PlanRequest(item, null, province, null, null);
    }

    @Test
    void aProvinceOrUnitIsDeclaredAKeyAreaOnlyOnce() {
        Need n = need(HUBEI, station, mask, null, 10, Urgency.H72, null);
        var area = f.needs.declareKeyArea(ADMIN, new NewKeyArea(null, wuhan, "Wuhan"), null);
        assertThatThrownBy(() -> f.needs.declareKeyArea(ADMIN2, new NewKeyArea(null, wuhan, "Wuhan again"), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already declared a key area");
        var hubei = f.needs.declareKeyArea(ADMIN, new NewKeyArea("42", null, null), null);
        assertThatThrownBy(() -> f.needs.declareKeyArea(ADMIN, new NewKeyArea("42", null, "Hubei twice"), null))
                .isInstanceOf(ConflictException.class);
        assertThat(f.needs.keyAreas(ADMIN)).extracting(k -> k.id()).containsExactly(area.id(), hubei.id());
        // a repeat of the same request with its key is not a second declaration
        assertThat(f.needs.declareKeyArea(ADMIN, new NewKeyArea("11", null, null), "ka-beijing").id())
                .isEqualTo(f.needs.declareKeyArea(ADMIN, new NewKeyArea("11", null, null), "ka-beijing").id());
        // removing the one declaration ends the key area
        f.needs.removeKeyArea(ADMIN, hubei.id(), null);
        f.needs.removeKeyArea(ADMIN, area.id(), null);
        assertThat(f.needs.get(HUBEI, n.id()).keyArea()).isFalse();
    }

    @Test
    void aNeedDueInThePastIsRefusedTodayIsNot() {
        java.time.LocalDate today = java.time.LocalDate.now(ZoneOffset.UTC);
        assertThatThrownBy(() -> f.needs.create(HUBEI, new NewNeed(station, mask, null, 5L, Urgency.H72, null,
                today.minusDays(2), null, null, null), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("neededBy"));
        assertThat(f.needs.create(HUBEI, new NewNeed(station, mask, null, 5L, Urgency.H72, null, today, null, null, null),
                null).neededBy()).isEqualTo(today);
        // a date is past once it has ended everywhere (UTC-12), less ten minutes for the client's clock
        java.time.Instant at = java.time.Instant.parse("2026-12-06T10:00:00Z");
        assertThat(JdbcNeedService.earliestNeededBy(at)).isEqualTo(java.time.LocalDate.of(2026, 12, 5));
        assertThat(JdbcNeedService.earliestNeededBy(java.time.Instant.parse("2026-12-06T12:05:00Z")))
                .isEqualTo(java.time.LocalDate.of(2026, 12, 5));
        assertThat(JdbcNeedService.earliestNeededBy(java.time.Instant.parse("2026-12-06T12:11:00Z")))
                .isEqualTo(java.time.LocalDate.of(2026, 12, 6));
    }

    @Test
    void needsTakeFrontLineFromTheUnitAndKeyAreasFromDeclarations() {
        Need n1 = need(HUBEI, station, mask, null, 800, Urgency.IMMEDIATE, 2);
        Need n2 = need(HUBEI, wuhan, mask, null, 1000, Urgency.ROUTINE, null);
        assertThat(n1.frontLine()).isTrue();
        assertThat(n2.frontLine()).isFalse();
        assertThat(n1.state()).isEqualTo(NeedState.OPEN);
        assertThat(n1.keyArea()).isFalse();

        var wuhanArea = f.needs.declareKeyArea(ADMIN, new NewKeyArea(null, wuhan, "Wuhan"), null);
        assertThat(f.needs.get(HUBEI, n1.id())).extracting(Need::keyArea, Need::keyAreaLabel).containsExactly(true, "Wuhan");
        var hubeiArea = f.needs.declareKeyArea(ADMIN, new NewKeyArea("42", null, null), null);
        assertThat(hubeiArea.label()).isEqualTo("Hubei");
        f.needs.removeKeyArea(ADMIN, wuhanArea.id(), null);
        assertThat(f.needs.get(HUBEI, n1.id()).keyAreaLabel()).isEqualTo("Hubei");
        f.needs.removeKeyArea(OFFICER, hubeiArea.id(), null);
        assertThat(f.needs.get(HUBEI, n2.id()).keyArea()).isFalse();
        // a need created inside a declared area is flagged at once
        f.needs.declareKeyArea(ADMIN, new NewKeyArea("42", null, "Hubei province"), "ka-1");
        assertThat(need(ADMIN, station, mask, null, 5, Urgency.H72, null).keyAreaLabel()).isEqualTo("Hubei province");

        Need dated = f.needs.create(HUBEI, new NewNeed(station, null, "MASK", 30L, Urgency.H72, false,
                NEEDED_BY, "for the checkpoint", 4, hbWh), "dated-1");
        assertThat(f.needs.create(HUBEI, new NewNeed(station, null, "MASK", 30L, Urgency.H72, false,
                NEEDED_BY, "for the checkpoint", 4, hbWh), "dated-1").id()).isEqualTo(dated.id());
        assertThat(dated).extracting(Need::neededBy, Need::frontLine, Need::receivingDepotId, Need::daysOfCoverLeft)
                .containsExactly(NEEDED_BY, false, hbWh, 4);
        // the category filter finds category needs and needs for its items
        assertThat(f.needs.list(ADMIN, new NeedFilter(null, null, null, null, null, "MASK"), 50, null).items())
                .extracting(Need::id).contains(n1.id(), n2.id(), dated.id());
        assertThat(f.needs.list(ADMIN, new NeedFilter(null, null, null, null, null, "SUIT"), 50, null).items()).isEmpty();
        assertThatThrownBy(() -> f.needs.create(JIANGSU, new NewNeed(f.unit("P32-NANJING"), mask, null, 1L, Urgency.H72,
                null, null, null, null, hbWh), null)).isInstanceOf(NotFoundException.class);

        assertThatThrownBy(() -> f.needs.declareKeyArea(HUBEI, new NewKeyArea("42", null, null), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.needs.create(HUBEI, new NewNeed(station, mask, "MASK", 5L, Urgency.H72, null, null,
                null, null, null), null)).isInstanceOf(ValidationException.class);
        assertThat(f.topics()).contains("NEED_CREATED", "KEY_AREA_DECLARED", "KEY_AREA_REMOVED");
    }

    /** Who sees and changes a Hubei need: the scope table. */
    @Test
    void scopeTable() {
        Need n = need(HUBEI, station, mask, null, 10, Urgency.H72, null);
        record Row(Caller caller, boolean reads, boolean listsIt, Class<? extends Exception> creates) {
        }
        List<Row> table = List.of(
                new Row(ADMIN, true, true, null),
                new Row(OFFICER, true, true, null),
                new Row(HUBEI, true, true, null),
                new Row(JIANGSU, false, false, NotFoundException.class),
                new Row(AUDITOR, true, true, AccessDeniedException.class),
                new Row(WH_KEEPER, false, false, AccessDeniedException.class));
        for (Row r : table) {
            if (r.reads()) {
                assertThat(f.needs.get(r.caller(), n.id()).id()).as(r.caller().user()).isEqualTo(n.id());
            } else {
                assertThatThrownBy(() -> f.needs.get(r.caller(), n.id())).as(r.caller().user())
                        .isInstanceOf(NotFoundException.class);
            }
            if (r.caller() != WH_KEEPER) {
                assertThat(f.needs.list(r.caller(), new NeedFilter(null, null, null, Urgency.H72, null, null), 50, null).items()).as(r.caller().user())
                        .extracting(Need::id).containsExactlyElementsOf(r.listsIt() ? List.of(n.id()) : List.of());
            }
            if (r.creates() == null) {
                assertThat(need(r.caller(), station, mask, null, 1, Urgency.ROUTINE, null).provinceCode()).isEqualTo("42");
            } else {
                assertThatThrownBy(() -> need(r.caller(), station, mask, null, 1, Urgency.ROUTINE, null))
                        .as(r.caller().user()).isInstanceOf(r.creates());
            }
        }
        assertThatThrownBy(() -> f.needs.cancel(JIANGSU, n.id(), null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.needs.cancel(AUDITOR, n.id(), null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void planApproveDispatchReceive() {
        f.inventory.stock(hbProv, mask, 1000);
        f.inventory.stock(central, mask, 500);
        f.inventory.stock(jsProv, mask, 0);
        Need n1 = need(HUBEI, station, mask, null, 800, Urgency.IMMEDIATE, 2);
        Need n2 = need(HUBEI, wuhan, mask, null, 1000, Urgency.ROUTINE, null);

        Plan plan = f.allocation.propose(OFFICER, itemPlan(mask, null), "plan-1");
        assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(plan.policy()).isEqualTo("default");
        assertThat(plan.needs()).extracting(PlanNeedResult::needId).containsExactly(n1.id(), n2.id());
        assertThat(plan.needs().get(0).reason()).startsWith("not a key area; urgency IMMEDIATE; front line; 2 days of cover");
        assertThat(plan.needs().get(1).shortReason()).isEqualTo(
                "short: 700 of 1,000; 300 remain open (not enough stock in reach)");
        // both receive at the Wuhan store (the station and Jiang'an have none), which never supplies itself
        assertThat(plan.lines()).extracting(PlanLine::needId, PlanLine::fromDepotId, PlanLine::toDepotId, PlanLine::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(n1.id(), hbProv, hbWh, 800L),
                        org.assertj.core.groups.Tuple.tuple(n2.id(), hbProv, hbWh, 200L),
                        org.assertj.core.groups.Tuple.tuple(n2.id(), central, hbWh, 500L));
        assertThat(f.allocation.propose(OFFICER, itemPlan(mask, null), "plan-1").id()).isEqualTo(plan.id());

        // approval: wrong role, same person
        assertThatThrownBy(() -> f.allocation.approve(OFFICER, plan.id(), null)).isInstanceOf(AccessDeniedException.class);
        Batch b = f.allocation.approve(ADMIN, plan.id(), "approve-1");
        int year = Year.now(ZoneOffset.UTC).getValue();
        assertThat(b.number()).isEqualTo(year + "-001");
        assertThat(b.title()).isEqualTo("Batch 1 to Hubei");
        assertThat(b.status()).isEqualTo(BatchStatus.APPROVED);
        assertThat(b.lines()).allSatisfy(l -> assertThat(l.status()).isEqualTo("RESERVED"));
        assertThat(f.inventory.stockOf(hbProv, mask)).isZero();
        assertThat(f.inventory.stockOf(central, mask)).isZero();
        assertThat(f.allocation.plan(ADMIN, plan.id())).extracting(Plan::status, Plan::batchId)
                .containsExactly(PlanStatus.APPROVED, b.id());
        assertThat(f.needs.get(ADMIN, n1.id()).state()).isEqualTo(NeedState.ALLOCATED);
        assertThat(f.needs.get(ADMIN, n2.id())).extracting(Need::state, Need::allocated)
                .containsExactly(NeedState.PARTLY_ALLOCATED, 700L);
        // a retried approval counts once
        assertThat(f.allocation.approve(ADMIN, plan.id(), "approve-1").id()).isEqualTo(b.id());
        assertThat(f.inventory.count("reserve")).isEqualTo(3);
        assertThatThrownBy(() -> f.allocation.approve(ADMIN2, plan.id(), "approve-2")).isInstanceOf(ConflictException.class);

        // dispatch, twice with the same key: counted once; another key: 409
        assertThatThrownBy(() -> f.allocation.dispatch(JIANGSU, b.id(), null)).isInstanceOf(NotFoundException.class);
        Batch sent = f.allocation.dispatch(ADMIN, b.id(), "dispatch-1");
        assertThat(sent.status()).isEqualTo(BatchStatus.DISPATCHED);
        assertThat(sent.lines()).allSatisfy(l -> assertThat(l.transferId()).isNotNull());
        assertThat(f.allocation.dispatch(ADMIN, b.id(), "dispatch-1").status()).isEqualTo(BatchStatus.DISPATCHED);
        assertThat(f.inventory.count("dispatch")).isEqualTo(3);
        assertThatThrownBy(() -> f.allocation.dispatch(ADMIN, b.id(), "dispatch-2")).isInstanceOf(ConflictException.class);

        // receipt by the receiving depot's keeper, one line, repeated: counted once
        BatchLine l1 = sent.lines().get(0);
        Batch r1 = f.allocation.receive(WH_KEEPER, b.id(), List.of(new LineReceipt(l1.id(), 800L, 0L, null)), "rcv-1");
        assertThat(r1.status()).isEqualTo(BatchStatus.PARTLY_RECEIVED);
        f.allocation.receive(WH_KEEPER, b.id(), List.of(new LineReceipt(l1.id(), 800L, 0L, null)), "rcv-1");
        assertThat(f.inventory.count("receive")).isEqualTo(1);
        assertThat(f.needs.get(ADMIN, n1.id())).extracting(Need::state, Need::received)
                .containsExactly(NeedState.FULFILLED, 800L);
        assertThatThrownBy(() -> f.allocation.receive(WH_KEEPER, b.id(),
                List.of(new LineReceipt(l1.id(), 800L, 0L, null)), "rcv-other")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.allocation.receive(JIANGSU, b.id(),
                List.of(new LineReceipt(sent.lines().get(1).id(), 1L, 0L, null)), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.allocation.receive(HUBEI, b.id(),
                List.of(new LineReceipt(sent.lines().get(1).id(), 201L, 0L, null)), null))
                .isInstanceOf(ValidationException.class);

        // the receiving depot's keeper lists the batch; plans are not its business
        assertThat(f.allocation.batches(WH_KEEPER, null, 10, null).items()).extracting(Batch::id).containsExactly(b.id());
        Caller jsKeeper = Caller.of("jskeeper", java.util.Set.of("depot-keeper", "depot-JS-PROV-01"), "req-jsk");
        assertThat(f.allocation.batches(jsKeeper, null, 10, null).items()).isEmpty();
        assertThatThrownBy(() -> f.allocation.batch(jsKeeper, b.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.allocation.plan(WH_KEEPER, plan.id())).isInstanceOf(AccessDeniedException.class);

        // the rest, with a shortfall and damage: what did not arrive usable goes back to the need
        Batch done = f.allocation.receive(HUBEI, b.id(), List.of(
                new LineReceipt(sent.lines().get(1).id(), 200L, 20L, "wet cartons"),
                new LineReceipt(sent.lines().get(2).id(), 450L, 0L, "50 missing")), "rcv-2");
        assertThat(done.status()).isEqualTo(BatchStatus.RECEIVED);
        assertThat(done.lines().get(1)).extracting(BatchLine::receivedQuantity, BatchLine::damagedQuantity)
                .containsExactly(200L, 20L);
        assertThat(f.needs.get(ADMIN, n2.id())).extracting(Need::state, Need::allocated, Need::received)
                .containsExactly(NeedState.PARTLY_ALLOCATED, 630L, 630L);
        assertThat(f.inventory.receivedAt(hbWh, mask)).isEqualTo(800 + 180 + 450);

        assertThat(f.topics()).containsSubsequence("NEED_CREATED", "PLAN_PROPOSED", "BATCH_APPROVED", "PLAN_APPROVED",
                "BATCH_DISPATCHED", "BATCH_LINE_RECEIVED", "BATCH_RECEIVED");
        assertThat(f.topics()).contains("NEED_STATE_CHANGED");
    }

    @Test
    void eachShipmentDispatchesOnlyItsOwnLinesAndTheBatchFollowsItsLines() {
        Need[] hubei = hubeiNeedsWithStock();
        Need n1 = hubei[0];
        Need n2 = hubei[1];
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        f.allocation.receiptListeners.add((caller, batch, lines) -> lines.forEach(l -> told.add(caller.user() + " "
                + batch.status() + " line " + l.lineNo())));
        Batch b = f.allocation.approve(ADMIN, f.allocation.propose(OFFICER, itemPlan(mask, null), null).id(), null);
        // planned needs show where their goods go
        assertThat(f.needs.get(HUBEI, n1.id()).receivingDepotId()).isEqualTo(hbWh);
        assertThat(f.needs.get(HUBEI, n2.id()).receivingDepotId()).isEqualTo(hbWh);

        // the central reserve's shipment leaves; the provincial store's lines stay reserved where they are
        Batch partly = f.allocation.dispatchLines(ADMIN, b.id(), central, hbWh, "shipment-1-dispatch");
        assertThat(partly.status()).isEqualTo(BatchStatus.PARTLY_DISPATCHED);
        assertThat(partly.lines()).extracting(BatchLine::fromDepotId, BatchLine::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(hbProv, "RESERVED"), org.assertj.core.groups.Tuple.tuple(hbProv, "RESERVED"),
                org.assertj.core.groups.Tuple.tuple(central, "DISPATCHED"));
        assertThat(partly.dispatchedAt()).isNull();
        assertThat(f.inventory.count("dispatch")).isEqualTo(1);
        // a retry, with or without its key, moves nothing more
        assertThat(f.allocation.dispatchLines(ADMIN, b.id(), central, hbWh, "shipment-1-dispatch").status())
                .isEqualTo(BatchStatus.PARTLY_DISPATCHED);
        assertThat(f.allocation.dispatchLines(ADMIN, b.id(), central, hbWh, null).status())
                .isEqualTo(BatchStatus.PARTLY_DISPATCHED);
        assertThat(f.inventory.count("dispatch")).isEqualTo(1);
        assertThatThrownBy(() -> f.allocation.dispatchLines(ADMIN, b.id(), jsProv, hbWh, null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.allocation.dispatchLines(JIANGSU, b.id(), central, hbWh, null))
                .isInstanceOf(NotFoundException.class);

        // what has left can be received while the rest still waits; listeners hear of it
        BatchLine fromCentral = partly.lines().get(2);
        Batch r = f.allocation.receive(WH_KEEPER, b.id(), List.of(new LineReceipt(fromCentral.id(), 500L, 0L, null)), null);
        assertThat(r.status()).isEqualTo(BatchStatus.PARTLY_DISPATCHED);
        assertThat(told).containsExactly("keeper PARTLY_DISPATCHED line 3");
        assertThatThrownBy(() -> f.allocation.receive(WH_KEEPER, b.id(),
                List.of(new LineReceipt(partly.lines().get(0).id(), 800L, 0L, null)), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not in transit");

        // the second shipment: now every line has left
        Batch all = f.allocation.dispatchLines(HUBEI, b.id(), hbProv, hbWh, "shipment-2-dispatch");
        assertThat(all.status()).isEqualTo(BatchStatus.PARTLY_RECEIVED);
        assertThat(all.dispatchedBy()).isEqualTo("hubei");
        assertThat(f.inventory.count("dispatch")).isEqualTo(3);
        assertThatThrownBy(() -> f.allocation.dispatch(ADMIN, b.id(), null)).isInstanceOf(ConflictException.class);
        Batch done = f.allocation.receive(HUBEI, b.id(), List.of(new LineReceipt(all.lines().get(0).id(), 800L, 0L, null),
                new LineReceipt(all.lines().get(1).id(), 200L, 0L, null)), null);
        assertThat(done.status()).isEqualTo(BatchStatus.RECEIVED);
        assertThat(told).containsExactly("keeper PARTLY_DISPATCHED line 3", "hubei RECEIVED line 1", "hubei RECEIVED line 2");
        assertThat(f.needs.get(HUBEI, n1.id())).extracting(Need::state, Need::receivingDepotId)
                .containsExactly(NeedState.FULFILLED, hbWh);
        assertThat(f.topics()).containsSubsequence("BATCH_APPROVED", "BATCH_PARTLY_DISPATCHED", "BATCH_DISPATCHED",
                "BATCH_RECEIVED");
        assertThat(BatchStatuses.derived(BatchStatus.APPROVED, List.of("RESERVED", "RESERVED")))
                .isEqualTo(BatchStatus.APPROVED);
        assertThat(BatchStatuses.derived(BatchStatus.APPROVED, List.of("DISPATCHED", "DISPATCHED")))
                .isEqualTo(BatchStatus.DISPATCHED);
        assertThat(BatchStatuses.derived(BatchStatus.RESERVING, List.of("RESERVED", "PLANNED")))
                .isEqualTo(BatchStatus.RESERVING);
    }

    @Test
    void aBatchDispatchedWholeStillShipsAndAnApprovedBatchStillDispatchesWhole() {
        hubeiNeedsWithStock();
        Batch b = f.allocation.approve(ADMIN, f.allocation.propose(OFFICER, itemPlan(mask, null), null).id(), null);
        f.allocation.dispatchLines(ADMIN, b.id(), central, hbWh, null);
        // the batch's own dispatch sends what still waits
        Batch rest = f.allocation.dispatch(ADMIN, b.id(), "d-1");
        assertThat(rest.status()).isEqualTo(BatchStatus.DISPATCHED);
        assertThat(f.allocation.dispatch(ADMIN, b.id(), "d-1").status()).isEqualTo(BatchStatus.DISPATCHED);
        assertThat(f.inventory.count("dispatch")).isEqualTo(3);
        // a shipment of lines that left with the batch is dispatched without moving anything
        assertThat(f.allocation.dispatchLines(ADMIN, b.id(), hbProv, hbWh, "shipment-9-dispatch").status())
                .isEqualTo(BatchStatus.DISPATCHED);
        assertThat(f.inventory.count("dispatch")).isEqualTo(3);
    }

    @Test
    void batchesAreNumberedPerDestinationProvinceAndNationally() {
        long nanjing = f.unit("P32-NANJING");
        int year = Year.now(ZoneOffset.UTC).getValue();
        Batch h1 = batchTo(station, mask, hbProv, null);
        Batch j1 = batchTo(nanjing, kn95, central, "32");
        Batch h2 = batchTo(station, mask, hbProv, null);
        assertThat(List.of(h1, j1, h2)).extracting(Batch::number, Batch::destinationSequence, Batch::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple(year + "-001", 1, "Batch 1 to Hubei"),
                org.assertj.core.groups.Tuple.tuple(year + "-002", 1, "Batch 1 to Jiangsu"),
                org.assertj.core.groups.Tuple.tuple(year + "-003", 2, "Batch 2 to Hubei"));
        assertThat(f.allocation.batch(HUBEI, h2.id()).destinationSequence()).isEqualTo(2);
    }

    private Batch batchTo(long unit, long item, long from, String province) {
        f.inventory.stock(from, item, 100);
        need(ADMIN, unit, item, null, 100, Urgency.H72, null);
        Plan p = f.allocation.propose(OFFICER, new PlanRequest(item, null, province, List.of(from), null), null);
        return f.allocation.approve(ADMIN, p.id(), null);
    }

    @Test
    void batchNumbersComeFromACounterRowWithoutGapsOrDuplicatesUnderConcurrency() throws Exception {
        int threads = 6;
        int each = 15;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<List<Integer>>> runs = new java.util.ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    List<Integer> got = new java.util.ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        got.add(nextNumber());
                    }
                    return got;
                }));
            }
            start.countDown();
            List<Integer> all = new java.util.ArrayList<>();
            for (var r : runs) {
                all.addAll(r.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(threads * each).doesNotHaveDuplicates();
            assertThat(java.util.Collections.max(all)).isEqualTo(threads * each);
        } finally {
            pool.shutdownNow();
        }
    }

    /** As approval does: the year's row created first (racing threads meet there), then one write under core's retry rule. */
    private int nextNumber() {
        BatchNumbers.ensure(f.ds, "42", 2020);
        return org.tongpao.core.persistence.Transactions.write(f.ds, "counter test", c -> BatchNumbers.next(c, "42", 2020));
    }

    @Test
    void aMutualAidOfferBeyondTheDepotsAvailableStockIsRefused() {
        f.inventory.stock(jsProv, mask, 800);
        assertThatThrownBy(() -> f.allocation.offer(JIANGSU, new NewMutualAidOffer(jsProv, mask, 100_000L, "42", null),
                "big-offer"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("has 800 of item " + mask + " available").hasMessageContaining("99,200 short");
        assertThat(f.allocation.offers(ADMIN, null, 10, null).items()).isEmpty();
        assertThat(f.allocation.offer(JIANGSU, new NewMutualAidOffer(jsProv, mask, 800L, "42", null), null).status())
                .isEqualTo(OfferStatus.OFFERED);
    }

    @Test
    void anApprovalRefusedInsideItsTransactionLeavesNoBatchAndPostsNothing() {
        Need[] hubei = hubeiNeedsWithStock();
        Plan plan = f.allocation.propose(OFFICER, itemPlan(mask, null), null);
        f.needs.cancel(HUBEI, hubei[0].id(), null); // the need changed since the plan was proposed
        List<String> before = f.topics();
        assertThatThrownBy(() -> f.allocation.approve(ADMIN, plan.id(), null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("changed since plan " + plan.id());
        assertThat(f.topics()).isEqualTo(before);
        assertThat(f.core.outbox.unpublished()).isZero();
        assertThat(f.allocation.batches(ADMIN, null, 10, null).items()).isEmpty();
        assertThat(f.allocation.plan(ADMIN, plan.id()).status()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void approvalReservesAllOrNothing() {
        Need[] hubei = hubeiNeedsWithStock();
        Need n1 = hubei[0];
        Need n2 = hubei[1];
        Plan plan = f.allocation.propose(OFFICER, itemPlan(mask, null), null);
        f.inventory.stock(central, mask, 100); // someone took stock since the plan was made

        assertThatThrownBy(() -> f.allocation.approve(ADMIN, plan.id(), "a-1"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("line 3").hasMessageContaining("need " + n2.id());
        assertThat(f.inventory.stockOf(hbProv, mask)).isEqualTo(1000);
        assertThat(f.inventory.stockOf(central, mask)).isEqualTo(100);
        // all-or-nothing: no batch record is left behind (the audit trail keeps the refusal)
        assertThat(f.allocation.batches(ADMIN, null, 10, null).items()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM tp_alloc_batch")).isZero();
        assertThat(count("SELECT COUNT(*) FROM tp_alloc_batch_line")).isZero();
        assertThat(count("SELECT COUNT(*) FROM tp_audit WHERE entity = 'allocation-batch' AND action = 'FAIL'"))
                .isEqualTo(1);
        assertThat(f.allocation.plan(ADMIN, plan.id())).extracting(Plan::status, Plan::batchId)
                .containsExactly(PlanStatus.DRAFT, null);
        assertThat(f.needs.get(ADMIN, n1.id()).state()).isEqualTo(NeedState.OPEN);
        // the same key repeats the failure; a new key after the stock is back succeeds, and no number was burned
        assertThatThrownBy(() -> f.allocation.approve(ADMIN, plan.id(), "a-1")).isInstanceOf(ConflictException.class);
        f.inventory.stock(central, mask, 500);
        Batch b = f.allocation.approve(ADMIN, plan.id(), "a-2");
        assertThat(b.number()).endsWith("-001");
        assertThat(f.topics()).contains("BATCH_FAILED", "BATCH_APPROVED");
    }

    @Test
    void provincialPlansStayInTheProvinceAndNeedASecondOfficer() {
        f.inventory.stock(hbProv, mask, 300);
        f.inventory.stock(jsProv, mask, 5000);
        f.inventory.stock(central, mask, 5000);
        need(HUBEI, station, mask, null, 500, Urgency.H72, null);

        Plan p = f.allocation.propose(HUBEI, itemPlan(mask, null), null);
        assertThat(p.scope()).isEqualTo("province:42");
        assertThat(p.lines()).extracting(PlanLine::fromDepotId).containsOnly(hbProv);
        assertThat(p.totalPlanned()).isEqualTo(300);
        assertThatThrownBy(() -> f.allocation.propose(HUBEI, itemPlan(mask, "32"), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.allocation.propose(HUBEI, new PlanRequest(mask, null, null, List.of(jsProv), null), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.allocation.plan(JIANGSU, p.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.allocation.approve(HUBEI, p.id(), null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("different person");
        assertThatThrownBy(() -> f.allocation.approve(JIANGSU, p.id(), null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.allocation.approve(AUDITOR, p.id(), null)).isInstanceOf(AccessDeniedException.class);
        Batch b = f.allocation.approve(HUBEI2, p.id(), null);
        assertThat(b.status()).isEqualTo(BatchStatus.APPROVED);
        assertThat(f.allocation.batches(HUBEI, null, 10, null).items()).extracting(Batch::id).containsExactly(b.id());
        assertThat(f.allocation.batches(JIANGSU, null, 10, null).items()).isEmpty();
        assertThat(f.allocation.plans(JIANGSU, null, 10, null).items()).isEmpty();

        // a national plan is invisible to a province officer and approved by ministry-admin only
        Plan national = f.allocation.propose(ADMIN, itemPlan(mask, null), null);
        assertThatThrownBy(() -> f.allocation.approve(HUBEI2, national.id(), null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.allocation.approve(ADMIN, national.id(), null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void newerPlanSupersedesDraftsAndCancelledNeedsStopApproval() {
        f.inventory.stock(hbProv, kn95, 100);
        Need cat = need(HUBEI, station, null, "MASK", 50, Urgency.IMMEDIATE, null);
        Plan first = f.allocation.propose(OFFICER, new PlanRequest(null, "MASK", "42", null, null), null);
        assertThat(first.lines()).extracting(PlanLine::itemId, PlanLine::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(kn95, 50L));
        Plan second = f.allocation.propose(OFFICER, new PlanRequest(null, "MASK", "42", null, "again"), null);
        assertThat(f.allocation.plan(ADMIN, first.id()).status()).isEqualTo(PlanStatus.SUPERSEDED);
        assertThatThrownBy(() -> f.allocation.approve(ADMIN, first.id(), null)).isInstanceOf(ConflictException.class);

        assertThat(f.needs.cancel(HUBEI, cat.id(), "c-1").state()).isEqualTo(NeedState.CANCELLED);
        assertThat(f.needs.cancel(HUBEI, cat.id(), "c-1").state()).isEqualTo(NeedState.CANCELLED);
        assertThatThrownBy(() -> f.needs.cancel(HUBEI, cat.id(), "c-2")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.allocation.approve(ADMIN, second.id(), null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Need " + cat.id());
        assertThat(f.inventory.stockOf(hbProv, kn95)).isEqualTo(100);
        assertThat(f.allocation.reject(ADMIN, second.id(), "cancelled", null).status()).isEqualTo(PlanStatus.REJECTED);
        assertThat(f.topics()).contains("PLAN_SUPERSEDED", "PLAN_REJECTED", "NEED_CANCELLED");
    }

    @Test
    void mutualAidFromJiangsuToHubei() {
        f.inventory.stock(jsProv, mask, 1000);
        Need n = need(HUBEI, station, mask, null, 400, Urgency.IMMEDIATE, null);
        NewMutualAidOffer cmd = new NewMutualAidOffer(jsProv, mask, 400L, "42", "from Nanjing");
        assertThatThrownBy(() -> f.allocation.offer(HUBEI, cmd, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.allocation.offer(ADMIN, cmd, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.allocation.offer(JIANGSU, new NewMutualAidOffer(jsProv, mask, 1L, "32", null), null))
                .isInstanceOf(ValidationException.class);
        MutualAidOffer o = f.allocation.offer(JIANGSU, cmd, "offer-1");
        assertThat(f.allocation.offer(JIANGSU, cmd, "offer-1").id()).isEqualTo(o.id());
        assertThat(o.status()).isEqualTo(OfferStatus.OFFERED);
        assertThat(f.allocation.offers(HUBEI, null, 10, null).items()).extracting(MutualAidOffer::id).containsExactly(o.id());
        Caller beijing = Caller.of("bj", java.util.Set.of("province-officer", "province-11"), "req-bj");
        assertThatThrownBy(() -> f.allocation.getOffer(beijing, o.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.allocation.approveOffer(OFFICER, o.id(), null, null))
                .isInstanceOf(AccessDeniedException.class);

        Batch b = f.allocation.approveOffer(ADMIN, o.id(), new OfferApproval(null, n.id()), "aid-1");
        assertThat(f.allocation.approveOffer(ADMIN, o.id(), new OfferApproval(null, n.id()), "aid-1").id()).isEqualTo(b.id());
        assertThat(b.kind()).isEqualTo("MUTUAL_AID");
        assertThat(b.title()).isEqualTo("Batch 1: mutual aid from Jiangsu to Hubei");
        assertThat(b.lines()).singleElement().extracting(BatchLine::fromDepotId, BatchLine::toDepotId, BatchLine::quantity)
                .containsExactly(jsProv, hbProv, 400L);
        assertThat(f.allocation.getOffer(JIANGSU, o.id())).extracting(MutualAidOffer::status, MutualAidOffer::batchId)
                .containsExactly(OfferStatus.APPROVED, b.id());
        assertThat(f.needs.get(HUBEI, n.id()).state()).isEqualTo(NeedState.ALLOCATED);
        assertThat(f.inventory.stockOf(jsProv, mask)).isEqualTo(600);

        assertThatThrownBy(() -> f.allocation.dispatch(HUBEI, b.id(), null)).isInstanceOf(AccessDeniedException.class);
        f.allocation.dispatch(JIANGSU, b.id(), "aid-d");
        assertThatThrownBy(() -> f.allocation.receive(JIANGSU, b.id(),
                List.of(new LineReceipt(b.lines().get(0).id(), 400L, 0L, null)), null))
                .isInstanceOf(AccessDeniedException.class);
        Batch received = f.allocation.receive(HUBEI, b.id(), List.of(new LineReceipt(b.lines().get(0).id(), 400L, 0L,
                null)), "aid-r");
        assertThat(received.status()).isEqualTo(BatchStatus.RECEIVED);
        assertThat(f.needs.get(HUBEI, n.id()).state()).isEqualTo(NeedState.FULFILLED);
        assertThat(f.topics()).contains("OFFER_CREATED", "OFFER_APPROVED", "BATCH_RECEIVED");

        MutualAidOffer other = f.allocation.offer(JIANGSU, new NewMutualAidOffer(jsProv, mask, 10L, "42", null), null);
        assertThat(f.allocation.rejectOffer(OFFICER, other.id(), null, null).status()).isEqualTo(OfferStatus.REJECTED);
        assertThatThrownBy(() -> f.allocation.approveOffer(ADMIN, other.id(), null, null))
                .isInstanceOf(ConflictException.class);
    }
}
