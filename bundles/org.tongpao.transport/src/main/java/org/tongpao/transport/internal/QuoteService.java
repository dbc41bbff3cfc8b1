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
import org.tongpao.transport.api.CarrierProfile;
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
        // both depots named: unknown or outside the caller's scope is the same 404 naming the field
        Depot from = places.depot(system, places.visibleDepot(caller, request.fromDepotId(), "fromDepotId"), "fromDepotId");
        Depot to = places.depot(system, places.visibleDepot(caller, request.toDepotId(), "toDepotId"), "toDepotId");
        // a quote books nothing: its reference only ties the carriers' logs to this request
        String ref = "Q-" + caller.requestId().replaceAll("[^A-Za-z0-9-]", "");
        ShipmentOrder order = new ShipmentOrder(ref.substring(0, Math.min(40, ref.length())), Places.place(from),
                Places.place(to), request.packages(), request.weightKg(), request.mode(), ctx.now(), null,
                places.keyArea(system, to) != null, null);
        List<CompletableFuture<CarrierQuote>> asked = new ArrayList<>();
        for (String id : ctx.registry.ids()) {
            asked.add(CompletableFuture.supplyAsync(() -> quote(id, order), quoting));
        }
        return asked.stream().map(CompletableFuture::join)
                .sorted(Comparator.comparing((CarrierQuote q) -> q.quote() == null)
                        .thenComparing(q -> q.quote() == null ? BigDecimal.ZERO : q.quote().price())
                        .thenComparing(CarrierQuote::carrierId))
                .toList();
    }

    private CarrierQuote quote(String id, ShipmentOrder order) {
        String name = null;
        try {
            CarrierProfile p = ctx.registry.profile(id);
            name = p.name();
            BookingChecks.Refusal refusal = BookingChecks.refusal(p, order.to().provinceCode(), order.weightKg(),
                    order.mode());
            if (refusal != null) {
                return new CarrierQuote(id, name, null, refusal.reason());
            }
            return new CarrierQuote(id, name, ctx.registry.call(id, "quote", c -> c.quote(order)), null);
        } catch (PartnerFailure f) {
            return new CarrierQuote(id, name, null, f.getMessage());
        }
    }
}
