package org.tongpao.transport.api;

import java.time.Duration;
import java.util.Map;
import org.tongpao.transport.api.internal.Check;

/**
 * The response and delivery promises of a carrier: accept a booking within {@code acceptWithin}, pick it
 * up within {@code pickupWithin} of booking, deliver within {@code deliverWithin} of booking (or the
 * per-destination-province figure in {@code deliverWithinByProvince}). The ministry's contract with a
 * carrier states them; a carrier declares its standard ones in its {@link CarrierProfile}.
 */
public record ServicePromise(Duration acceptWithin, Duration pickupWithin, Duration deliverWithin,
        Map<String, Duration> deliverWithinByProvince) {

    static final Duration MAX = Duration.ofDays(30);

    public ServicePromise {
        Check.required(acceptWithin, "acceptWithin");
        Check.required(pickupWithin, "pickupWithin");
        Check.required(deliverWithin, "deliverWithin");
        Check.optionalDuration(acceptWithin, "acceptWithin", MAX);
        Check.optionalDuration(pickupWithin, "pickupWithin", MAX);
        Check.optionalDuration(deliverWithin, "deliverWithin", MAX);
        deliverWithinByProvince = deliverWithinByProvince == null ? Map.of() : Map.copyOf(deliverWithinByProvince);
        deliverWithinByProvince.forEach((province, d) -> {
            Check.province(province, "deliverWithinByProvince");
            Check.optionalDuration(d, "deliverWithinByProvince[" + province + "]", MAX);
        });
    }

    /** The same promise nationwide. */
    public static ServicePromise of(Duration acceptWithin, Duration pickupWithin, Duration deliverWithin) {
        return new ServicePromise(acceptWithin, pickupWithin, deliverWithin, Map.of());
    }

    /** How long delivery into the given province may take. */
    public Duration deliverWithin(String provinceCode) {
        return deliverWithinByProvince.getOrDefault(provinceCode, deliverWithin);
    }
}
