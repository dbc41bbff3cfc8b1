package org.tongpao.transport.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.transport.api.CarrierException;
import org.tongpao.transport.api.ProofOfDelivery;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingStatus;

/** The fake runtime as TrackingSink: like the platform, only booked waybills of this carrier, duplicates ignored. */
class FakeTongpaoSinkTest {
    static final java.time.Instant T0 = InMemoryCarrier.T0;
    FakeTongpao tongpao;
    String waybill;

    @BeforeEach
    void book() throws CarrierException {
        tongpao = new FakeTongpao("im", new InMemoryCarrier());
        waybill = tongpao.book(Samples.order("SH-SINK")).waybill();
    }

    @AfterEach
    void close() {
        tongpao.close();
    }

    @Test
    void recordsEventsAndIgnoresDuplicates() {
        TrackingEvent picked = TrackingEvent.of(waybill, TrackingStatus.PICKED_UP, T0, "Beijing");
        assertThat(tongpao.publish("im", List.of(picked))).isEqualTo(1);
        assertThat(tongpao.publish("im", List.of(picked, TrackingEvent.of(waybill, TrackingStatus.IN_TRANSIT,
                T0.plusSeconds(60), null)))).isEqualTo(1);
        assertThat(tongpao.pushedEvents(waybill)).extracting(TrackingEvent::status)
                .containsExactly(TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT);
    }

    @Test
    void refusesWaybillsItDidNotBookAndOtherCarriers() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> tongpao.publish("im", List.of(TrackingEvent.of("NOT-BOOKED", TrackingStatus.PICKED_UP, T0, null))))
                .withMessageStartingWith("unknown waybill NOT-BOOKED");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> tongpao.publish("other", List.of(TrackingEvent.of(waybill, TrackingStatus.PICKED_UP, T0, null))))
                .withMessageContaining("registered only carrier im");
        assertThat(tongpao.pushedEvents()).isEmpty();
    }

    @Test
    void awaitsAnEventPushedFromAnotherThread() {
        TrackingEvent delivered = new TrackingEvent(waybill, TrackingStatus.DELIVERED, T0, "Wuhan", null,
                new ProofOfDelivery("Li Wei", T0, "sig-1"));
        new Thread(() -> tongpao.publish("im", List.of(delivered))).start();
        assertThat(tongpao.awaitPushed(waybill, TrackingStatus.DELIVERED, Duration.ofSeconds(5))).isEqualTo(delivered);
    }

    @Test
    void waitingInVainSaysWhatArrived() {
        tongpao.publish("im", List.of(TrackingEvent.of(waybill, TrackingStatus.PICKED_UP, T0, null)));
        assertThatThrownBy(() -> tongpao.awaitPushed(waybill, TrackingStatus.DELIVERED, Duration.ofMillis(50)))
                .isInstanceOf(ContractViolation.class)
                .hasMessage("no DELIVERED event was pushed for waybill " + waybill + " within 50 ms; pushed so far: [PICKED_UP]");
    }

    @Test
    void refusesABadCarrierId() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FakeTongpao("Express!", new InMemoryCarrier()))
                .withMessageContaining("tongpao.carrier.id");
    }
}
