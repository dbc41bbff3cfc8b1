package org.tongpao.transport.api;

import java.math.BigDecimal;
import java.util.Set;
import org.tongpao.transport.api.internal.Check;

/**
 * What a carrier offers: its display name, transport modes, the provinces it serves (empty = nationwide),
 * the heaviest shipment it takes, how it reports tracking, and its standard promises.
 */
public record CarrierProfile(String name, Set<TransportMode> modes, Set<String> provinces,
        BigDecimal maxWeightKg, Set<TrackingMode> tracking, ServicePromise promise) {

    public CarrierProfile {
        name = Check.line(name, "name", 100);
        modes = Set.copyOf(Check.required(modes, "modes"));
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("modes must name at least one transport mode");
        }
        provinces = provinces == null ? Set.of() : Set.copyOf(provinces);
        provinces.forEach(p -> Check.province(p, "provinces"));
        Check.amount(maxWeightKg, "maxWeightKg", false, 1_000_000, 3);
        tracking = Set.copyOf(Check.required(tracking, "tracking"));
        if (tracking.isEmpty()) {
            throw new IllegalArgumentException("tracking must name PULL, PUSH or both");
        }
        Check.required(promise, "promise");
    }

    /** Whether the carrier delivers into the given province. */
    public boolean serves(String provinceCode) {
        return provinces.isEmpty() || provinces.contains(provinceCode);
    }
}
