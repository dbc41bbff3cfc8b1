package org.tongpao.transport.testkit;

import java.time.Instant;
import java.util.List;
import org.tongpao.transport.api.Booking;
import org.tongpao.transport.api.Carrier;
import org.tongpao.transport.api.CarrierException;
import org.tongpao.transport.api.CarrierProfile;
import org.tongpao.transport.api.Quote;
import org.tongpao.transport.api.ShipmentOrder;
import org.tongpao.transport.api.TrackingEvent;

/**
 * What every carrier must do, checked through a {@link FakeTongpao}. {@link #verify} runs every check; the
 * single checks are public for a test per property (see {@link AbstractCarrierContractTest}). Each failure
 * is a {@link ContractViolation} naming the check and what the carrier answered.
 *
 * <p>The checks book real orders: give them a sample order with a shipment reference the carrier has not
 * seen (they also book {@code <ref>-B}) and a destination the carrier serves.
 */
public final class CarrierContract {

    private CarrierContract() {
    }

    /** Runs every check against the carrier, registered as {@code carrier-under-test}, with the 5 s limit. */
    public static void verify(Carrier carrier, ShipmentOrder sample) {
        try (FakeTongpao tongpao = new FakeTongpao("carrier-under-test", carrier)) {
            verify(tongpao, sample);
        }
    }

    public static void verify(FakeTongpao tongpao, ShipmentOrder sample) {
        profileIsValid(tongpao, sample);
        quoteAnswers(tongpao, sample);
        bookingIsIdempotent(tongpao, sample);
        trackingIsPerWaybillOldestFirst(tongpao, sample);
        cancelWorksBeforePickup(tongpao, second(sample));
    }

    /** The profile is there, valid, and covers the sample order (destination province, weight). */
    public static CarrierProfile profileIsValid(FakeTongpao tongpao, ShipmentOrder sample) {
        CarrierProfile profile = step("profile", tongpao::profile);
        if (!profile.serves(sample.to().provinceCode())) {
            throw new ContractViolation("[profile] the sample order goes to province " + sample.to().provinceCode()
                    + ", which the profile does not serve (" + profile.provinces() + "); test with an order the"
                    + " carrier serves");
        }
        if (sample.weightKg().compareTo(profile.maxWeightKg()) > 0) {
            throw new ContractViolation("[profile] the sample order weighs " + sample.weightKg() + " kg, more than the"
                    + " profile's maxWeightKg " + profile.maxWeightKg() + "; test with an order the carrier takes");
        }
        return profile;
    }

    /** A quote for the sample order comes back and has not already expired. */
    public static Quote quoteAnswers(FakeTongpao tongpao, ShipmentOrder sample) {
        Quote quote = step("quote", () -> tongpao.quote(sample));
        if (quote.validUntil().isBefore(Instant.now())) {
            throw new ContractViolation("[quote] the quote for " + sample.shipmentRef() + " expired at "
                    + quote.validUntil() + ", before it was returned");
        }
        return quote;
    }

    /**
     * A delivery to a front-line unit (no depot; SPI 1.2 tells the carrier so, with the unit's area) is answered: a
     * quote, or a refusal with a {@link CarrierException} (a carrier that does not deliver to units' doors), which
     * Tongpao shows the officer; anything else (another exception, null, a hang) breaks the contract. Returns the
     * quote, or null for a refusal.
     */
    public static Quote unitDeliveryQuotes(FakeTongpao tongpao, ShipmentOrder sample) {
        Quote quote;
        try {
            quote = tongpao.quote(Samples.toUnit(sample), Samples.unitDestination());
        } catch (CarrierException refusal) {
            return null; // a refusal with a message for the officer is a lawful answer
        } catch (ContractViolation e) {
            throw new ContractViolation("[quote to a unit] " + e.getMessage(), e.getCause() != null ? e.getCause() : e);
        }
        if (quote.validUntil().isBefore(Instant.now())) {
            throw new ContractViolation("[quote to a unit] the quote for " + sample.shipmentRef() + " expired at "
                    + quote.validUntil() + ", before it was returned");
        }
        return quote;
    }

    /**
     * Booking the same shipment reference twice yields the same waybill, and another reference yields
     * another waybill.
     */
    public static Booking bookingIsIdempotent(FakeTongpao tongpao, ShipmentOrder sample) {
        Booking first = step("booking is idempotent", () -> tongpao.book(sample));
        Booking again = step("booking is idempotent", () -> tongpao.book(Samples.withRef(sample, sample.shipmentRef())));
        if (!first.waybill().equals(again.waybill())) {
            throw new ContractViolation("[booking is idempotent] booking " + sample.shipmentRef() + " twice returned "
                    + first.waybill() + " and " + again.waybill()); // FakeTongpao reports this first
        }
        step("booking is idempotent", () -> tongpao.book(second(sample)));
        return first;
    }

    /** Tracking a booked waybill returns only its own events, oldest first. */
    public static List<TrackingEvent> trackingIsPerWaybillOldestFirst(FakeTongpao tongpao, ShipmentOrder sample) {
        Booking booking = step("tracking", () -> tongpao.book(sample));
        Booking other = step("tracking", () -> tongpao.book(second(sample)));
        step("tracking", () -> tongpao.track(other.waybill()));
        return step("tracking", () -> tongpao.track(booking.waybill()));
    }

    /** A fresh booking can be cancelled before pick-up. */
    public static void cancelWorksBeforePickup(FakeTongpao tongpao, ShipmentOrder order) {
        Booking booking = step("cancel before pick-up", () -> tongpao.book(order));
        step("cancel before pick-up", () -> {
            tongpao.cancel(booking.waybill(), "contract check: cancelled before pick-up");
            return null;
        });
    }

    /** The sample under the reference {@code <ref>-B} (shortened to fit 40 characters). */
    static ShipmentOrder second(ShipmentOrder sample) {
        String ref = sample.shipmentRef();
        if (ref.length() > 38) {
            ref = ref.substring(ref.length() - 38);
        }
        return Samples.withRef(sample, ref + "-B");
    }

    private interface Step<T> {
        T run() throws CarrierException;
    }

    private static <T> T step(String name, Step<T> step) {
        try {
            return step.run();
        } catch (ContractViolation e) {
            if (e.getMessage() != null && e.getMessage().startsWith("[")) {
                throw e;
            }
            throw new ContractViolation("[" + name + "] " + e.getMessage(), e.getCause() != null ? e.getCause() : e);
        } catch (CarrierException e) {
            throw new ContractViolation("[" + name + "] the carrier refused with CarrierException(\"" + e.getMessage()
                    + "\", retryable=" + e.isRetryable() + "); a carrier in good health must accept the sample order",
                    e);
        }
    }
}
