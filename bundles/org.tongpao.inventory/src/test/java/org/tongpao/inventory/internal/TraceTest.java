package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.AUDITOR;
import static org.tongpao.inventory.internal.Fixture.HUBEI;
import static org.tongpao.inventory.internal.Fixture.JIANGSU;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.Page;
import org.tongpao.core.persistence.Paging;
import org.tongpao.inventory.AdjustmentReason;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.LotTrace;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NewCount;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.Posting;
import org.tongpao.inventory.Provenance;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.Transfer;

/**
 * A donated lot split over two transfers, counted at one destination, issued and delivered to a front-line team:
 * the trace finds every lot, movement and transfer and the team; the reverse look-ups find the donation.
 */
class TraceTest extends WithFixture {
    private final Lot root = f.inventory.receive(ADMIN, NewReceipt.builder().depotId(f.central).itemId(f.kn95)
            .quantity(100L).origin(LotOrigin.DONATION).sourceDocument("DON-2020-0042")
            .expiryDate(TODAY.plusMonths(6)).designation(Designation.province("42")).build(), null);
    private final long bought = f.receive(f.hubeiProv, f.kn95, 20, TODAY.plusYears(2));

    private Transfer sendAndReceive(long to, long qty, String document, long received) {
        Transfer t = f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.central).toDepotId(to)
                .itemId(f.kn95).quantity(qty).lotId(root.id()).sourceDocument(document).build(), null);
        return f.inventory.receiveTransfer(ADMIN, t.id(), received, 0, null, null);
    }

    private long childIn(long depot) {
        return f.inventory.lots(ADMIN, depot, f.kn95, null, 10, null).items().stream()
                .filter(l -> root.id() == (l.parentLotId() == null ? 0 : l.parentLotId())).findFirst().orElseThrow()
                .id();
    }

    @Test
    void theTraceFollowsASplitLotThroughACountToTheUnitsThatReceivedIt() {
        Transfer toProvince = sendAndReceive(f.hubeiProv, 60, "allocation-batch:7", 60);
        Transfer toCity = sendAndReceive(f.wuhan, 40, "SHIP-88", 38); // two short on the way
        long a = childIn(f.hubeiProv);
        long b = childIn(f.wuhan);
        // a count over both lots of the provincial warehouse (no lot named): 5 missing, taken FEFO off the donation
        f.inventory.count(ADMIN, new NewCount(f.hubeiProv, List.of(new NewCount.Line(f.kn95, null, 75L)), "monthly"),
                null);
        Posting issued = f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95).quantity(10L)
                .orgUnitId(f.station).build(), null);
        Reservation held = f.inventory.reserve(ADMIN, f.wuhan, f.kn95, 30, "allocation-batch:8", null);
        Transfer delivery = f.inventory.dispatchToUnit(ADMIN, held.id(), f.station, "allocation-batch:8", null);
        f.inventory.receiveTransfer(HUBEI, delivery.id(), 30, 0, null, null);

        LotTrace trace = f.inventory.trace(ADMIN, root.id());
        assertThat(trace.lot().id()).isEqualTo(root.id());
        assertThat(trace.ancestors()).isEmpty();
        assertThat(trace.lots()).extracting(Lot::id).containsExactly(root.id(), a, b);
        assertThat(trace.lots()).allSatisfy(l -> assertThat(l.designation().provinceCode()).isEqualTo("42"));
        assertThat(trace.transfers()).extracting(Transfer::id, Transfer::sourceDocument).containsExactly(
                org.assertj.core.groups.Tuple.tuple(toProvince.id(), "allocation-batch:7"),
                org.assertj.core.groups.Tuple.tuple(toCity.id(), "SHIP-88"),
                org.assertj.core.groups.Tuple.tuple(delivery.id(), "allocation-batch:8"));
        assertThat(trace.movements()).filteredOn(m -> m.type() == MovementType.ADJUSTMENT
                && AdjustmentReason.COUNT.name().equals(m.reason())).singleElement()
                .satisfies(m -> {
                    assertThat(m.lotId()).isEqualTo(a);
                    assertThat(m.quantity()).isEqualTo(-5);
                });
        assertThat(trace.movements()).filteredOn(m -> m.type() == MovementType.ADJUSTMENT
                && AdjustmentReason.LOSS.name().equals(m.reason())).extracting(Movement::quantity).containsExactly(-2L);
        assertThat(trace.movements()).extracting(Movement::lotId).doesNotContain(bought);
        // in time order: the receipt first
        assertThat(trace.movements().get(0).type()).isEqualTo(MovementType.RECEIPT);
        assertThat(trace.receivers()).singleElement().satisfies(r -> {
            assertThat(r.orgUnitId()).isEqualTo(f.station);
            assertThat(r.unitCode()).isEqualTo("P42-WUHAN-JIANGAN-T01");
            assertThat(r.level()).isEqualTo(OrgLevel.STATION);
            assertThat(r.frontLine()).isTrue();
            assertThat(r.provinceCode()).isEqualTo("42");
            assertThat(r.quantity()).isEqualTo(40);
        });
        // from a derived lot: its ancestors, and only its own subtree
        LotTrace fromA = f.inventory.trace(HUBEI, a);
        assertThat(fromA.ancestors()).extracting(Lot::id).containsExactly(root.id());
        assertThat(fromA.lots()).extracting(Lot::id).containsExactly(a);
        assertThat(fromA.receivers()).singleElement().satisfies(r -> assertThat(r.quantity()).isEqualTo(10));

        // the reverse: from the team back to the donation, through either lot
        Page<Provenance> received = f.inventory.receivedBy(HUBEI, f.station, 50, null);
        assertThat(received.items()).hasSize(2).allSatisfy(p -> {
            assertThat(p.rootLotId()).isEqualTo(root.id());
            assertThat(p.origin()).isEqualTo(LotOrigin.DONATION);
            assertThat(p.sourceDocument()).isEqualTo("DON-2020-0042");
            assertThat(p.rootDepotId()).isEqualTo(f.central);
            assertThat(p.designation().describe()).isEqualTo("designated for province 42 (Hubei)");
            assertThat(p.movement().type()).isEqualTo(MovementType.ISSUE);
        });
        assertThat(received.items()).extracting(Provenance::lotPath)
                .containsExactly(List.of(root.id(), a), List.of(root.id(), b));
        assertThat(f.inventory.receivedBy(HUBEI, f.station, 1, null).nextCursor()).isNotNull();
        assertThat(f.inventory.origins(ADMIN, issued.id())).singleElement()
                .satisfies(p -> assertThat(p.lotPath()).containsExactly(root.id(), a));
        assertThat(f.inventory.transferOrigins(HUBEI, delivery.id())).singleElement()
                .satisfies(p -> assertThat(p.rootLotId()).isEqualTo(root.id()));
        f.assertLedgerMatchesBalances();
    }

    @Test
    void aSplitIntoSeveralLotsAtOneDepotIsFollowedToEachOfThem() {
        sendAndReceive(f.hubeiProv, 30, "allocation-batch:1", 30);
        sendAndReceive(f.hubeiProv, 30, "allocation-batch:2", 30);
        LotTrace trace = f.inventory.trace(AUDITOR, root.id());
        assertThat(trace.lots()).hasSize(3);
        assertThat(trace.transfers()).hasSize(2);
        assertThat(trace.lots().subList(1, 3)).allSatisfy(l -> {
            assertThat(l.parentLotId()).isEqualTo(root.id());
            assertThat(l.onHand()).isEqualTo(30);
        });
    }

    @Test
    void scopeAsForLots() {
        sendAndReceive(f.hubeiProv, 60, "allocation-batch:7", 60);
        f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95).quantity(10L)
                .orgUnitId(f.station).build(), null);
        // the central lot is the ministry's: a province sees its own part of the goods only
        assertThatThrownBy(() -> f.inventory.trace(HUBEI, root.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.inventory.trace(JIANGSU, childIn(f.hubeiProv))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.inventory.receivedBy(JIANGSU, f.station, 10, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.inventory.receivedBy(ADMIN, 999_999, 10, null))
                .isInstanceOf(NotFoundException.class);
        assertThat(f.inventory.receivedBy(AUDITOR, f.station, 10, null).items()).hasSize(1);
    }

    @Test
    void aLotSplitIntoMoreThanAWholeTraceHoldsIsReadAPageAtATime() throws Exception {
        Transfer toProvince = sendAndReceive(f.hubeiProv, 60, "allocation-batch:7", 60);
        long a = childIn(f.hubeiProv);
        // a whole trace bounded at 50 lots here (5,000 in service), and 50 more lots split off the one at the province
        // (as many small transfers would leave them), written straight into the table: the walk and the paging are
        // what is tested, not 50 transfers
        f.inventory.maxTraceLots(50);
        org.tongpao.core.persistence.Transactions.write(f.ds, "seed", c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO tp_inv_lot (item_id, depot_id, "
                    + "origin, source_document, expiry_date, received_on, lot_status, parent_lot_id, "
                    + "received_quantity, created_at) SELECT item_id, depot_id, origin, source_document, expiry_date, "
                    + "received_on, lot_status, id, 0, created_at FROM tp_inv_lot WHERE id = ?")) {
                for (int i = 0; i < 50; i++) {
                    ps.setLong(1, a);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            org.tongpao.core.persistence.Jdbc.update(c, "INSERT INTO tp_inv_balance (lot_id, depot_id, item_id, on_hand, "
                    + "reserved) SELECT id, depot_id, item_id, 0, 0 FROM tp_inv_lot WHERE parent_lot_id = ?", List.of(a));
            return null;
        });
        int total = 52; // the root, a, and the 50 below a

        assertThatThrownBy(() -> f.inventory.trace(ADMIN, root.id())).isInstanceOf(
                org.tongpao.core.ConflictException.class).hasMessageContaining("a page at a time");

        LotTrace first = f.inventory.trace(ADMIN, root.id(), 20, null);
        assertThat(first.lots()).hasSize(20);
        assertThat(first.lots().get(0).id()).isEqualTo(root.id());
        assertThat(first.lots().get(1).id()).isEqualTo(a);
        assertThat(first.transfers()).extracting(Transfer::id).containsExactly(toProvince.id());
        assertThat(first.nextCursor()).isNotNull();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        int pages = 0;
        String cursor = null;
        do {
            LotTrace page = f.inventory.trace(ADMIN, root.id(), 20, cursor);
            page.lots().forEach(l -> assertThat(seen.add(l.id())).as("lot %s twice", l.id()).isTrue());
            assertThat(page.lots()).hasSizeLessThanOrEqualTo(20);
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(total);
        assertThat(pages).isEqualTo(3);
        // a derived lot's trace pages over its own subtree only, with its ancestors on every page
        LotTrace fromA = f.inventory.trace(HUBEI, a, 10, Paging.cursor(a));
        assertThat(fromA.ancestors()).extracting(Lot::id).containsExactly(root.id());
        assertThat(fromA.lots()).hasSize(10).allSatisfy(l -> assertThat(l.parentLotId()).isEqualTo(a));
        assertThatThrownBy(() -> f.inventory.trace(JIANGSU, a, 10, null)).isInstanceOf(NotFoundException.class);
    }
}
