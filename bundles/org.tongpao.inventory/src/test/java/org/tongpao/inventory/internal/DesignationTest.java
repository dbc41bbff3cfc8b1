package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.HUBEI;
import static org.tongpao.inventory.internal.Fixture.OFFICER;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.DesignatedStock;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.Destination;
import org.tongpao.inventory.DispatchOrder;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.Posting;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.Transfer;

/** Designated stock: stored, inherited, enforced on every path out of a depot, overridden only by a ministry-admin. */
class DesignationTest extends WithFixture {
    private final long nanjing = f.id("tp_org_unit", "P32-NANJING");
    private final long wuhanBureau = f.id("tp_org_unit", "P42-WUHAN");

    private Lot donated(long depot, long qty, Designation d) {
        return f.inventory.receive(ADMIN, NewReceipt.builder().depotId(depot).itemId(f.kn95).quantity(qty)
                .origin(LotOrigin.DONATION).sourceDocument("DON-2020-0042").expiryDate(TODAY.plusMonths(6))
                .designation(d).build(), null);
    }

    private NewTransfer.Builder transfer(long from, long to, long qty) {
        return NewTransfer.builder().fromDepotId(from).toDepotId(to).itemId(f.kn95).quantity(qty);
    }

    private NewIssue.Builder issue(long depot, long unit, long qty) {
        return NewIssue.builder().depotId(depot).itemId(f.kn95).quantity(qty).orgUnitId(unit);
    }

    @Test
    void aReceiptKeepsItsDesignationWithTheProvinceNameAsLabel() {
        Lot lot = donated(f.central, 100, Designation.province("42"));
        assertThat(lot.designation()).isEqualTo(new Designation(Designation.Kind.PROVINCE, "42", null, "Hubei"));
        assertThat(f.inventory.lot(ADMIN, lot.id()).designation().describe())
                .isEqualTo("designated for province 42 (Hubei)");
        assertThat(donated(f.central, 5, Designation.orgUnit(wuhanBureau)).designation().label())
                .isEqualTo("Wuhan Municipal Public Security Bureau");
        assertThat(donated(f.central, 5, null).designation()).isNull();
    }

    @Test
    void aBadDesignationIsA400NamingItsFieldAndWritesNothing() {
        long lots = f.count("tp_inv_lot");
        assertThatThrownBy(() -> donated(f.central, 1, Designation.province("99")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("designation.provinceCode"));
        assertThatThrownBy(() -> donated(f.central, 1, new Designation(Designation.Kind.ORG_UNIT, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("designation.orgUnitId"));
        assertThatThrownBy(() -> donated(f.central, 1, Designation.orgUnit(999_999)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("designation.orgUnitId"));
        assertThatThrownBy(() -> donated(f.central, 1, new Designation(Designation.Kind.FRONT_LINE, "42", null, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("designation.provinceCode"));
        assertThatThrownBy(() -> donated(f.central, 1, new Designation(null, "42", null, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("designation.kind"));
        assertThat(f.count("tp_inv_lot")).isEqualTo(lots);
    }

    @Test
    void aNamedLotCannotBeTransferredOutsideItsProvinceAndNothingIsWritten() {
        Lot lot = donated(f.central, 100, Designation.province("42"));
        long movements = f.count("tp_inv_movement");
        assertThatThrownBy(() -> f.inventory.transferOut(ADMIN, transfer(f.central, f.jiangsu, 10).lotId(lot.id())
                .build(), "t-1")).isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("lotId");
                    assertThat(e.getMessage()).contains("designated by the donor for province 42 (Hubei)")
                            .contains("depot JS-PROV-01 in province 32");
                });
        assertThat(f.count("tp_inv_movement")).isEqualTo(movements);
        assertThat(f.onHand(lot.id())).isEqualTo(100);
    }

    @Test
    void fefoSkipsLotsDesignatedElsewhereAndA409NamesThemWhenNothingElseIsLeft() {
        Lot designated = donated(f.central, 100, Designation.province("42"));
        long free = f.receive(f.central, f.kn95, 30, TODAY.plusYears(2)); // expires later: FEFO would take it second
        Transfer t = f.inventory.transferOut(ADMIN, transfer(f.central, f.jiangsu, 30).build(), null);
        assertThat(t.quantity()).isEqualTo(30);
        assertThat(f.onHand(free)).isZero();
        assertThat(f.onHand(designated.id())).isEqualTo(100);
        assertThatThrownBy(() -> f.inventory.transferOut(ADMIN, transfer(f.central, f.jiangsu, 1).build(), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("toDepotId");
                    assertThat(e.getMessage()).contains("100 more are designated by the donor for province 42 (Hubei)");
                });
        // inside Hubei the same lot goes, and the lot made at the destination inherits the designation
        Transfer in = f.inventory.transferOut(ADMIN, transfer(f.central, f.hubeiProv, 40).build(), null);
        f.inventory.receiveTransfer(ADMIN, in.id(), 40, 0, null, null);
        Lot child = f.inventory.lots(ADMIN, f.hubeiProv, f.kn95, null, 10, null).items().get(0);
        assertThat(child.parentLotId()).isEqualTo(designated.id());
        assertThat(child.designation()).isEqualTo(designated.designation());
        // and stays bound: from Hubei to Jiangsu it cannot go either
        assertThatThrownBy(() -> f.inventory.transferOut(ADMIN, transfer(f.hubeiProv, f.jiangsu, 1).build(), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("province 42 (Hubei)");
        f.assertLedgerMatchesBalances();
    }

    @Test
    void issuesFollowTheDesignation() {
        Lot hubei = donated(f.hubeiProv, 50, Designation.province("42"));
        assertThatThrownBy(() -> f.inventory.issue(ADMIN, issue(f.hubeiProv, nanjing, 5).lotId(hubei.id()).build(),
                null)).isInstanceOf(ConflictException.class).hasMessageContaining("province 42 (Hubei)");
        assertThat(f.inventory.issue(ADMIN, issue(f.hubeiProv, f.station, 5).build(), null).movements())
                .singleElement().satisfies(m -> assertThat(m.lotId()).isEqualTo(hubei.id()));

        Lot front = donated(f.wuhan, 20, Designation.frontLine());
        assertThatThrownBy(() -> f.inventory.issue(ADMIN, issue(f.wuhan, wuhanBureau, 5).lotId(front.id()).build(),
                null)).isInstanceOf(ConflictException.class).hasMessageContaining("designated by the donor for the front line")
                .hasMessageContaining("org unit P42-WUHAN (prefecture)");
        assertThat(f.inventory.issue(ADMIN, issue(f.wuhan, f.station, 5).build(), null).movements()).hasSize(1);
        // on the way to the front line any depot may hold it
        assertThat(f.inventory.transferOut(ADMIN, transfer(f.wuhan, f.hubeiProv, 5).lotId(front.id()).build(), null)
                .quantity()).isEqualTo(5);

        Lot wuhanOnly = donated(f.wuhan, 20, Designation.orgUnit(wuhanBureau));
        assertThatThrownBy(() -> f.inventory.transferOut(ADMIN, transfer(f.wuhan, f.hubeiProv, 5)
                .lotId(wuhanOnly.id()).build(), null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("org unit " + wuhanBureau + " (Wuhan Municipal Public Security Bureau)");
        assertThat(f.inventory.issue(ADMIN, issue(f.wuhan, f.station, 5).lotId(wuhanOnly.id()).build(), null)
                .movements()).hasSize(1);
        f.assertLedgerMatchesBalances();
    }

    @Test
    void aMinistryAdminMayOverrideWithAReasonRecordedAuditedAndAnnounced() {
        Lot lot = donated(f.central, 100, Designation.province("42"));
        String reason = "Nanjing outbreak: Hubei agreed to lend 10";
        assertThatThrownBy(() -> f.inventory.transferOut(OFFICER, transfer(f.central, f.jiangsu, 10).lotId(lot.id())
                .overrideReason(reason).build(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.inventory.transferOut(ADMIN, transfer(f.central, f.jiangsu, 10).lotId(lot.id())
                .overrideReason("because").build(), null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("overrideReason"));
        long audits = f.count("tp_audit");
        Transfer t = f.inventory.transferOut(ADMIN, transfer(f.central, f.jiangsu, 10).overrideReason(reason).build(),
                "override-1");
        // a repeat of the key moves nothing twice and records no second override
        assertThat(f.inventory.transferOut(ADMIN, transfer(f.central, f.jiangsu, 10).overrideReason(reason).build(),
                "override-1").id()).isEqualTo(t.id());
        assertThat(f.onHand(lot.id())).isEqualTo(90);
        assertThat(f.number("SELECT COUNT(*) FROM tp_inv_designation_override WHERE lot_id = " + lot.id()
                + " AND transfer_id = " + t.id() + " AND quantity = 10 AND actor = 'admin'")).isEqualTo(1);
        assertThat(f.number("SELECT COUNT(*) FROM tp_audit WHERE entity = 'lot' AND entity_id = '" + lot.id()
                + "' AND action = 'DESIGNATION_OVERRIDE'")).isEqualTo(1);
        assertThat(f.count("tp_audit")).isEqualTo(audits + 2); // the transfer's own and the override
        List<Event> events = f.events(InventoryTopics.DESIGNATION_OVERRIDDEN);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getProperty("lotId")).isEqualTo(lot.id());
            assertThat(e.getProperty("designation")).isEqualTo("designated for province 42 (Hubei)");
            assertThat(e.getProperty("reason")).isEqualTo(reason);
            assertThat(e.getProperty("transferId")).isEqualTo(t.id());
            assertThat(e.getProperty("toDepotId")).isEqualTo(f.jiangsu);
            assertThat(e.getProperty("actor")).isEqualTo("admin");
        });
        assertThat(f.inventory.trace(ADMIN, lot.id()).overrides()).singleElement().satisfies(o -> {
            assertThat(o.reason()).isEqualTo(reason);
            assertThat(o.operation()).isEqualTo("transfer-out");
            assertThat(o.quantity()).isEqualTo(10);
            assertThat(o.postingId()).isNotNull();
        });
        // an override given where none is needed records nothing
        long free = f.receive(f.central, f.kn95, 5, TODAY.plusYears(1));
        f.inventory.transferOut(ADMIN, transfer(f.central, f.jiangsu, 5).lotId(free).overrideReason(reason).build(),
                null);
        assertThat(f.count("tp_inv_designation_override")).isEqualTo(1);
        f.assertLedgerMatchesBalances();
    }

    @Test
    void anIssueOverrideIsRecordedToo() {
        Lot lot = donated(f.hubeiProv, 20, Designation.frontLine());
        Posting p = f.inventory.issue(ADMIN, issue(f.hubeiProv, wuhanBureau, 4).overrideReason("bureau clinic "
                + "ran out of masks on the night shift").build(), null);
        assertThat(f.inventory.trace(ADMIN, lot.id()).overrides()).singleElement().satisfies(o -> {
            assertThat(o.postingId()).isEqualTo(p.id());
            assertThat(o.toOrgUnitId()).isEqualTo(wuhanBureau);
            assertThat(o.transferId()).isNull();
        });
    }

    @Test
    void reservationsForADestinationTakeOnlyWhatItAdmitsAndDispatchChecksTheHeldLots() {
        Lot designated = donated(f.central, 100, Designation.province("42"));
        long free = f.receive(f.central, f.kn95, 30, TODAY.plusYears(2));
        // for Jiangsu only the free lot counts
        assertThat(f.inventory.available(ADMIN, f.central, f.kn95)).isEqualTo(130);
        assertThat(f.inventory.available(ADMIN, f.central, f.kn95, Destination.depot(f.jiangsu))).isEqualTo(30);
        assertThat(f.inventory.available(ADMIN, f.central, f.kn95, Destination.unit(f.station))).isEqualTo(130);
        assertThat(f.inventory.designated(ADMIN, List.of(f.central, f.jiangsu), List.of(f.kn95)))
                .containsExactly(new DesignatedStock(f.central, f.kn95, designated.designation(), 100));
        assertThatThrownBy(() -> f.inventory.reserve(ADMIN, f.central, f.kn95, 31, "allocation-batch:1",
                Destination.depot(f.jiangsu), null)).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.getMessage()).contains("province 42 (Hubei)"));
        Reservation forJiangsu = f.inventory.reserve(ADMIN, f.central, f.kn95, 30, "allocation-batch:1",
                Destination.depot(f.jiangsu), null);
        assertThat(forJiangsu.lines()).extracting(Reservation.Line::lotId).containsExactly(free);
        // a reservation whose destination is not known takes undesignated stock first; here only designated is left
        Reservation unknown = f.inventory.reserve(ADMIN, f.central, f.kn95, 10, "allocation-batch:2", null);
        assertThat(unknown.lines()).extracting(Reservation.Line::lotId).containsExactly(designated.id());
        // an approved route to Jiangsu cannot take it; the reservation stays held, nothing moves
        assertThatThrownBy(() -> f.inventory.dispatch(ADMIN, unknown.id(), f.jiangsu, "B-2", null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("toDepotId");
                    assertThat(e.getMessage()).contains("province 42 (Hubei)");
                });
        assertThat(f.inventory.reservation(ADMIN, unknown.id()).status()).isEqualTo(Reservation.Status.HELD);
        // a ministry-admin's dispatch with a reason does, recorded
        Transfer t = f.inventory.dispatch(ADMIN, unknown.id(), new DispatchOrder(f.jiangsu, "B-2",
                "approved by the ministry on 2020-02-10"), null);
        assertThat(f.inventory.trace(ADMIN, designated.id()).overrides()).singleElement()
                .satisfies(o -> assertThat(o.transferId()).isEqualTo(t.id()));
        // and to Hubei it goes without one
        Reservation forHubei = f.inventory.reserve(ADMIN, f.central, f.kn95, 20, "allocation-batch:3",
                Destination.unit(f.station), null);
        assertThat(f.inventory.dispatchToUnit(ADMIN, forHubei.id(), f.station, "B-3", null).toOrgUnitId())
                .isEqualTo(f.station);
        f.assertLedgerMatchesBalances();
    }

    @Test
    void aProvinceOfficerCannotOverride() {
        Lot lot = donated(f.hubeiProv, 20, Designation.orgUnit(wuhanBureau));
        assertThatThrownBy(() -> f.inventory.issue(HUBEI, issue(f.hubeiProv, f.id("tp_org_unit", "P42"), 1)
                .lotId(lot.id()).overrideReason("the department needs them today").build(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.inventory.issue(HUBEI, issue(f.hubeiProv, f.id("tp_org_unit", "P42"), 1)
                .lotId(lot.id()).build(), null)).isInstanceOf(ConflictException.class);
        assertThat(f.onHand(lot.id())).isEqualTo(20);
        assertThat(f.events(InventoryTopics.DESIGNATION_OVERRIDDEN)).isEmpty();
    }
}
