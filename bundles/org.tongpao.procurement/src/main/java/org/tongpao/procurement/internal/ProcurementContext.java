package org.tongpao.procurement.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import javax.sql.DataSource;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotService;
import org.tongpao.core.Item;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.funding.FundingService;
import org.tongpao.inventory.StockLedger;

/** What the parts of the procurement service share: the database, the other bundles' services, the clock. */
final class ProcurementContext {
    /** Dates (promised, received, expiry) are the calendar of China. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final DataSource ds;
    final CatalogueService catalogue;
    final DepotService depots;
    final StockLedger stock;
    final FundingService funding;
    final AuditTrail audit;
    final EventOutbox outbox;
    private final IdempotencyKeys keys;
    private volatile Clock clock = Clock.systemUTC();

    ProcurementContext(DataSource ds, CatalogueService catalogue, DepotService depots, StockLedger stock,
            FundingService funding, AuditTrail audit, IdempotencyKeys keys, EventOutbox outbox) {
        this.ds = ds;
        this.catalogue = catalogue;
        this.depots = depots;
        this.stock = stock;
        this.funding = funding;
        this.audit = audit;
        this.outbox = outbox;
        this.keys = keys;
    }

    /**
     * A write guarded by its Idempotency-Key, in one enclosing transaction with what it asks of funding and
     * inventory (the kit's {@link IdempotencyKeys#executeEnclosing}); the first run's reference on a repeat.
     */
    IdempotencyKeys.Ref write(Caller caller, String key, String operation, Object request,
            Transactions.Work<IdempotencyKeys.Ref> work) {
        return keys.executeEnclosing(ds, caller, key, operation, request, work);
    }

    void clock(Clock c) {
        clock = c;
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** An item named in the request body ({@code field}): 404 naming the field when there is none. */
    Item item(Caller caller, String field, long itemId) {
        return ScopeRules.namedInBody(field, itemId, () -> catalogue.get(caller, itemId));
    }

    /**
     * A depot named in the request body, looked up by the platform (buyers hold no depot role) and then held
     * against the buyer's province: another province's depot is the same 404 as a missing one.
     */
    Depot depot(Caller caller, String field, long depotId, String buyerProvince) {
        Depot d = ScopeRules.namedInBody(field, depotId, () -> depots.get(Caller.system(caller.requestId()), depotId));
        ScopeRules.requireVisibleField(d.active() && (buyerProvince == null || buyerProvince.equals(d.provinceCode())),
                field, depotId);
        return d;
    }

    /** Records an event on the outbox in {@code c}'s transaction; null properties are left out. */
    void event(Connection c, Caller caller, String topic, Map<String, Object> properties) {
        outbox.record(c, caller, topic, properties);
    }
}
