package org.example.express.carrier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.example.express.simulator.CourierSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.transport.api.Booking;
import org.tongpao.transport.api.CarrierException;
import org.tongpao.transport.api.ShipmentOrder;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingStatus;
import org.tongpao.transport.testkit.ContractViolation;
import org.tongpao.transport.testkit.FakeTongpao;
import org.tongpao.transport.testkit.Samples;

/** Booking, tracking and every failure mode through the real HTTP path, called as Tongpao calls it. */
class ExpressCarrierTest {
    CourierSimulator courier;
    FakeTongpao tongpao;

    @BeforeEach
    void start() throws Exception {
        courier = new CourierSimulator().start();
        tongpao = new FakeTongpao("express", carrier(courier.baseUrl(), courier.apiKey(), Duration.ofMillis(800)));
    }

    @AfterEach
    void stop() {
        tongpao.close();
        courier.stop();
    }

    static ExpressCarrier carrier(String baseUrl, String apiKey, Duration timeout) {
        return new ExpressCarrier(new CourierClient(URI.create(baseUrl), apiKey, timeout));
    }

    @Test
    void aShipmentFromBookingToProofOfDelivery() throws Exception {
        ShipmentOrder order = Samples.order("SH-2026-0001");
        Booking booking = tongpao.book(order);
        assertThat(tongpao.book(order).waybill()).isEqualTo(booking.waybill()); // a retry books nothing new
        assertThat(courier.orderCount()).isEqualTo(1);
        assertThat(booking.estimatedDelivery()).isAfter(booking.estimatedPickup());

        courier.pickUp(booking.waybill(), "Beijing hub");
        courier.inTransit(booking.waybill(), "G4 expressway");
        courier.atCheckpoint(booking.waybill(), "Wuhan entry checkpoint");
        courier.deliver(booking.waybill(), "Li Wei");

        List<TrackingEvent> events = tongpao.track(booking.waybill());
        assertThat(events).extracting(TrackingEvent::status).containsExactly(TrackingStatus.ACCEPTED,
                TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT, TrackingStatus.AT_CHECKPOINT, TrackingStatus.DELIVERED);
        assertThat(events.get(2).location()).isEqualTo("G4 expressway");
        TrackingEvent delivered = events.get(4);
        assertThat(delivered.proof().receivedBy()).isEqualTo("Li Wei");
        assertThat(delivered.proof().reference()).isEqualTo("sig-" + booking.waybill());
    }

    @Test
    void quotesComeFromExpress() throws Exception {
        var quote = tongpao.quote(Samples.order("SH-Q"));
        assertThat(quote.price()).isEqualByComparingTo("90.00");
        assertThat(quote.currency()).isEqualTo("CNY");
        assertThat(quote.deliverWithin()).isEqualTo(Duration.ofHours(20));
    }

    @Test
    void aDeliveryToAFrontLineUnitIsQuotedAsADoorstepDelivery() throws Exception {
        // SPI 1.2: Tongpao says the destination is a unit without a depot; Express charges 15 CNY for the door
        var quote = tongpao.quote(Samples.toUnit(Samples.order("SH-U")), Samples.unitDestination());
        assertThat(quote.price()).isEqualByComparingTo("105.00");
        var booking = tongpao.book(Samples.toUnit(Samples.order("SH-U")), Samples.unitDestination());
        assertThat(booking.waybill()).isNotBlank();
    }

    @Test
    void cancelBeforePickupButNotAfter() throws Exception {
        Booking early = tongpao.book(Samples.order("SH-C1"));
        tongpao.cancel(early.waybill(), "plan changed");
        assertThat(courier.state(early.waybill())).isEqualTo("CANCELLED");
        assertThat(tongpao.track(early.waybill())).extracting(TrackingEvent::status).containsExactly(TrackingStatus.ACCEPTED, TrackingStatus.CANCELLED);

        Booking late = tongpao.book(Samples.order("SH-C2"));
        courier.pickUp(late.waybill(), "Beijing hub");
        assertThatThrownBy(() -> tongpao.cancel(late.waybill(), "plan changed"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("can no longer be cancelled").hasMessageContaining("HTTP 409");
    }

    @Test
    void expressDownForMaintenanceIsRetryable() throws Exception {
        courier.failNextCalls(1);
        assertThatThrownBy(() -> tongpao.book(Samples.order("SH-503")))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessage("Express is unavailable (HTTP 503: Express is down for maintenance); try again later");
        assertThat(tongpao.book(Samples.order("SH-503")).waybill()).isNotBlank(); // the retry goes through
    }

    @Test
    void aHangingExpressBecomesARetryableFailureBeforeTongpaosLimit() {
        courier.hangNextCalls(1);
        long start = System.nanoTime();
        assertThatThrownBy(() -> tongpao.book(Samples.order("SH-HANG")))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessage("Express did not answer booking SH-HANG within 800 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FakeTongpao.DEFAULT_CALL_TIMEOUT);
        courier.releaseHungCalls();
    }

    @Test
    void aTimeLimitAboveTongpaosIsCaughtByTheTestkit() {
        try (FakeTongpao strict = new FakeTongpao("express",
                carrier(courier.baseUrl(), courier.apiKey(), Duration.ofSeconds(3)), Duration.ofMillis(300))) {
            courier.hangNextCalls(1);
            assertThatThrownBy(() -> strict.track("EX000001"))
                    .isInstanceOf(ContractViolation.class).hasMessageContaining("did not answer within 300 ms");
        } finally {
            courier.releaseHungCalls();
        }
    }

    @Test
    void expressUnreachableIsRetryable() throws Exception {
        String url = courier.baseUrl();
        courier.stop();
        try (FakeTongpao down = new FakeTongpao("express", carrier(url, "k", Duration.ofMillis(800)))) {
            assertThatThrownBy(() -> down.quote(Samples.order("SH-DOWN")))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.isRetryable()).isTrue())
                    .hasMessageStartingWith("Express cannot be reached");
        }
    }

    @Test
    void refusalsAreNotRetryable() {
        ShipmentOrder heavy = new ShipmentOrder("SH-HEAVY", Samples.CENTRAL_RESERVE, Samples.WUHAN_DEPOT, 40,
                new BigDecimal("2500"), null, Samples.order("x").readyAt(), null, false, null);
        assertThatThrownBy(() -> tongpao.book(heavy))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessage("Express refused booking SH-HEAVY: Express takes at most 2000 kg per order (HTTP 422 OVERWEIGHT)");
        assertThatThrownBy(() -> tongpao.track("EX999999"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("no order EX999999");
        try (FakeTongpao wrongKey = new FakeTongpao("express", carrier(courier.baseUrl(), "stolen", Duration.ofSeconds(1)))) {
            assertThatThrownBy(() -> wrongKey.quote(Samples.order("SH-K")))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.isRetryable()).isFalse())
                    .hasMessageContaining("check .apiKey in etc/org.example.express.cfg");
        }
    }

    @Test
    void anOrderExpressNeverAcceptsShowsNoAcceptedEvent() throws Exception {
        courier.acceptOrders(false);
        Booking booking = tongpao.book(Samples.order("SH-SLA"));
        assertThat(tongpao.track(booking.waybill())).isEmpty(); // Tongpao's SLA check sees no ACCEPTED in time
    }

    @Test
    void configurationIsChecked() {
        assertThatIllegalArgumentException().isThrownBy(() -> carrier("ftp://x", "k", Duration.ofSeconds(1)))
                .withMessageStartingWith("baseUrl");
        assertThatIllegalArgumentException().isThrownBy(() -> carrier("http://127.0.0.1:1", " ", Duration.ofSeconds(1)))
                .withMessage(".apiKey is required");
        assertThatIllegalArgumentException().isThrownBy(() -> carrier("http://127.0.0.1:1", "k", Duration.ofMillis(5)))
                .withMessageStartingWith("timeoutMillis");
    }
}
