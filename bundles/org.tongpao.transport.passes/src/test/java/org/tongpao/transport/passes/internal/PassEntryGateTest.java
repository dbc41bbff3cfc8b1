package org.tongpao.transport.passes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.transport.passes.internal.PassFixture.API;
import static org.tongpao.transport.passes.internal.PassFixture.HUBEI;
import static org.tongpao.transport.passes.internal.PassFixture.OFFICER;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.spi.KeyAreaEntry;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.LockRace;

/**
 * The one key-area rule, over stored passes: goods enter when their shipment holds a pass for the area that is
 * printed, not revoked and valid at that moment; anything else is refused with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PassEntryGateTest {
    private final PassFixture f = new PassFixture();
    private final PassEntryGate gate = f.gate();
    /** Wuhan's subtree, as allocation declares it (key area 3, the pass fixture's). */
    private final KeyArea wuhan = new KeyArea(PassFixture.KEY_AREA, null, f.unit("P42-WUHAN"), "P42-WUHAN", "Wuhan",
            "admin", Instant.EPOCH);
    private final KeyArea hubei = new KeyArea(7, "42", null, null, "Hubei", "admin", Instant.EPOCH);

    @AfterAll
    void close() {
        f.close();
    }

    private Optional<String> enter(KeyArea area, long shipment, Instant at) {
        return gate.refusal(new KeyAreaEntry(area, at, shipment, null, 1, 2L, null));
    }

    private Pass printed(long shipment, NewPass p) {
        Pass pass = f.passes.issue(HUBEI, shipment, p, null);
        f.passes.print(HUBEI, shipment, pass.id(), URI.create(API));
        return pass;
    }

    private NewPass forKeyArea(long id) {
        NewPass w = f.wuhan("鄂A·J1234");
        return new NewPass(id, null, null, w.validFrom(), w.validUntil(), w.vehiclePlate(), w.authority());
    }

    @Test
    void withoutAPassNothingEnters() {
        long s = f.shipment();
        assertThat(enter(wuhan, s, f.clock.now)).hasValueSatisfying(
                why -> assertThat(why).contains(String.format("SH-C-%06d", s)).contains("has no entry pass"));
    }

    @Test
    void aPrintedPassForTheAreaValidNowLetsTheGoodsIn() {
        long s = f.shipment();
        printed(s, forKeyArea(PassFixture.KEY_AREA));
        assertThat(enter(wuhan, s, f.clock.now)).isEmpty();
        // ... only inside its window: before it and after it the goods wait
        Pass p = f.passes.passes(OFFICER, s, 10, null).items().get(0);
        assertThat(enter(wuhan, s, p.validFrom().minusSeconds(1))).hasValueSatisfying(
                why -> assertThat(why).contains("NOT_YET_VALID"));
        assertThat(enter(wuhan, s, p.validUntil())).hasValueSatisfying(why -> assertThat(why).contains("EXPIRED"));
    }

    @Test
    void aPassNeverPrintedCannotBeVerifiedAtACheckpointSoItDoesNotCount() {
        long s = f.shipment();
        f.passes.issue(HUBEI, s, forKeyArea(PassFixture.KEY_AREA), null);
        assertThat(enter(wuhan, s, f.clock.now)).hasValueSatisfying(why -> assertThat(why).contains("never printed"));
    }

    @Test
    void aRevokedPassStopsTheGoodsAtOnce() {
        long s = f.shipment();
        Pass p = printed(s, forKeyArea(PassFixture.KEY_AREA));
        assertThat(enter(wuhan, s, f.clock.now)).isEmpty();
        f.passes.revoke(HUBEI, s, p.id(), "车辆改派 vehicle reassigned", null);
        assertThat(enter(wuhan, s, f.clock.now)).hasValueSatisfying(why -> assertThat(why).contains("REVOKED"));
    }

    @Test
    void aPassForAnotherAreaOrAFreeTextNameDoesNotCount() {
        long s = f.shipment();
        NewPass w = f.wuhan("鄂A·J1234");
        // a district below the key area's unit does not open the whole city
        printed(s, new NewPass(null, f.unit("P42-WUHAN-JIANGAN"), null, w.validFrom(), w.validUntil(), w.vehiclePlate(),
                w.authority()));
        printed(s, new NewPass(null, null, "武汉市", w.validFrom(), w.validUntil(), w.vehiclePlate(), w.authority()));
        assertThat(enter(wuhan, s, f.clock.now)).hasValueSatisfying(why -> assertThat(why).contains("is for 武汉市)").contains("江岸区"));
    }

    @Test
    void aPassForTheAreasUnitOrOneAboveItCoversItButNotOneBelow() {
        long city = f.shipment();
        printed(city, f.wuhan("鄂A·J1234"));
        assertThat(enter(wuhan, city, f.clock.now)).isEmpty();
        // the city's pass does not open the whole province
        assertThat(enter(hubei, city, f.clock.now)).isPresent();
        long province = f.shipment();
        NewPass w = f.wuhan("鄂A·J1234");
        printed(province, new NewPass(null, f.unit("P42"), null, w.validFrom(), w.validUntil(), w.vehiclePlate(),
                w.authority()));
        assertThat(enter(hubei, province, f.clock.now)).isEmpty();
        assertThat(enter(wuhan, province, f.clock.now)).isEmpty();
    }

    @Test
    void aBatchDispatchedWithoutNamingItsShipmentIsCheckedAgainstTheShipmentOfItsLeg() {
        long s = f.shipment();
        KeyAreaEntry leg = new KeyAreaEntry(wuhan, f.clock.now, null, s, 1, 2L, null);
        assertThat(gate.refusal(leg)).isPresent();
        printed(s, forKeyArea(PassFixture.KEY_AREA));
        assertThat(gate.refusal(leg)).isEmpty();
        // another leg of the batch has no shipment at all
        assertThat(gate.refusal(new KeyAreaEntry(wuhan, f.clock.now, null, s, 1, 5L, null)))
                .hasValueSatisfying(why -> assertThat(why).contains("no open shipment carries them"));
        // a plain move never names a batch: without its shipment there is nothing to look at
        assertThat(gate.refusal(new KeyAreaEntry(wuhan, f.clock.now.plus(1, ChronoUnit.SECONDS), null, null, 1, 2L,
                null))).isPresent();
    }

    /**
     * Asked inside a dispatch's transaction, the gate's yes holds until that transaction ends: the passes it read stay
     * locked, so an officer's revocation waits for the dispatch's commit instead of landing in between.
     */
    @Test
    void aRevocationWaitsForTheDispatchTheGateLetThrough() {
        long s = f.shipment();
        Pass p = printed(s, forKeyArea(PassFixture.KEY_AREA));
        AtomicReference<LockRace> revocation = new AtomicReference<>();
        boolean revokedInBetween = Transactions.enclosing(f.ds, "a dispatch", c -> {
            assertThat(enter(wuhan, s, f.clock.now)).isEmpty();
            revocation.set(LockRace.start("revoke", () -> f.passes.revoke(HUBEI, s, p.id(), "车辆改派", null)));
            return revocation.get().endedOrWaiting(Duration.ofSeconds(20));
        });
        assertThat(revokedInBetween).as("revoked after the gate's yes, before the dispatch committed").isFalse();
        revocation.get().join(Duration.ofSeconds(20));
        assertThat(enter(wuhan, s, f.clock.now)).hasValueSatisfying(why -> assertThat(why).contains("REVOKED"));
    }

    /** A revocation under way when a dispatch asks is waited for and seen (on PostgreSQL too, where reads don't wait). */
    @Test
    void aRevocationUnderWayIsWaitedForAndSeen() throws Exception {
        long s = f.shipment();
        Pass p = printed(s, forKeyArea(PassFixture.KEY_AREA));
        AtomicReference<Optional<String>> answer = new AtomicReference<>();
        try (Connection officer = f.ds.getConnection()) {
            officer.setAutoCommit(false);
            assertThat(PassDao.revoke(officer, p.id(), "hubei", "车辆改派", f.clock.now)).isTrue();
            LockRace dispatch = LockRace.start("dispatch", () -> answer.set(Transactions.enclosing(f.ds, "a dispatch",
                    c -> enter(wuhan, s, f.clock.now))));
            assertThat(dispatch.endedOrWaiting(Duration.ofSeconds(20))).as("the gate answered past an open revocation")
                    .isFalse();
            officer.commit();
            dispatch.join(Duration.ofSeconds(20));
        }
        assertThat(answer.get()).hasValueSatisfying(why -> assertThat(why).contains("REVOKED"));
    }
}
