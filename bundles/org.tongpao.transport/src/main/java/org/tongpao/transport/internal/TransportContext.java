package org.tongpao.transport.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.tongpao.allocation.AllocationService;
import org.tongpao.allocation.NeedService;
import org.tongpao.allocation.spi.EntryGate;
import org.tongpao.core.DepotService;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Transactions;

/**
 * What the parts of the transport service share (each part is a record of this and the other parts it uses):
 * the database and the services they call, the clock, the event publisher, and the few steps every part takes
 * on a shipment row.
 */
final class TransportContext {
    final DataSource ds;
    final CarrierRegistry registry;
    final AllocationService allocation;
    final NeedService needs;
    final DepotService depots;
    final OrgUnitService units;
    final NodeIdentity node;
    final AuditTrail audit;
    final IdempotencyKeys keys;
    final ShipmentEvents events;
    /** Whether goods may enter a key area now (tongpao-passes' verifiable entry passes); none: nothing enters. */
    final List<EntryGate> gates = new CopyOnWriteArrayList<>();
    private volatile Clock clock = Clock.systemUTC();

    TransportContext(DataSource ds, CarrierRegistry registry, AllocationService allocation, NeedService needs,
            DepotService depots, OrgUnitService units, NodeIdentity node, AuditTrail audit, IdempotencyKeys keys,
            EventOutbox outbox) {
        this.ds = ds;
        this.registry = registry;
        this.allocation = allocation;
        this.needs = needs;
        this.depots = depots;
        this.units = units;
        this.node = node;
        this.audit = audit;
        this.keys = keys;
        this.events = new ShipmentEvents(outbox);
    }

    void clock(Clock c) {
        this.clock = c;
    }

    Instant now() {
        return clock.instant();
    }

    /** The shipment as stored now. */
    ShipmentRow get(long id) {
        return Transactions.read(ds, c -> ShipmentDao.get(c, id));
    }

    /** Another writer changed the shipment between our read and our guarded update. */
    static StaleVersionException stale(ShipmentRow before) {
        return new StaleVersionException(ShipmentDao.LABEL, before.id(), before.version(), before.version() + 1);
    }

    /**
     * Runs a read-then-guarded-update step again when another writer moved the row on in between (the
     * step re-reads it), at most three times in all: tracking and receipts of one shipment may arrive together.
     */
    static <T> T retryWhenStale(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (StaleVersionException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
