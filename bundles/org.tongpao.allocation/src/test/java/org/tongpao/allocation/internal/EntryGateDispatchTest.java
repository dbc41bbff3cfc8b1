package org.tongpao.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.allocation.internal.Fixture.ADMIN;
import static org.tongpao.allocation.internal.Fixture.ADMIN2;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.NewKeyArea;
import org.tongpao.allocation.NewNeed;
import org.tongpao.allocation.Plan;
import org.tongpao.allocation.PlanRequest;
import org.tongpao.allocation.Urgency;
import org.tongpao.allocation.spi.EntryGate;
import org.tongpao.allocation.spi.KeyAreaEntry;
import org.tongpao.core.ConflictException;
import org.tongpao.core.testing.RevocableGrant;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;

/**
 * Goods for a key area leave only when the entry gate lets them in, whichever dispatch sends them: the whole batch,
 * one shipment's depot pair, one shipment to a unit. With no gate installed nothing enters; a refusal leaves every
 * line reserved and the stock where it was. Over the real inventory; the gate is a stand-in (tongpao-passes' own is
 * tested in that bundle).
 */
class EntryGateDispatchTest extends FixtureTest {
    /** What the stand-in gate was asked, and whether it lets goods in. */
    private final List<KeyAreaEntry> asked = new CopyOnWriteArrayList<>();
    private volatile boolean open;
    private final EntryGate gate = entry -> {
        asked.add(entry);
        return open ? Optional.empty() : Optional.of("shipment SH-C-000001 has no entry pass");
    };

    @Override
    Fixture fixture() {
        return new Fixture(true);
    }

    /** Needs of Wuhan's store and of a Jiang'an station, planned from Hubei's provincial depot and approved. */
    private Batch approved() {
        f.stock.receive(ADMIN, new NewReceipt(hbProv, kn95, 1000L, LotOrigin.PURCHASE_ORDER, "PO-1",
                LocalDate.now().plusYears(2), null), null);
        f.needs.create(ADMIN, new NewNeed(station, kn95, null, 100L, Urgency.IMMEDIATE, null, null, "front line", null,
                null, true), null);
        f.needs.create(ADMIN, new NewNeed(f.unit("P42-WUHAN"), kn95, null, 200L, Urgency.H72, null, null, "city", null,
                hbWh, null), null);
        Plan p = f.allocation.propose(ADMIN, new PlanRequest(kn95, null, "42", null, null), null);
        return f.allocation.approve(ADMIN2, p.id(), null);
    }

    private void wuhanIsAKeyArea() {
        f.needs.declareKeyArea(ADMIN, new NewKeyArea(null, f.unit("P42-WUHAN"), "Wuhan"), null);
    }

    private void assertNothingLeft(Batch b) {
        assertThat(f.allocation.batch(ADMIN, b.id()).lines()).extracting(BatchLine::status).containsOnly("RESERVED");
        assertThat(f.stock.available(ADMIN, hbProv, kn95)).isEqualTo(700);
    }

    @Test
    void withNoGateInstalledNothingEntersAKeyArea() {
        Batch b = approved();
        wuhanIsAKeyArea();
        assertThatThrownBy(() -> f.allocation.dispatch(ADMIN, b.id(), "d-1"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("passes");
                    assertThat(e.getMessage()).contains("Wuhan").contains("tongpao-passes");
                });
        assertNothingLeft(b);
    }

    @Test
    void theBatchsDispatchAsksTheGateForEachLegAndARefusalMovesNothing() {
        Batch b = approved();
        wuhanIsAKeyArea();
        f.allocation.bindEntryGate(gate);
        assertThatThrownBy(() -> f.allocation.dispatch(ADMIN, b.id(), "d-1"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("passes");
                    assertThat(e.getMessage()).contains("key area Wuhan").contains("SH-C-000001 has no entry pass");
                });
        assertNothingLeft(b);
        // the gate learns the leg and the batch; no shipment is named by a batch's own dispatch
        assertThat(asked).first().satisfies(e -> {
            assertThat(e.area().label()).isEqualTo("Wuhan");
            assertThat(e.batchId()).isEqualTo(b.id());
            assertThat(e.shipmentId()).isNull();
            assertThat(e.fromDepotId()).isEqualTo(hbProv);
        });

        open = true;
        Batch sent = f.allocation.dispatch(ADMIN, b.id(), "d-2");
        assertThat(sent.lines()).extracting(BatchLine::status).containsOnly("DISPATCHED");
        assertThat(asked).extracting(e -> e.toOrgUnitId() != null ? "unit " + e.toOrgUnitId() : "depot " + e.toDepotId())
                .contains("unit " + station, "depot " + hbWh);
    }

    @Test
    void oneShipmentsLinesAreCheckedToo() {
        Batch b = approved();
        wuhanIsAKeyArea();
        f.allocation.bindEntryGate(gate);
        assertThatThrownBy(() -> f.allocation.dispatchLinesToUnit(ADMIN, b.id(), hbProv, station, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("passes"));
        assertThatThrownBy(() -> f.allocation.dispatchLines(ADMIN, b.id(), hbProv, hbWh, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("passes"));
        assertNothingLeft(b);
        open = true;
        assertThat(f.allocation.dispatchLinesToUnit(ADMIN, b.id(), hbProv, station, null).lines())
                .filteredOn(l -> l.toUnit()).extracting(BatchLine::status).containsOnly("DISPATCHED");
    }

    @Test
    void aLineTheInventoryRefusesHalfWayLeavesEveryLineReserved() {
        Batch b = approved();
        assertThat(b.lines()).hasSize(2);
        // the last line's reservation is gone: the inventory refuses it after the first line's transfer was written
        f.stock.release(ADMIN, b.lines().get(1).reservationId(), null);
        assertThatThrownBy(() -> f.allocation.dispatch(ADMIN, b.id(), "d-1")).isInstanceOf(ConflictException.class);
        // one transaction: the first line's transfer went with the refusal, nothing is in transit
        assertThat(f.allocation.batch(ADMIN, b.id()).lines()).extracting(BatchLine::status).containsOnly("RESERVED");
        assertThat(f.stock.movements(ADMIN, new org.tongpao.inventory.MovementFilter(hbProv, null, null, null, null), 50,
                null).items()).extracting(org.tongpao.inventory.Movement::type)
                .doesNotContain(org.tongpao.inventory.MovementType.TRANSFER_OUT);
    }

    @Test
    void outsideKeyAreasTheGateIsNotAsked() {
        Batch b = approved();
        f.allocation.bindEntryGate(gate);
        assertThat(f.allocation.dispatch(ADMIN, b.id(), null).lines()).extracting(BatchLine::status)
                .containsOnly("DISPATCHED");
        assertThat(asked).isEmpty();
    }

    /**
     * The gate is asked inside the dispatch's transaction: a pass revoked meanwhile either stops the dispatch or waits
     * for its commit. The stand-in gate reads a revocable grant under a shared lock to the transaction's end (as
     * tongpao-passes reads its passes) and, once it has said yes, the grant is revoked on another thread.
     */
    @Test
    void aRevocationRacingTheDispatchHappensBeforeItOrAfterItNeverInBetween() {
        Batch b = approved();
        wuhanIsAKeyArea();
        RevocableGrant pass = new RevocableGrant(f.ds);
        f.allocation.bindEntryGate(entry -> pass.checkRacingARevocation());

        Batch sent = f.allocation.dispatch(ADMIN, b.id(), "d-race");
        assertThat(pass.revokedWhileChecking()).as("the revocation went through after the gate said yes and before "
                + "the goods left").isFalse();
        pass.awaitRevocation(Duration.ofSeconds(20));
        assertThat(sent.lines()).extracting(BatchLine::status).containsOnly("DISPATCHED");
        assertThat(pass.holds()).isFalse();
    }
}
