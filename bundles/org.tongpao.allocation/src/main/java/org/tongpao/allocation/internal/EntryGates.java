package org.tongpao.allocation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.spi.EntryGate;
import org.tongpao.allocation.spi.KeyAreaEntry;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Depot;
import org.tongpao.core.persistence.Transactions;

/**
 * The key-area check of a dispatch: every line whose destination lies in a key area is held back (409 naming
 * {@code passes}) unless every installed {@link EntryGate} lets its goods in now. With no gate installed nothing
 * enters a key area: the check fails closed.
 */
final class EntryGates {
    /** The field a refusal names: what the sender lacks is an entry pass on the shipment carrying the goods. */
    static final String FIELD = "passes";

    private final List<EntryGate> gates = new CopyOnWriteArrayList<>();

    void add(EntryGate gate) {
        gates.add(gate);
    }

    void remove(EntryGate gate) {
        gates.remove(gate);
    }

    /** Throws the 409 when any of {@code lines} (of batch {@code b}, still to leave) may not enter its key area now. */
    void requireEntry(AllocationContext ctx, Caller caller, Batch b, List<BatchLine> lines, Instant at) {
        List<KeyArea> areas = Transactions.read(ctx.ds(), NeedDao::keyAreas);
        if (areas.isEmpty()) {
            return;
        }
        OrgPaths paths = new OrgPaths(ctx.units(), ctx.depots(), caller.requestId());
        Caller system = Caller.system(caller.requestId());
        // one question per leg: the lines of one shipment share it
        Map<List<Long>, KeyAreaEntry> legs = new LinkedHashMap<>();
        for (BatchLine l : lines) {
            if (!"RESERVED".equals(l.status())) {
                continue;
            }
            KeyArea area = keyArea(ctx, system, paths, areas, l);
            if (area != null) {
                legs.putIfAbsent(List.of(l.fromDepotId(), l.toUnit() ? 0L : l.toDepotId(), l.toUnit() ? l.toOrgUnitId() : 0L),
                        new KeyAreaEntry(area, at, null, b.id(), l.fromDepotId(), l.toUnit() ? null : l.toDepotId(),
                                l.toUnit() ? l.toOrgUnitId() : null));
            }
        }
        for (KeyAreaEntry entry : legs.values()) {
            List<String> why = refusals(gates, entry);
            if (!why.isEmpty()) {
                throw new ConflictException(FIELD, "Batch " + b.number() + ": goods from depot " + entry.fromDepotId()
                        + " enter key area " + entry.area().label() + " and wait for an entry pass valid now: "
                        + String.join("; ", why));
            }
        }
    }

    /** What the gates object to (every gate is asked); "no gate installed" when there is none. */
    static List<String> refusals(List<EntryGate> gates, KeyAreaEntry entry) {
        if (gates.isEmpty()) {
            return List.of("no entry-pass service is installed (feature tongpao-passes), so nothing enters a key area");
        }
        List<String> why = new ArrayList<>();
        for (EntryGate g : gates) {
            Optional<String> refusal = g.refusal(entry);
            refusal.ifPresent(why::add);
        }
        return why;
    }

    private static KeyArea keyArea(AllocationContext ctx, Caller system, OrgPaths paths, List<KeyArea> areas,
            BatchLine l) {
        if (l.toUnit()) {
            return NeedDao.match(areas, paths.unit(l.toOrgUnitId()).provinceCode(), paths.path(l.toOrgUnitId()));
        }
        Depot d = ctx.depots().get(system, l.toDepotId());
        return NeedDao.match(areas, d.provinceCode(), paths.path(d.orgUnitId()));
    }
}
