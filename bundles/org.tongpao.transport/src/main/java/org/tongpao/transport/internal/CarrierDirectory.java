package org.tongpao.transport.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tongpao.core.Caller;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.transport.CarrierInfo;
import org.tongpao.transport.CarrierPerformance;
import org.tongpao.transport.api.CarrierProfile;
import org.tongpao.transport.api.ServicePromise;

/**
 * The carriers as Tongpao sees them: those installed now and those known from contracts or shipments (shown
 * unavailable), each with the promise the SLA clock applies and how well it keeps it.
 */
record CarrierDirectory(TransportContext ctx, CarrierContracts contracts) {
    List<CarrierInfo> carriers(Caller caller) {
        Scope.requireReader(caller);
        Set<String> ids = new TreeSet<>(ctx.registry.ids());
        Transactions.read(ctx.ds, c -> {
            ids.addAll(CarrierContracts.contracted(c));
            ids.addAll(Jdbc.query(c, "SELECT DISTINCT carrier_id FROM tp_tr_shipment", List.of(), rs -> rs.getString(1)));
            return null;
        });
        String own = Scope.partnerOf(caller);
        return ids.stream().filter(id -> own == null || own.equals(id)).map(this::info).toList();
    }

    CarrierInfo carrier(Caller caller, String carrierId) {
        Scope.requireReader(caller);
        String own = Scope.partnerOf(caller);
        if (own != null && !own.equals(carrierId)) {
            throw new NotFoundException("Carrier", carrierId);
        }
        CarrierInfo info = info(carrierId);
        if (!info.available() && info.promise() == null && info.performance().delivered() == 0
                && !hasShipments(carrierId)) {
            throw new NotFoundException("Carrier", carrierId);
        }
        return info;
    }

    /** A carrier under no contract and never booked: unless it is installed, Tongpao does not know the name. */
    boolean isUnknown(String carrierId) {
        return contracts.contract(carrierId) == null && !hasShipments(carrierId);
    }

    /** Whether any shipment was ever booked with the carrier. */
    boolean hasShipments(String carrierId) {
        return Transactions.read(ctx.ds, c -> Jdbc.one(c, "SELECT 1 FROM tp_tr_shipment WHERE carrier_id = ? "
                + "FETCH FIRST 1 ROWS ONLY", List.of(carrierId), rs -> true).isPresent());
    }

    CarrierInfo info(String id) {
        CarrierProfile profile = null;
        String problem = null;
        boolean available = ctx.registry.isAvailable(id);
        if (available) {
            try {
                profile = ctx.registry.profile(id);
                problem = ctx.registry.lastProblem(id).orElse(null);
            } catch (PartnerFailure f) {
                problem = f.getMessage();
                available = false;
            }
        } else {
            problem = "carrier " + id + " is not installed";
        }
        ServicePromise contract = contracts.contract(id);
        ServicePromise promise = contract != null ? contract : profile == null ? null : profile.promise();
        String source = contract != null ? "CONTRACT" : profile == null ? null : "CARRIER";
        return new CarrierInfo(id, available, problem, profile, promise, source, performance(id));
    }

    private CarrierPerformance performance(String id) {
        Instant now = ctx.now();
        return Transactions.read(ctx.ds, c -> {
            long[] deliveries = Jdbc.one(c, "SELECT COUNT(*), SUM(CASE WHEN delivered_at <= delivery_due THEN 1 ELSE 0 END) "
                    + "FROM tp_tr_shipment WHERE carrier_id = ? AND delivered_at IS NOT NULL AND delivery_due IS NOT NULL",
                    List.of(id), rs -> new long[] {rs.getLong(1), rs.getLong(2)}).orElseThrow();
            long delivered = deliveries[0];
            long onTime = deliveries[1];
            long breaches = Jdbc.count(c, "SELECT COUNT(*) FROM tp_tr_shipment WHERE carrier_id = ? AND "
                    + ShipmentDao.SLA_RUNNING + " AND " + ShipmentDao.BREACHED, List.of(id, now, now, now));
            return new CarrierPerformance(delivered, onTime, delivered == 0 ? null : (double) onTime / delivered, breaches);
        });
    }
}
