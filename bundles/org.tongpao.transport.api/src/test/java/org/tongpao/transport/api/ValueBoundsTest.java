package org.tongpao.transport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A carrier's answers are untrusted: every value type refuses what breaks the contract, naming the field. */
class ValueBoundsTest {
    static final Instant T0 = Instant.parse("2020-02-01T08:00:00Z");
    static final ServicePromise PROMISE = ServicePromise.of(Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(48));

    @Test
    void waybillsAreShortTokens() {
        assertThat(new Booking(" SF-123/4 ", null, null).waybill()).isEqualTo("SF-123/4");
        assertThatIllegalArgumentException().isThrownBy(() -> new Booking(null, null, null)).withMessage("waybill is required");
        assertThatIllegalArgumentException().isThrownBy(() -> new Booking("a b", null, null)).withMessageStartingWith("waybill may contain");
        assertThatIllegalArgumentException().isThrownBy(() -> new Booking("x".repeat(41), null, null)).withMessageContaining("at most 40");
        assertThatIllegalArgumentException().isThrownBy(() -> new Booking("W1", T0, T0.minusSeconds(1))).withMessageStartingWith("estimatedDelivery");
    }

    @Test
    void quotesAreBoundedMoneyAndTimes() {
        Quote q = new Quote(new BigDecimal("120.50"), "CNY", Duration.ofHours(2), Duration.ofHours(20), T0);
        assertThat(q.price()).isEqualByComparingTo("120.5");
        assertThatIllegalArgumentException().isThrownBy(() -> new Quote(new BigDecimal("-1"), "CNY", Duration.ofHours(2), Duration.ofHours(20), T0)).withMessageStartingWith("price");
        assertThatIllegalArgumentException().isThrownBy(() -> new Quote(new BigDecimal("1.001"), "CNY", Duration.ofHours(2), Duration.ofHours(20), T0)).withMessageContaining("decimals");
        assertThatIllegalArgumentException().isThrownBy(() -> new Quote(BigDecimal.ONE, "yuan", Duration.ofHours(2), Duration.ofHours(20), T0)).withMessageStartingWith("currency");
        assertThatIllegalArgumentException().isThrownBy(() -> new Quote(BigDecimal.ONE, "CNY", Duration.ofDays(31), Duration.ofHours(20), T0)).withMessageStartingWith("pickupWithin");
        assertThatIllegalArgumentException().isThrownBy(() -> new Quote(BigDecimal.ONE, "CNY", Duration.ofHours(2), Duration.ZERO, T0)).withMessageStartingWith("deliverWithin");
    }

    @Test
    void deliveredNeedsProofAndOnlyDeliveredHasIt() {
        ProofOfDelivery pod = new ProofOfDelivery("Li Wei", T0, "sig-1");
        assertThat(new TrackingEvent("W1", TrackingStatus.DELIVERED, T0, "Wuhan", null, pod).proof()).isEqualTo(pod);
        assertThatIllegalArgumentException().isThrownBy(() -> TrackingEvent.of("W1", TrackingStatus.DELIVERED, T0, null)).withMessageStartingWith("proof is required");
        assertThatIllegalArgumentException().isThrownBy(() -> new TrackingEvent("W1", TrackingStatus.IN_TRANSIT, T0, null, null, pod)).withMessageStartingWith("proof belongs");
        assertThatIllegalArgumentException().isThrownBy(() -> new TrackingEvent("W1", TrackingStatus.IN_TRANSIT, T0, "x".repeat(201), null, null)).withMessageStartingWith("location");
        assertThatIllegalArgumentException().isThrownBy(() -> new TrackingEvent("W1", TrackingStatus.IN_TRANSIT, T0, "bad\u0000", null, null)).withMessageContaining("control characters");
        assertThat(TrackingEvent.of("W1", TrackingStatus.IN_TRANSIT, T0, "  ").location()).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> TrackingEvent.of("W1", TrackingStatus.IN_TRANSIT, T0, "Wuhan\nhub")).withMessage("location must be a single line");
        assertThat(new TrackingEvent("W1", TrackingStatus.EXCEPTION, T0, null, "road closed;\nwaiting for escort", null).note()).contains("\n");
        assertThat(TrackingStatus.CANCELLED.isFinal()).isTrue();
        assertThat(TrackingStatus.EXCEPTION.isFinal()).isFalse();
        assertThat("express").matches(Carrier.ID_PATTERN);
        assertThat("Express Co").doesNotMatch(Carrier.ID_PATTERN);
    }

    @Test
    void profilesAreCopiedSoACarrierCannotChangeThemLater() {
        Set<String> provinces = new HashSet<>(Set.of("42"));
        CarrierProfile p = new CarrierProfile("Express", Set.of(TransportMode.ROAD), provinces, new BigDecimal("2000"),
                Set.of(TrackingMode.PUSH), PROMISE);
        provinces.add("11");
        assertThat(p.provinces()).containsExactly("42");
        assertThat(p.serves("42")).isTrue();
        assertThat(p.serves("11")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new CarrierProfile("E", Set.of(), Set.of(), BigDecimal.TEN, Set.of(TrackingMode.PULL), PROMISE)).withMessageStartingWith("modes");
        assertThatIllegalArgumentException().isThrownBy(() -> new CarrierProfile("E", Set.of(TransportMode.AIR), Set.of("Hubei"), BigDecimal.TEN, Set.of(TrackingMode.PULL), PROMISE)).withMessageStartingWith("provinces");
        assertThatIllegalArgumentException().isThrownBy(() -> new CarrierProfile("E", Set.of(TransportMode.AIR), Set.of(), BigDecimal.ZERO, Set.of(TrackingMode.PULL), PROMISE)).withMessageStartingWith("maxWeightKg");
        assertThatIllegalArgumentException().isThrownBy(() -> new CarrierProfile("E", Set.of(TransportMode.AIR), Set.of(), BigDecimal.TEN, Set.of(), PROMISE)).withMessageStartingWith("tracking");
    }

    @Test
    void promisesMayDifferByDestinationProvince() {
        ServicePromise p = new ServicePromise(Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(48), Map.of("42", Duration.ofHours(24)));
        assertThat(p.deliverWithin("42")).isEqualTo(Duration.ofHours(24));
        assertThat(p.deliverWithin("32")).isEqualTo(Duration.ofHours(48));
        assertThatIllegalArgumentException().isThrownBy(() -> ServicePromise.of(null, Duration.ofHours(1), Duration.ofHours(1))).withMessage("acceptWithin is required");
        assertThatIllegalArgumentException().isThrownBy(() -> new ServicePromise(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), Map.of("4", Duration.ofHours(1)))).withMessageStartingWith("deliverWithinByProvince");
    }

    @Test
    void ordersCheckTheirFields() {
        Place from = new Place("CENTRAL-RESERVE", "11", "Central reserve", "Beijing", null, null);
        Place to = new Place("HB-WH-01", "42", "Wuhan depot", null, "Zhang", "027-1");
        ShipmentOrder o = new ShipmentOrder("SH-1", from, to, 3, new BigDecimal("12.5"), null, T0, T0.plusSeconds(3600), true, null);
        assertThat(o.restrictedArea()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> new ShipmentOrder("SH-1", from, to, 0, BigDecimal.ONE, null, T0, null, false, null)).withMessageStartingWith("packages");
        assertThatIllegalArgumentException().isThrownBy(() -> new ShipmentOrder("SH-1", from, to, 1, BigDecimal.ONE, null, T0, T0, false, null)).withMessageStartingWith("deliverBy");
        assertThatIllegalArgumentException().isThrownBy(() -> new Place("X", "42", " ", null, null, null)).withMessage("name must not be blank");
    }
}
