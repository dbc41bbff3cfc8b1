package org.tongpao.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpao.transport.ShipmentEvent;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.api.ProofOfDelivery;
import org.tongpao.transport.api.TrackingStatus;

/** Status and milestones come from the whole timeline, whatever order the events arrive in. */
class TimelineTest {
    static final Instant T0 = Instant.parse("2020-02-01T08:00:00Z");
    long ids;

    ShipmentEvent ev(TrackingStatus s, int minutes) {
        ProofOfDelivery pod = s == TrackingStatus.DELIVERED ? new ProofOfDelivery("Li Wei", T0.plusSeconds(minutes * 60L), null) : null;
        return new ShipmentEvent(++ids, s, T0.plusSeconds(minutes * 60L), null, null, pod, "CARRIER", "c", T0);
    }

    static List<ShipmentEvent> sorted(List<ShipmentEvent> events) {
        List<ShipmentEvent> l = new ArrayList<>(events);
        l.sort(java.util.Comparator.comparing(ShipmentEvent::at).thenComparing(ShipmentEvent::id));
        return l;
    }

    @Test
    void theLatestEventGivesTheStatus() {
        var d = Timeline.derive(ShipmentStatus.BOOKED, sorted(List.of(ev(TrackingStatus.ACCEPTED, 10),
                ev(TrackingStatus.IN_TRANSIT, 120), ev(TrackingStatus.PICKED_UP, 60))));
        assertThat(d.status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(d.accepted()).isEqualTo(T0.plusSeconds(600));
        assertThat(d.pickedUp()).isEqualTo(T0.plusSeconds(3600));
        assertThat(d.delivered()).isNull();
    }

    @Test
    void anExceptionDoesNotCountAsAcceptanceAndCanBeOvertaken() {
        var d = Timeline.derive(ShipmentStatus.BOOKED, sorted(List.of(ev(TrackingStatus.EXCEPTION, 5))));
        assertThat(d.status()).isEqualTo(ShipmentStatus.EXCEPTION);
        assertThat(d.accepted()).isNull();
        d = Timeline.derive(ShipmentStatus.EXCEPTION, sorted(List.of(ev(TrackingStatus.EXCEPTION, 5),
                ev(TrackingStatus.AT_CHECKPOINT, 50))));
        assertThat(d.status()).isEqualTo(ShipmentStatus.AT_CHECKPOINT);
        assertThat(d.accepted()).isEqualTo(d.pickedUp()).isEqualTo(T0.plusSeconds(3000));
    }

    @Test
    void deliveryIsFinalEvenIfALateInTransitReportArrives() {
        var d = Timeline.derive(ShipmentStatus.IN_TRANSIT, sorted(List.of(ev(TrackingStatus.DELIVERED, 300),
                ev(TrackingStatus.IN_TRANSIT, 400))));
        assertThat(d.status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(d.proof().receivedBy()).isEqualTo("Li Wei");
    }

    @Test
    void receivedAndCancelledAreKept() {
        assertThat(Timeline.derive(ShipmentStatus.RECEIVED, sorted(List.of(ev(TrackingStatus.IN_TRANSIT, 1))))
                .status()).isEqualTo(ShipmentStatus.RECEIVED);
        assertThat(Timeline.derive(ShipmentStatus.CANCELLED, sorted(List.of(ev(TrackingStatus.ACCEPTED, 1))))
                .status()).isEqualTo(ShipmentStatus.CANCELLED);
    }

    @Test
    void aDispatchedShipmentShowsDispatchedUntilTheCarrierReportsMoreThanAcceptance() {
        assertThat(Timeline.derive(ShipmentStatus.DISPATCHED, sorted(List.of(ev(TrackingStatus.ACCEPTED, 1))))
                .status()).isEqualTo(ShipmentStatus.DISPATCHED);
        // the carrier's acceptance reported after the hand-over does not send the status back
        assertThat(Timeline.derive(ShipmentStatus.BOOKED, sorted(List.of(ev(TrackingStatus.ACCEPTED, 1))), true)
                .status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(Timeline.derive(ShipmentStatus.DISPATCHED, sorted(List.of(ev(TrackingStatus.ACCEPTED, 1),
                ev(TrackingStatus.IN_TRANSIT, 20))), true).status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(Timeline.derive(ShipmentStatus.DISPATCHED, sorted(List.of(ev(TrackingStatus.DELIVERED, 90))),
                true).status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(ShipmentStatus.DISPATCHED.isOpen()).isTrue();
    }
}
