package org.tongpao.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.transport.api.Booking;
import org.tongpao.transport.api.Carrier;
import org.tongpao.transport.api.CarrierException;
import org.tongpao.transport.api.CarrierProfile;
import org.tongpao.transport.api.Quote;
import org.tongpao.transport.api.ServicePromise;
import org.tongpao.transport.api.ShipmentOrder;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingMode;
import org.tongpao.transport.api.TransportMode;

/** The carrier registry on the partner-call kit: a carrier's failures, refusals and coming and going. */
class CarrierRegistryTest {
    static final ServicePromise PROMISE = ServicePromise.of(Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(48));
    final CarrierRegistry registry = new CarrierRegistry();
    final CountDownLatch release = new CountDownLatch(1);

    CarrierRegistryTest() {
        registry.configure(config(200, 1, 1));
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        registry.deactivate();
    }

    static TransportConfig config(int timeout, int threads, int queue) {
        return new TransportConfig() {
            public Class<? extends Annotation> annotationType() { return TransportConfig.class; }
            public int callTimeoutMillis() { return timeout; }
            public int threadsPerCarrier() { return threads; }
            public int queuePerCarrier() { return queue; }
            public int slaScanSeconds() { return 60; }
        };
    }

    /** A carrier whose every call does {@code behaviour}. */
    class Scripted implements Carrier {
        final java.util.function.Supplier<Object> behaviour;

        Scripted(java.util.function.Supplier<Object> behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public CarrierProfile profile() {
            return (CarrierProfile) behaviour.get();
        }

        @Override
        public Quote quote(ShipmentOrder order) {
            return (Quote) behaviour.get();
        }

        @Override
        public Booking book(ShipmentOrder order) throws CarrierException {
            return (Booking) behaviour.get();
        }

        @Override
        public void cancel(String waybill, String reason) {
            behaviour.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<TrackingEvent> track(String waybill) {
            return (List<TrackingEvent>) behaviour.get();
        }
    }

    static CarrierProfile profile() {
        return new CarrierProfile("Good", Set.of(TransportMode.ROAD), Set.of(), BigDecimal.TEN, Set.of(TrackingMode.PULL), PROMISE);
    }

    Object hang() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    // the isolation itself (time limit, bounded queue, remembered answers) is tested once, in core's PartnerCallsTest

    @Test
    void aHangingCarrierTimesOut() throws Exception {
        registry.add("slow", new Scripted(this::hang), 7, 1);
        assertThatThrownBy(() -> registry.profile("slow")).isInstanceOf(PartnerFailure.class)
                .hasMessageContaining("carrier slow did not answer profile within 200 ms");
    }

    @Test
    void throwingNullAndContractBreakingAnswersAreTheCarriersFailure() {
        registry.add("boom", new Scripted(() -> {
            throw new IllegalStateException("NPE in partner code");
        }), 7, 1);
        registry.add("empty", new Scripted(() -> null), 7, 2);
        registry.add("nonsense", new Scripted(() -> new Booking("not a waybill!", null, null)), 7, 3);
        assertThatThrownBy(() -> registry.profile("boom")).isInstanceOf(PartnerFailure.class)
                .hasMessageContaining("NPE in partner code").matches(e -> ((PartnerFailure) e).kind() == PartnerFailure.Kind.BROKEN);
        assertThatThrownBy(() -> registry.call("empty", "book", c -> c.book(null))).hasMessageContaining("answered book with nothing");
        assertThatThrownBy(() -> registry.call("nonsense", "book", c -> c.book(null))).hasMessageContaining("waybill may contain");
    }

    @Test
    void aRefusalKeepsTheCarriersMessageAndRetryability() {
        Carrier refusing = new Scripted(null) {
            @Override
            public Booking book(ShipmentOrder order) throws CarrierException {
                throw new CarrierException("no trucks into Wuhan today", false);
            }
        };
        registry.add("refusing", refusing, 9, 2);
        assertThatThrownBy(() -> registry.call("refusing", "book", c -> c.book(null))).isInstanceOf(PartnerFailure.class)
                .hasMessage("carrier refusing refused book: no trucks into Wuhan today")
                .matches(e -> !((PartnerFailure) e).retryable() && ((PartnerFailure) e).kind() == PartnerFailure.Kind.REFUSED);
    }

    @Test
    void carriersComeAndGoAndIdsAreChecked() {
        Carrier good = new Scripted(CarrierRegistryTest::profile);
        registry.add("Bad Id", good, 7, 1);
        registry.add("good", good, 7, 2);
        registry.add("good", new Scripted(CarrierRegistryTest::profile), 9, 3);
        assertThat(registry.ids()).containsExactly("good");
        assertThat(registry.owner("good")).contains(7L);
        registry.remove("good", new Scripted(CarrierRegistryTest::profile)); // another service: ignored
        assertThat(registry.isAvailable("good")).isTrue();
        registry.remove("good", good);
        assertThat(registry.isAvailable("good")).isFalse();
        assertThatThrownBy(() -> registry.profile("good")).hasMessage("carrier good is not available");
    }
}
