package org.tongpao.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.transport.internal.TestData.aShipment;
import static org.tongpao.transport.internal.TransportFixture.ADMIN;
import static org.tongpao.transport.internal.TransportFixture.HUBEI;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.NewKeyArea;
import org.tongpao.allocation.spi.EntryGate;
import org.tongpao.allocation.spi.KeyAreaEntry;
import org.tongpao.core.ConflictException;
import org.tongpao.core.testing.RevocableGrant;
import org.tongpao.transport.EntryPass;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.ShipmentStatus;

/**
 * Handing over a shipment into a key area: the entry gate decides (the old free-text pass no longer does), with
 * this shipment named; a refusal is a 409 naming {@code passes} and moves nothing. The batch lines leave in the same
 * transaction as the shipment's hand-over: a hand-over that fails after allocation sent them leaves them reserved.
 */
class ShipmentDispatchGateTest {
    final TransportFixture f = new TransportFixture();
    final List<KeyAreaEntry> asked = new CopyOnWriteArrayList<>();
    volatile boolean open;
    /** A stand-in for tongpao-passes' gate, bound to allocation and transport as the OSGi service would be. */
    final EntryGate gate = entry -> {
        asked.add(entry);
        return open ? Optional.empty() : Optional.of("shipment has no entry pass for " + entry.area().label());
    };
    long hbProv;
    long station;
    long kn95;
    Batch batch;

    @BeforeEach
    void approvedBatchForAStationInWuhan() {
        TransportFixture.StationBatch given = f.approvedForStation();
        hbProv = given.depot();
        station = given.station();
        kn95 = given.item();
        batch = given.batch();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private Shipment booked() {
        return f.transport.book(HUBEI, aShipment().batchId(batch.id()).carrierId("swift").build(), null);
    }

    private void wuhanIsAKeyArea() {
        f.needs.declareKeyArea(ADMIN, new NewKeyArea(null, f.units.getByCode(ADMIN, "P42-WUHAN").id(), "Wuhan"), null);
    }

    private void assertNothingLeft(Shipment s) {
        assertThat(f.allocation.batch(ADMIN, batch.id()).lines()).extracting(BatchLine::status).containsOnly("RESERVED");
        assertThat(f.inventory.available(ADMIN, hbProv, kn95)).isEqualTo(500);
        Shipment now = f.transport.shipment(ADMIN, s.id());
        assertThat(now.dispatchedAt()).isNull();
        assertThat(now.status()).isEqualTo(ShipmentStatus.BOOKED);
    }

    @Test
    void theOldTextPassNoLongerOpensAKeyAreaTheGateDoes() {
        wuhanIsAKeyArea();
        Shipment s = booked();
        // a free-text pass valid now is printed on the shipment but lets nothing in
        f.transport.attachPass(HUBEI, s.id(), new EntryPass("WH-1", "Wuhan HQ", f.clock.now.minus(Duration.ofHours(1)),
                f.clock.now.plus(Duration.ofDays(2)), "鄂A·J1234", "Wang Jun"), null);
        assertThatThrownBy(() -> f.transport.dispatch(HUBEI, s.id(), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("passes");
                    assertThat(e.getMessage()).contains("key area Wuhan").contains("tongpao-passes")
                            .contains("/shipments/" + s.id() + "/passes");
                });
        assertNothingLeft(s);

        f.transport.bindEntryGate(gate);
        f.allocation.bindEntryGate(gate);
        assertThatThrownBy(() -> f.transport.dispatch(HUBEI, s.id(), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage())
                        .contains("no entry pass for Wuhan"));
        assertNothingLeft(s);
        // transport names its shipment and the moment by its clock
        assertThat(asked).first().satisfies(e -> {
            assertThat(e.shipmentId()).isEqualTo(s.id());
            assertThat(e.toOrgUnitId()).isEqualTo(station);
            assertThat(e.at()).isEqualTo(f.clock.now);
        });

        open = true;
        Shipment sent = f.transport.dispatch(HUBEI, s.id(), null);
        assertThat(sent.status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(f.allocation.batch(ADMIN, batch.id()).lines()).extracting(BatchLine::status)
                .containsOnly("DISPATCHED");
    }

    @Test
    void aKeyAreaDeclaredAfterBookingIsCheckedAtHandOver() {
        Shipment s = booked();
        assertThat(s.keyArea()).isFalse();
        wuhanIsAKeyArea();
        assertThatThrownBy(() -> f.transport.dispatch(HUBEI, s.id(), null)).isInstanceOf(ConflictException.class);
        assertNothingLeft(s);
    }

    @Test
    void aHandOverThatFailsAfterTheLinesLeftLeavesThemReserved() {
        Shipment s = booked();
        // the key already answered another request: the hand-over is refused after allocation dispatched the lines
        f.transport.attachPass(HUBEI, s.id(), new EntryPass("WH-1", "Wuhan HQ", f.clock.now.minus(Duration.ofHours(1)),
                f.clock.now.plus(Duration.ofDays(2)), "鄂A·J1234", "Wang Jun"), "used-key");
        assertThatThrownBy(() -> f.transport.dispatch(HUBEI, s.id(), "used-key")).isNotNull();
        assertNothingLeft(s);
        // the same hand-over with a fresh key goes through whole
        assertThat(f.transport.dispatch(HUBEI, s.id(), "fresh-key").status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(f.inventory.available(ADMIN, hbProv, kn95)).isEqualTo(500);
        assertThat(f.allocation.batch(ADMIN, batch.id()).lines()).extracting(BatchLine::status)
                .containsOnly("DISPATCHED");
    }

    /**
     * The gate is asked inside the hand-over's transaction: a pass revoked while the hand-over runs either stops it or
     * waits for its commit. The stand-in gate reads a revocable grant as tongpao-passes reads its passes (shared lock
     * to the transaction's end) and, once it has said yes, an officer revokes the grant on another thread.
     */
    @Test
    void aRevocationRacingTheHandOverHappensBeforeItOrAfterItNeverInBetween() {
        wuhanIsAKeyArea();
        Shipment s = booked();
        RevocableGrant pass = new RevocableGrant(f.ds);
        EntryGate racing = entry -> pass.checkRacingARevocation();
        f.transport.bindEntryGate(racing);
        f.allocation.bindEntryGate(racing);

        Shipment sent = f.transport.dispatch(HUBEI, s.id(), null);
        assertThat(pass.revokedWhileChecking()).as("the revocation went through after the gate said yes and before "
                + "the goods left").isFalse();
        pass.awaitRevocation(Duration.ofSeconds(20));
        assertThat(sent.status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(pass.holds()).isFalse();
    }
}
