package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.Need;
import org.tongpao.allocation.NeedReplica;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.Checks;
import org.tongpao.core.DepotService;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Roles;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
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
        Named named = named(caller, r);
        String source = named.source();
        long id = Transactions.write(ds, "need.replicate", c -> {
            Optional<Need> stored = NeedDao.bySource(c, source);
            if (stored.isPresent() && stored.get().version() >= r.version()) {
                return stored.get().id();
            }
            Need copy = named.need(c, r).source(source).build();
            long needId;
            if (stored.isPresent()) {
                needId = stored.get().id();
                NeedDao.updateReplica(c, needId, copy);
            } else {
                needId = NeedDao.insertReplica(c, copy, OrgPaths.encode(named.path()));
            }
            Need after = NeedDao.get(c, needId);
            audit.record(c, caller, "need", Long.toString(needId), "REPLICATE", stored.orElse(null), after);
            events.needChanged(c, caller, after);
            return needId;
        });
        return Transactions.read(ds, c -> NeedDao.get(c, id));
    }

    /**
     * A rebuilt node's own needs back from central's copies, under their ids (as its stock keeps its lots' ids), so
     * that their later {@code need.changed} still match central's copies; the identity continues above them.
     */
    List<Need> restore(Caller caller, List<NeedReplica> replicas) {
        if (!caller.hasRole(Roles.MINISTRY_ADMIN)) {
            throw new AccessDeniedException("only the rebuild, as central, restores needs");
        }
        Checks.required("needs", replicas);
        List<Named> named = new ArrayList<>();
        for (NeedReplica r : replicas) {
            named.add(named(caller, r));
        }
        List<Long> ids = Transactions.write(ds, "need.restore", c -> {
            List<Long> stored = new ArrayList<>();
            for (int i = 0; i < replicas.size(); i++) {
                NeedReplica r = replicas.get(i);
                long id = idHere(named.get(i).source());
                if (!NeedDao.exists(c, id)) {
                    NeedDao.insertRestored(c, id, named.get(i).need(c, r).build(), OrgPaths.encode(named.get(i).path()));
                    audit.record(c, caller, "need", Long.toString(id), "RESTORE", null, NeedDao.get(c, id));
                }
                stored.add(id);
            }
            NeedDao.continueNumbering(c);
            return stored;
        });
        return Transactions.read(ds, c -> {
            List<Need> out = new ArrayList<>();
            for (long id : ids) {
                out.add(NeedDao.get(c, id));
            }
            return out;
        });
    }

    private static long idHere(String source) {
        try {
            return Long.parseLong(source.substring(source.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            throw new ValidationException("source", "a need's source is <node>/<id there>, not " + source);
        }
    }

    /** A copy's codes resolved with the caller's scope (another province's unit or depot is the 404 of an unknown). */
    private Named named(Caller caller, NeedReplica r) {
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
        return new Named(source, unit, itemId, depotId, new OrgPaths(units, depots, caller.requestId()).path(unit.id()));
    }

    /** A copy's unit, item and depot as this node knows them, and the unit's path (for the key-area flag). */
    private record Named(String source, OrgUnit unit, Long itemId, Long depotId, long[] path) {

        /** The need as stored here, its key-area flag derived from this node's key areas; no source set. */
        Need.Builder need(Connection c, NeedReplica r) throws SQLException {
            KeyArea area = NeedDao.match(NeedDao.keyAreas(c), unit.provinceCode(), path);
            return Need.builder().orgUnitId(unit.id()).unitCode(unit.code()).provinceCode(unit.provinceCode())
                    .itemId(itemId).categoryCode(itemId == null ? r.categoryCode() : null).quantity(r.quantity())
                    .allocated(r.allocated()).received(r.received()).urgency(r.urgency()).frontLine(r.frontLine())
                    .keyArea(area != null).keyAreaLabel(area == null ? null : area.label()).neededBy(r.neededBy())
                    .justification(r.justification()).daysOfCoverLeft(r.daysOfCoverLeft()).receivingDepotId(depotId)
                    .state(r.state()).createdBy(r.createdBy()).createdAt(r.createdAt()).updatedAt(r.updatedAt())
                    .version(r.version());
        }
    }
}
