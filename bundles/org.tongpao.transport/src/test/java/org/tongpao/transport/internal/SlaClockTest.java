package org.tongpao.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongpao.transport.Sla;
import org.tongpao.transport.SlaMilestone;
import org.tongpao.transport.SlaState;
import org.tongpao.transport.api.ServicePromise;

/** The SLA clock with time passed in: accept within 1 h, pick up within 24 h, deliver within 48 h (24 h into Hubei). */
class SlaClockTest {
    static final Instant BOOKED = Instant.parse("2020-02-01T08:00:00Z");
    static final ServicePromise PROMISE = new ServicePromise(Duration.ofHours(1), Duration.ofHours(24),
            Duration.ofHours(48), Map.of("42", Duration.ofHours(24)));

    static Instant at(long minutes) {
        return BOOKED.plus(Duration.ofMinutes(minutes));
    }

    static SlaClock.Progress progress(Instant accepted, Instant pickedUp, Instant delivered) {
        return new SlaClock.Progress(accepted, pickedUp, delivered);
    }

    static Map<String, SlaState> states(Sla sla) {
        return sla.milestones().stream().collect(java.util.stream.Collectors.toMap(SlaMilestone::name, SlaMilestone::state));
    }

    @Test
    void anEarlierDeliverByBringsTheDeliveryDeadlineForwardALaterOneDoesNot() {
        SlaClock.Deadlines early = SlaClock.deadlines(PROMISE, BOOKED, "32", at(30 * 60));
        assertThat(early.delivery().due()).isEqualTo(at(30 * 60));
        assertThat(early.delivery().warnFrom()).isEqualTo(at(24 * 60));
        assertThat(early.pickup().due()).isEqualTo(at(24 * 60));
        assertThat(SlaClock.deadlines(PROMISE, BOOKED, "32", at(72 * 60)).delivery().due()).isEqualTo(at(48 * 60));
        assertThat(SlaClock.deadlines(PROMISE, BOOKED, "42", at(30 * 60)).delivery().due()).isEqualTo(at(24 * 60));
        // a date already past at booking (a rebooking late in the day) leaves the promise's deadline
        assertThat(SlaClock.deadlines(PROMISE, BOOKED, "32", at(-5)).delivery().due()).isEqualTo(at(48 * 60));
        // and the clock breaches on it
        assertThat(SlaClock.evaluate(early, progress(at(10), at(60), null), true, at(31 * 60)).state())
                .isEqualTo(SlaState.BREACHED);
    }

    @Test
    void aContractIsRefusedWhenAMilestoneIsDueBeforeTheOneItFollows() {
        CarrierContracts.requireMilestonesInOrder(PROMISE);
        CarrierContracts.requireMilestonesInOrder(ServicePromise.of(Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofHours(1)));
        assertField(ServicePromise.of(Duration.ofHours(2), Duration.ofHours(1), Duration.ofHours(48)), "pickupWithin");
        assertField(ServicePromise.of(Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(12)), "deliverWithin");
        assertField(new ServicePromise(Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(48),
                Map.of("42", Duration.ofHours(12))), "deliverWithinByProvince[42]");
    }

    static void assertField(ServicePromise p, String field) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CarrierContracts.requireMilestonesInOrder(p))
                .isInstanceOfSatisfying(org.tongpao.core.ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void deadlinesFollowThePromiseAndTheDestinationProvince() {
        SlaClock.Deadlines hubei = SlaClock.deadlines(PROMISE, BOOKED, "42");
        SlaClock.Deadlines jiangsu = SlaClock.deadlines(PROMISE, BOOKED, "32");
        assertThat(hubei.accept().due()).isEqualTo(at(60));
        assertThat(hubei.accept().warnFrom()).isEqualTo(at(48));
        assertThat(hubei.delivery().due()).isEqualTo(at(24 * 60));
        assertThat(jiangsu.delivery().due()).isEqualTo(at(48 * 60));
        assertThat(jiangsu.delivery().warnFrom()).isEqualTo(at(48 * 60 - 48 * 12));
    }

    @Test
    void nothingHappenedYet() {
        SlaClock.Deadlines d = SlaClock.deadlines(PROMISE, BOOKED, "32");
        assertThat(SlaClock.evaluate(d, progress(null, null, null), true, at(10)).state()).isEqualTo(SlaState.PENDING);
        assertThat(states(SlaClock.evaluate(d, progress(null, null, null), true, at(48))))
                .containsEntry("ACCEPT", SlaState.AT_RISK).containsEntry("PICKUP", SlaState.PENDING);
        Sla late = SlaClock.evaluate(d, progress(null, null, null), true, at(60));
        assertThat(late.state()).isEqualTo(SlaState.BREACHED);
        assertThat(states(late)).containsEntry("ACCEPT", SlaState.BREACHED).containsEntry("DELIVERY", SlaState.PENDING);
    }

    @Test
    void doneInTimeIsMetAndDoneLateStaysLateForever() {
        SlaClock.Deadlines d = SlaClock.deadlines(PROMISE, BOOKED, "32");
        Sla sla = SlaClock.evaluate(d, progress(at(30), at(25 * 60), null), true, at(30 * 60));
        assertThat(states(sla)).containsEntry("ACCEPT", SlaState.MET).containsEntry("PICKUP", SlaState.LATE)
                .containsEntry("DELIVERY", SlaState.PENDING);
        assertThat(sla.state()).isEqualTo(SlaState.LATE);
        Sla done = SlaClock.evaluate(d, progress(at(30), at(25 * 60), at(47 * 60)), false, at(100 * 60));
        assertThat(states(done)).containsEntry("DELIVERY", SlaState.MET);
        assertThat(done.state()).isEqualTo(SlaState.LATE);
    }

    @Test
    void aLaterMilestoneImpliesTheEarlierOnes() {
        SlaClock.Deadlines d = SlaClock.deadlines(PROMISE, BOOKED, "32");
        // the carrier reported only "delivered", after 40 minutes: accepted and picked up by then too
        Sla sla = SlaClock.evaluate(d, progress(null, null, at(40)), false, at(2000));
        assertThat(sla.milestones()).allMatch(m -> m.state() == SlaState.MET && at(40).equals(m.done()));
    }

    @Test
    void aCancelledShipmentOwesNothingMore() {
        SlaClock.Deadlines d = SlaClock.deadlines(PROMISE, BOOKED, "32");
        Sla sla = SlaClock.evaluate(d, progress(at(10), null, null), false, at(100 * 60));
        assertThat(sla.milestones()).extracting(SlaMilestone::name).containsExactly("ACCEPT");
        assertThat(sla.state()).isEqualTo(SlaState.MET);
    }

    @Test
    void theWorstMilestoneIsTheShipmentsState() {
        assertThat(SlaState.BREACHED.compareTo(SlaState.LATE)).isPositive();
        assertThat(SlaState.LATE.compareTo(SlaState.AT_RISK)).isPositive();
        assertThat(SlaState.AT_RISK.compareTo(SlaState.PENDING)).isPositive();
        assertThat(SlaState.PENDING.compareTo(SlaState.MET)).isPositive();
    }

    @Test
    void theWatchLooksNextAtTheEarliestWarningOrDeadlineNotYetFlaggedAndNeverAtAStoppedClock() {
        SlaClock.Deadlines d = SlaClock.deadlines(PROMISE, BOOKED, "42", null);
        SlaClock.Progress none = progress(null, null, null);
        // accept within 1 h: at risk from minute 48
        assertThat(SlaClock.nextAlert(d, none, true, java.util.Set.of())).isEqualTo(at(48));
        assertThat(SlaClock.nextAlert(d, none, true, java.util.Set.of("ACCEPT:AT_RISK"))).isEqualTo(at(60));
        // acceptance breached and flagged: next is pick-up's warning (24 h window: from 19 h 12 min)
        assertThat(SlaClock.nextAlert(d, none, true, java.util.Set.of("ACCEPT:BREACHED"))).isEqualTo(at(19 * 60 + 12));
        // accepted and picked up: only the delivery is owed (24 h into Hubei)
        assertThat(SlaClock.nextAlert(d, progress(at(10), at(120), null), true, java.util.Set.of()))
                .isEqualTo(at(19 * 60 + 12));
        assertThat(SlaClock.nextAlert(d, progress(at(10), at(120), null), true,
                java.util.Set.of("DELIVERY:AT_RISK"))).isEqualTo(at(24 * 60));
        // delivered, everything flagged, or a clock stopped (a recall): nothing to look at
        assertThat(SlaClock.nextAlert(d, progress(null, null, at(600)), true, java.util.Set.of())).isNull();
        assertThat(SlaClock.nextAlert(d, none, true, java.util.Set.of("ACCEPT:BREACHED", "PICKUP:BREACHED",
                "DELIVERY:BREACHED"))).isNull();
        assertThat(SlaClock.nextAlert(d, none, false, java.util.Set.of())).isNull();
    }
}
