package org.tongpao.transport.passes.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.spi.EntryGate;
import org.tongpao.allocation.spi.KeyAreaEntry;
import org.tongpao.core.Caller;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Page;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.ShipmentFilter;
import org.tongpao.transport.TransportService;

/**
 * The platform's key-area rule, decided here only: goods enter a key area when the shipment carrying them holds an
 * entry pass a checkpoint can verify — printed (its latest copy's code verifies), not revoked, valid at the moment
 * they leave — for that area. Allocation asks before a batch's lines leave, transport before a shipment is handed
 * over; neither knows passes. When a batch is dispatched without naming a shipment, the open shipments of that
 * batch's leg are looked at: one of them must hold such a pass.
 *
 * <p>Allocation and transport ask inside the dispatch's transaction, and the passes are read under shared locks that
 * last until it ends: a revocation either commits first (and the dispatch is refused) or waits for the dispatch's
 * commit; never one in between.
 */
@Component(service = EntryGate.class)
public class PassEntryGate implements EntryGate {
    private final DataSource ds;
    private final TransportService transport;
    private final OrgUnitService units;

    @Activate
    public PassEntryGate(@Reference(target = "(tongpao.schema=" + PassesSchema.NAME + ")") SchemaReady schema,
            @Reference TransportService transport, @Reference OrgUnitService units) {
        this.ds = schema.dataSource();
        this.transport = transport;
        this.units = units;
    }

    @Override
    public Optional<String> refusal(KeyAreaEntry entry) {
        Caller system = Caller.system("entry-gate");
        List<Shipment> carriers = entry.shipmentId() != null ? List.of(transport.shipment(system, entry.shipmentId()))
                : legShipments(system, entry);
        if (carriers.isEmpty()) {
            return Optional.of("no open shipment carries them; book one and issue it an entry pass for "
                    + entry.area().label());
        }
        List<String> why = new ArrayList<>();
        for (Shipment s : carriers) {
            // inside the dispatch's transaction (the caller's): the passes stay as read until it commits
            List<Pass> passes = Transactions.read(ds, c -> PassDao.ofShipmentLocked(c, s.id()));
            Optional<String> refusal = refusal(entry.area(), s.number(), passes, entry.at(), this::unitCovers);
            if (refusal.isEmpty()) {
                return refusal;
            }
            why.add(refusal.get());
        }
        return Optional.of(String.join("; ", why));
    }

    /** Does a pass for org unit {@code unitId} cover the key area: the area's unit or one above it, or its province's. */
    private boolean unitCovers(KeyArea area, long unitId) {
        Caller system = Caller.system("entry-gate");
        OrgUnit unit;
        try {
            unit = units.get(system, unitId);
        } catch (NotFoundException e) {
            return false;
        }
        if (area.orgUnitId() == null) {
            // a whole province: a pass for its top unit (the one whose parent lies outside the province)
            return Objects.equals(unit.provinceCode(), area.provinceCode()) && (unit.parentId() == null
                    || !Objects.equals(units.get(system, unit.parentId()).provinceCode(), area.provinceCode()));
        }
        Set<Long> seen = new HashSet<>();
        for (Long at = area.orgUnitId(); at != null && seen.add(at); at = units.get(system, at).parentId()) {
            if (at == unitId) {
                return true;
            }
        }
        return false;
    }

    /** What stands in the way for one shipment, or empty when one of its passes lets the goods in at {@code at}. */
    static Optional<String> refusal(KeyArea area, String shipmentNumber, List<Pass> passes, Instant at,
            UnitCover unitCovers) {
        List<String> seen = new ArrayList<>();
        for (Pass p : passes) {
            if (!covers(area, p, unitCovers)) {
                seen.add("P" + p.id() + " is for " + p.area());
                continue;
            }
            PassStatus status = PassRules.status(p.validFrom(), p.validUntil(), p.revokedAt(), at);
            if (status != PassStatus.VALID) {
                seen.add("P" + p.id() + " is " + status);
            } else if (p.copies() == 0) {
                seen.add("P" + p.id() + " was never printed, so no checkpoint can verify it");
            } else {
                return Optional.empty();
            }
        }
        return Optional.of("shipment " + shipmentNumber + (seen.isEmpty() ? " has no entry pass"
                : " has no entry pass for " + area.label() + " valid now (" + String.join(", ", seen) + ")"));
    }

    /** A pass names the key area itself, or an org unit whose area holds it; a free-text area name never counts. */
    static boolean covers(KeyArea area, Pass p, UnitCover unitCovers) {
        return switch (p.areaKind()) {
            case KEY_AREA -> Long.toString(area.id()).equals(p.areaRef());
            case ORG_UNIT -> p.areaRef() != null && unitCovers.covers(area, Long.parseLong(p.areaRef()));
            case NAMED -> false;
        };
    }

    /** Whether a pass for an org unit covers a key area. */
    @FunctionalInterface
    interface UnitCover {
        boolean covers(KeyArea area, long unitId);
    }

    /** The open shipments of the entry's batch and leg (a batch dispatched without naming its shipment). */
    private List<Shipment> legShipments(Caller system, KeyAreaEntry entry) {
        if (entry.batchId() == null) {
            return List.of();
        }
        List<Shipment> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<Shipment> page = transport.shipments(system, new ShipmentFilter(null, null, null, null,
                    entry.batchId()), 100, cursor);
            for (Shipment s : page.items()) {
                boolean sameLeg = s.fromDepotId() == entry.fromDepotId() && (entry.toOrgUnitId() != null
                        ? entry.toOrgUnitId().equals(s.toOrgUnitId())
                        : s.toOrgUnitId() == null && s.toDepotId() == entry.toDepotId());
                if (sameLeg && s.waybill() != null && s.status().isOpen()) {
                    out.add(s);
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }
}
