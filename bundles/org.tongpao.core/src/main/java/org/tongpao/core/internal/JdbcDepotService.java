package org.tongpao.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.CoreTopics;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.DepotService;
import org.tongpao.core.DepotUpdate;
import org.tongpao.core.NewDepot;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.spi.DepotUsage;

/** Depots in {@code tp_depot}; a depot belongs to the province of its owner unit. */
@Component(service = DepotService.class)
public class JdbcDepotService implements DepotService {
    static final String ENTITY = "depot";
    private static final String LABEL = "Depot";
    private static final RecordSupport.Kind<Depot> KIND = new RecordSupport.Kind<>(ENTITY, LABEL, CoreTopics.DEPOT,
            DepotDao.TABLE, Depot::version, Depot::active, Depot::code, Depot::provinceCode, CoreEvents::snapshot);
    private static final String WHAT = "depots";

    private final CoreSeed db;
    private final DataSource ds;
    private final RecordSupport<Depot> records;

    /** Every registered "is this depot still in use?" check; all are consulted before a deactivation. */
    private final Set<DepotUsage> usages = new CopyOnWriteArraySet<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeUsage")
    public void addUsage(DepotUsage usage) {
        usages.add(usage);
    }

    public void removeUsage(DepotUsage usage) {
        usages.remove(usage);
    }

    @Activate
    public JdbcDepotService(@Reference CoreSeed db, @Reference AuditTrail audit,
            @Reference IdempotencyKeys keys, @Reference EventOutbox outbox) {
        this.db = db;
        this.ds = db.dataSource();
        this.records = new RecordSupport<>(KIND, db, audit, keys, outbox);
    }

    @Override
    public Page<Depot> list(Caller caller, DepotFilter filter, int limit, String cursor) {
        ListQuery query = new ListQuery(limit, cursor);
        DepotFilter f = filter == null ? DepotFilter.all() : filter;
        switch (ScopeRules.readReach(caller)) {
            case ALL -> {
            }
            case PROVINCE -> query.equal("province_code", caller.provinceCode());
            case DEPOT -> query.equal("code", caller.depotCode());
            case NONE -> {
                return new Page<>(List.of(), null);
            }
        }
        return query.optional("province_code", db.knownProvince(f.province())).optional("org_unit_id", f.orgUnitId())
                .optional("active", f.active()).contains(f.q(), "code", "name").page(ds, DepotDao.TABLE, Depot::id);
    }

    @Override
    public Depot get(Caller caller, long id) {
        Depot d = records.get(id);
        ScopeRules.requireVisible(ScopeRules.canReadDepot(caller, d.provinceCode(), d.code()), LABEL, id);
        return d;
    }

    @Override
    public Depot getByCode(Caller caller, String code) {
        Depot d = records.getByCode(code);
        ScopeRules.requireVisible(ScopeRules.canReadDepot(caller, d.provinceCode(), d.code()), LABEL, code);
        return d;
    }

    @Override
    public Depot create(Caller caller, NewDepot cmd, String idempotencyKey) {
        ScopeRules.requireScopedWriter(caller, WHAT);
        Checks.body(cmd);
        String code = Checks.code("code", cmd.code());
        String name = Checks.text("name", cmd.name(), 200);
        String address = Checks.optionalText("address", cmd.address(), 500);
        if (cmd.orgUnitId() == null) {
            throw new ValidationException("orgUnitId", "orgUnitId is required");
        }
        return records.write(caller, idempotencyKey, ".create", cmd, c -> {
            OrgUnit owner = owner(c, caller, cmd.orgUnitId());
            ScopeRules.requireWriteProvince(caller, owner.provinceCode(), WHAT);
            return records.create(c, caller, code,
                    c2 -> DepotDao.insert(c2, code, name, owner.id(), owner.provinceCode(), address));
        });
    }

    @Override
    public Depot update(Caller caller, long id, DepotUpdate cmd, String idempotencyKey) {
        ScopeRules.requireScopedWriter(caller, WHAT);
        Checks.body(cmd);
        String name = Checks.text("name", cmd.name(), 200);
        String address = Checks.optionalText("address", cmd.address(), 500);
        long version = Checks.version("version", cmd.version());
        return records.write(caller, idempotencyKey, ".update:" + id, cmd, c -> {
            return records.update(c, caller, writable(c, caller, id), id, version,
                    c2 -> DepotDao.update(c2, id, version, name, address));
        });
    }

    @Override
    public Depot deactivate(Caller caller, long id, Long expectedVersion, String idempotencyKey) {
        ScopeRules.requireScopedWriter(caller, WHAT);
        // the update locks the depot row first: a write that reads the depot afterwards waits for us
        return records.deactivate(caller, id, expectedVersion, idempotencyKey, (c, key) -> writable(c, caller, key),
                this::requireUnused);
    }

    /** 409 (and the transaction rolls back) while any registered {@link DepotUsage} still uses the depot. */
    private void requireUnused(Connection c, Depot depot) throws SQLException {
        List<String> reasons = new ArrayList<>();
        for (DepotUsage usage : usages) {
            Optional<String> reason = usage.inUse(c, depot.id());
            reason.ifPresent(reasons::add);
        }
        if (!reasons.isEmpty()) {
            throw new ConflictException("Depot " + depot.code() + " is still in use and cannot be deactivated: "
                    + String.join("; ", reasons));
        }
    }

    /**
     * The owner of a new depot: row-locked (against a concurrent deactivation), existing, visible to the
     * caller (else the same 404 as a missing one) and active.
     */
    private static OrgUnit owner(Connection c, Caller caller, long orgUnitId) throws SQLException {
        OrgUnit owner = ScopeRules.visibleField(OrgUnitDao.lock(c, orgUnitId) ? OrgUnitDao.TABLE.find(c, orgUnitId)
                : Optional.empty(), u -> ScopeRules.canReadUnit(caller, u.provinceCode()), "orgUnitId", orgUnitId);
        if (!owner.active()) {
            throw new ValidationException("orgUnitId", "org unit " + owner.code() + " is inactive");
        }
        return owner;
    }

    private static Depot writable(Connection c, Caller caller, long id) throws SQLException {
        Depot before = ScopeRules.visible(DepotDao.TABLE.find(c, id),
                d -> ScopeRules.canReadDepot(caller, d.provinceCode(), d.code()), LABEL, id);
        ScopeRules.requireWriteProvince(caller, before.provinceCode(), WHAT);
        return before;
    }




}
