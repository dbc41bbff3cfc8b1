package org.tongpao.allocation.internal;

import java.util.Optional;
import javax.sql.DataSource;
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.Need;
import org.tongpao.allocation.NeedReplica;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.Checks;
import org.tongpao.core.DepotService;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.Transactions;

/**
 * Needs raised on other nodes, stored as they stand there (at central: the national picture). Named by codes;
 * looked up here with the caller's scope, so a province's link naming another province's unit or depot gets the
 * 404 of an unknown one. The stored copy moves only forward (by the source's version).
 */
final class NeedReplicas {
    private final DataSource ds;
    private final OrgUnitService units;
    private final CatalogueService catalogue;
    private final DepotService depots;
    private final AuditTrail audit;
    private final AllocationEvents events;

    NeedReplicas(DataSource ds, OrgUnitService units, CatalogueService catalogue, DepotService depots, AuditTrail audit,
            AllocationEvents events) {
        this.ds = ds;
        this.units = units;
        this.catalogue = catalogue;
        this.depots = depots;
        this.audit = audit;
        this.events = events;
    }

    Need replicate(Caller caller, NeedReplica r) {
        ScopeRules.requireScopedWriter(caller, "needs");
        Checks.required("replica", r);
        String source = Checks.text("source", r.source(), 80);
        Checks.required("urgency", r.urgency());
        Checks.required("state", r.state());
        OrgUnit unit = ScopeRules.namedInBody("unitCode", r.unitCode(), () -> units.getByCode(caller, r.unitCode()));
        ScopeRules.requireWriteProvince(caller, unit.provinceCode(), "needs");
        Long itemId = r.itemCode() == null ? null
                : ScopeRules.namedInBody("itemCode", r.itemCode(), () -> catalogue.getByCode(caller, r.itemCode())).id();
        Long depotId = r.receivingDepotCode() == null ? null : ScopeRules.namedInBody("receivingDepotCode",
                r.receivingDepotCode(), () -> depots.getByCode(caller, r.receivingDepotCode())).id();
        long[] path = new OrgPaths(units, depots, caller.requestId()).path(unit.id());
        long id = Transactions.write(ds, "need.replicate", c -> {
            Optional<Need> stored = NeedDao.bySource(c, source);
            if (stored.isPresent() && stored.get().version() >= r.version()) {
                return stored.get().id();
            }
            KeyArea area = NeedDao.match(NeedDao.keyAreas(c), unit.provinceCode(), path);
            Need copy = Need.builder().orgUnitId(unit.id()).unitCode(unit.code()).provinceCode(unit.provinceCode())
                    .itemId(itemId).categoryCode(itemId == null ? r.categoryCode() : null).quantity(r.quantity())
                    .allocated(r.allocated()).received(r.received()).urgency(r.urgency()).frontLine(r.frontLine())
                    .keyArea(area != null).keyAreaLabel(area == null ? null : area.label()).neededBy(r.neededBy())
                    .justification(r.justification()).daysOfCoverLeft(r.daysOfCoverLeft()).receivingDepotId(depotId)
                    .state(r.state()).createdBy(r.createdBy()).createdAt(r.createdAt()).updatedAt(r.updatedAt())
                    .version(r.version()).source(source).build();
            long needId;
            if (stored.isPresent()) {
                needId = stored.get().id();
                NeedDao.updateReplica(c, needId, copy);
            } else {
                needId = NeedDao.insertReplica(c, copy, OrgPaths.encode(path));
            }
            Need after = NeedDao.get(c, needId);
            audit.record(c, caller, "need", Long.toString(needId), "REPLICATE", stored.orElse(null), after);
            events.needChanged(c, caller, after);
            return needId;
        });
        return Transactions.read(ds, c -> NeedDao.get(c, id));
    }
}
