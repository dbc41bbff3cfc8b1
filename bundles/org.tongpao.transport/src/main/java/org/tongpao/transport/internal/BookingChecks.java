package org.tongpao.transport.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.transport.NewShipment;
import org.tongpao.transport.api.CarrierProfile;
import org.tongpao.transport.api.TransportMode;

/** What a booking must satisfy before a carrier is asked: the command's values, the batch's depots, the carrier. */
record BookingChecks(TransportContext ctx, CarrierDirectory directory) {
    /** How far in the future a reported event may lie, and how far in the past a delivery date (clocks differ). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    /** Why a carrier cannot take an order ({@code field} names the command's value), or null if it can. */
    record Refusal(String field, String reason) {
    }

    static Refusal refusal(CarrierProfile p, String toProvince, BigDecimal weightKg, TransportMode mode) {
        if (!p.serves(toProvince)) {
            return new Refusal("carrierId", "does not deliver to province " + toProvince);
        }
        if (weightKg.compareTo(p.maxWeightKg()) > 0) {
            return new Refusal("weightKg", "takes at most " + p.maxWeightKg() + " kg");
        }
        if (mode != null && !p.modes().contains(mode)) {
            return new Refusal("mode", "offers " + p.modes());
        }
        return null;
    }

    /** The values a command must carry (Bean Validation checks them over REST; the service checks them again). */
    void requireValues(NewShipment cmd) {
        Checks.text("carrierId", cmd.carrierId(), 32);
        if (cmd.packages() == null || cmd.packages() < 1) {
            throw new ValidationException("packages", "packages must be at least 1");
        }
        if (cmd.weightKg() == null || cmd.weightKg().signum() <= 0) {
            throw new ValidationException("weightKg", "weightKg must be positive");
        }
        if (cmd.deliverBy() != null && !cmd.deliverBy().isAfter(ctx.now().minus(CLOCK_SKEW))) {
            throw new ValidationException("deliverBy", "deliverBy " + cmd.deliverBy() + " lies in the past");
        }
    }

    /**
     * The one move a shipment makes: from a depot to a depot, or to an org unit without a depot
     * ({@code toOrgUnitId} set, {@code toDepotId} 0).
     */
    record Leg(long fromDepotId, long toDepotId, Long toOrgUnitId) {
        boolean toUnit() {
            return toOrgUnitId != null;
        }

        static Leg of(BatchLine l) {
            return new Leg(l.fromDepotId(), l.toUnit() ? 0 : l.toDepotId(), l.toOrgUnitId());
        }
    }

    /** The one leg the shipment moves along: the command's, or the batch's (one leg of it). */
    Leg leg(NewShipment cmd, Batch b) {
        if (cmd.toOrgUnitId() != null && cmd.toDepotId() != null) {
            throw new ValidationException("toOrgUnitId", "give toDepotId or toOrgUnitId, not both");
        }
        if (b == null) {
            if (cmd.fromDepotId() == null) {
                throw new ValidationException("fromDepotId", "give batchId, or fromDepotId and toDepotId");
            }
            if (cmd.toDepotId() == null && cmd.toOrgUnitId() == null) {
                throw new ValidationException("toDepotId", "give batchId, or fromDepotId and toDepotId (or toOrgUnitId)");
            }
            return cmd.toOrgUnitId() != null ? new Leg(cmd.fromDepotId(), 0, cmd.toOrgUnitId())
                    : new Leg(cmd.fromDepotId(), cmd.toDepotId(), null);
        }
        if (b.status() != BatchStatus.APPROVED && b.status() != BatchStatus.PARTLY_DISPATCHED
                && b.status() != BatchStatus.DISPATCHED && b.status() != BatchStatus.PARTLY_RECEIVED) {
            throw new ConflictException("Batch " + b.number() + " is " + b.status() + "; ship an approved batch whose "
                    + "goods are not all received");
        }
        Set<Leg> legs = new LinkedHashSet<>();
        for (BatchLine l : b.lines()) {
            if ((cmd.fromDepotId() == null || cmd.fromDepotId() == l.fromDepotId()) && goesTo(cmd, l)) {
                legs.add(Leg.of(l));
            }
        }
        if (legs.isEmpty()) {
            throw new ValidationException(cmd.toOrgUnitId() != null ? "toOrgUnitId"
                    : cmd.fromDepotId() != null ? "fromDepotId" : "toDepotId",
                    "batch " + b.number() + " has no line between these ends");
        }
        if (legs.size() > 1) {
            throw new ValidationException("fromDepotId", "batch " + b.number() + " moves goods along " + legs.size()
                    + " routes; give fromDepotId and toDepotId (or toOrgUnitId) to ship one of them");
        }
        return legs.iterator().next();
    }

    /** The line goes where the command says (a unit, a depot, or anywhere when it names neither). */
    private static boolean goesTo(NewShipment cmd, BatchLine l) {
        if (cmd.toOrgUnitId() != null) {
            return cmd.toOrgUnitId().equals(l.toOrgUnitId());
        }
        return cmd.toDepotId() == null || (!l.toUnit() && cmd.toDepotId() == l.toDepotId());
    }

    /** The carrier is installed and takes this cargo to this province: 400 naming the field, or 409 if it is gone. */
    CarrierProfile checkCarrier(String carrierId, String toProvince, BigDecimal weightKg, TransportMode mode) {
        if (!ctx.registry.isAvailable(carrierId)) {
            if (!CarrierRegistry.ID.matcher(carrierId).matches()
                    || directory.isUnknown(carrierId)) {
                throw new ValidationException("carrierId", "no carrier '" + carrierId + "'; installed: " + ctx.registry.ids());
            }
            throw new ConflictException("Carrier " + carrierId + " is not available (its bundle is not installed)");
        }
        CarrierProfile p;
        try {
            p = ctx.registry.profile(carrierId);
        } catch (CarrierFailure f) {
            throw new ConflictException(f.getMessage());
        }
        Refusal refusal = refusal(p, toProvince, weightKg, mode);
        if (refusal != null) {
            throw new ValidationException(refusal.field(), "carrier " + carrierId + " " + refusal.reason());
        }
        return p;
    }
}
