package org.tongpao.transport.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.tongpao.core.Caller;
import org.tongpao.core.Depot;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.transport.CarrierQuote;
import org.tongpao.transport.QuoteRequest;
import org.tongpao.core.ValidationException;
import org.tongpao.transport.api.CarrierProfile;
import org.tongpao.transport.api.Destination;
import org.tongpao.transport.api.ShipmentOrder;

/** Asks every installed carrier for a quote at once, so an officer can compare them before booking. */
final class QuoteService implements AutoCloseable {
    private final TransportContext ctx;
    private final Places places;
    /** Asks carriers side by side; each call still runs on its carrier's pool with its time limit. */
    private final ExecutorService quoting = Executors.newCachedThreadPool(DaemonThreads.named("tongpao-quotes"));

    QuoteService(TransportContext ctx, Places places) {
        this.ctx = ctx;
        this.places = places;
    }

    @Override
    public void close() {
        quoting.shutdownNow();
    }

    List<CarrierQuote> quotes(Caller caller, QuoteRequest request) {
        ScopeRules.requireScopedWriter(caller, JdbcTransportService.WHAT);
        Caller system = Caller.system(caller.requestId());
        // exactly one destination: a depot, or an org unit without one (a front-line station)
        if (request.toDepotId() != null && request.toOrgUnitId() != null) {
            throw new ValidationException("toOrgUnitId", "name either toDepotId or toOrgUnitId, not both");
        }
        if (request.toDepotId() == null && request.toOrgUnitId() == null) {
            throw new ValidationException("toDepotId", "name the destination: toDepotId or toOrgUnitId");
        }
        // every id named: unknown or outside the caller's scope is the same 404 naming the field
        Depot from = places.depot(system, places.visibleDepot(caller, request.fromDepotId(), "fromDepotId"), "fromDepotId");
        ShipmentRow.End to;
        if (request.toOrgUnitId() != null) {
            places.visibleUnit(caller, request.toOrgUnitId(), "toOrgUnitId");
            to = places.unitEnd(system, request.toOrgUnitId(), "toOrgUnitId");
        } else {
            to = places.depotEnd(system, places.visibleDepot(caller, request.toDepotId(), "toDepotId"), "toDepotId");
        }
        // a quote books nothing: its reference only ties the carriers' logs to this request
        String ref = "Q-" + caller.requestId().replaceAll("[^A-Za-z0-9-]", "");
        Destination destination = places.destination(system, to);
        ShipmentOrder order = new ShipmentOrder(ref.substring(0, Math.min(40, ref.length())), Places.place(from),
                places.place(system, to), request.packages(), request.weightKg(), request.mode(), ctx.now(), null,
                destination.keyArea() != null, null);
        List<CompletableFuture<CarrierQuote>> asked = new ArrayList<>();
        for (String id : ctx.registry.ids()) {
            asked.add(CompletableFuture.supplyAsync(() -> quote(id, order, destination), quoting));
        }
        return asked.stream().map(CompletableFuture::join)
                .sorted(Comparator.comparing((CarrierQuote q) -> q.quote() == null)
                        .thenComparing(q -> q.quote() == null ? BigDecimal.ZERO : q.quote().price())
                        .thenComparing(CarrierQuote::carrierId))
                .toList();
    }

    private CarrierQuote quote(String id, ShipmentOrder order, Destination destination) {
        String name = null;
        try {
            CarrierProfile p = ctx.registry.profile(id);
            name = p.name();
            BookingChecks.Refusal refusal = BookingChecks.refusal(p, order.to().provinceCode(), order.weightKg(),
                    order.mode());
            if (refusal != null) {
                return new CarrierQuote(id, name, null, refusal.reason());
            }
            return new CarrierQuote(id, name, ctx.registry.call(id, "quote", c -> c.quote(order, destination)), null);
        } catch (PartnerFailure f) {
            return new CarrierQuote(id, name, null, f.getMessage());
        }
    }
}
