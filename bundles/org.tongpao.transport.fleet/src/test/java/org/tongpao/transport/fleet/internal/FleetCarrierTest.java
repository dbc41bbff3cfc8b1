package org.tongpao.transport.fleet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.tongpao.transport.api.CarrierException;
import org.tongpao.transport.api.Place;
import org.tongpao.transport.api.ShipmentOrder;
import org.tongpao.transport.api.TrackingMode;

class FleetCarrierTest {
    static final Instant T0 = Instant.parse("2020-02-01T08:00:00Z");
    final FleetCarrier fleet = new FleetCarrier(Clock.fixed(T0, ZoneOffset.UTC));

    FleetCarrierTest() {
        fleet.configure(new FleetCarrier.Config() {
            public Class<? extends Annotation> annotationType() { return FleetCarrier.Config.class; }
            public String name() { return "Police fleet"; }
            public int maxWeightKg() { return 8000; }
            public int acceptWithinHours() { return 2; }
            public int pickupWithinHours() { return 12; }
            public int deliverWithinHours() { return 48; }
        });
    }

    static ShipmentOrder order(String ref, String kg) {
        return new ShipmentOrder(ref, new Place("CENTRAL-RESERVE", "11", "Central reserve", null, null, null),
                new Place("HB-WH-01", "42", "Wuhan", null, null, null), 10, new BigDecimal(kg), null, T0, null, true, null);
    }

    @Test
    void bookingTheSameShipmentTwiceGivesTheSameWaybill() throws Exception {
        assertThat(fleet.book(order("SH-C-000007", "500")).waybill()).isEqualTo("FLEET-SH-C-000007")
                .isEqualTo(fleet.book(order("SH-C-000007", "500")).waybill());
    }

    @Test
    void quotesAreFreeAndFollowTheConfiguredPromise() throws Exception {
        var q = fleet.quote(order("SH-1", "500"));
        assertThat(q.price()).isZero();
        assertThat(q.deliverWithin()).isEqualTo(Duration.ofHours(48));
        assertThat(q.validUntil()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(fleet.profile().tracking()).containsExactly(TrackingMode.PUSH);
    }

    @Test
    void tooHeavyIsRefusedWithoutRetry() {
        assertThatThrownBy(() -> fleet.book(order("SH-2", "8000.5"))).isInstanceOf(CarrierException.class)
                .hasMessageContaining("8000 kg").matches(e -> !((CarrierException) e).isRetryable());
    }
}
