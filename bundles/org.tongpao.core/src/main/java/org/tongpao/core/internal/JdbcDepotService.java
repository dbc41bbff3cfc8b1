package org.tongpao.core.internal;

import org.tongpao.core.persistence.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
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
import org.tongpao.core.ConflictException;
import org.tongpao.core.CoreTopics;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.DepotService;
import org.tongpao.core.DepotUpdate;
import org.tongpao.core.NewDepot;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.IdempotencyKeys.Outcome;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.spi.DepotUsage;

/** Depots in {@code tp_depot}; a depot belongs to the province of its owner unit. */
@Component(service = DepotService.class)
public class JdbcDepotService implements DepotService {
    static final String ENTITY = "depot";
    private static final String LABEL = "Depot";
    private static final String WHAT = "depots";

    private final CoreSeed db;
    private final DataSource ds;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;
    private final EventOutbox outbox;

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
        this.audit = audit;
        this.keys = keys;
        this.outbox = outbox;
    }

    @Override
    public Page<Depot> list(Caller caller, DepotFilter filter, int limit, String cursor) {
        int n = Paging.limit(limit);
        long after = Paging.after(cursor);
        DepotFilter f = filter == null ? DepotFilter.all() : filter;
        StringBuilder where = new StringBuilder("id > ?");
        List<Object> args = Jdbc.args(after);
        switch (ScopeRules.readReach(caller)) {
            case ALL -> {
            }
            case PROVINCE -> {
                where.append(" AND province_code = ?");
                args.add(caller.provinceCode());
            }
            case DEPOT -> {
                where.append(" AND code = ?");
                args.add(caller.depotCode());
            }
            case NONE -> {
                return new Page<>(List.of(), null);
            }
        }
        if (f.province() != null) {
            if (!db.provinces().isValid(f.province())) {
                throw new ValidationException("province", "unknown province " + f.province());
            }
            where.append(" AND province_code = ?");
            args.add(f.province());
        }
        if (f.orgUnitId() != null) {
            where.append(" AND org_unit_id = ?");
            args.add(f.orgUnitId());
        }
        if (f.active() != null) {
            where.append(" AND active = ?");
            args.add(f.active());
        }
        String q = Checks.query(f.q());
        if (q != null) {
            where.append(" AND (LOWER(code) LIKE ? ESCAPE '\\' OR LOWER(name) LIKE ? ESCAPE '\\')");
            String p = Sql.containsPattern(q);
            args.add(p);
            args.add(p);
        }
        where.append(Paging.orderAndFetch("id", n));
        List<Depot> rows = Transactions.read(ds, c -> DepotDao.list(c, where.toString(), args));
        return Paging.page(rows, n, Depot::id);
    }

    @Override
    public Depot get(Caller caller, long id) {
        Depot d = Transactions.read(ds, c -> DepotDao.find(c, id)).orElseThrow(() -> new NotFoundException(LABEL, id));
        ScopeRules.requireVisible(ScopeRules.canReadDepot(caller, d.provinceCode(), d.code()), LABEL, id);
        return d;
    }

    @Override
    public Depot getByCode(Caller caller, String code) {
        Depot d = Transactions.read(ds, c -> DepotDao.findByCode(c, code))
                .orElseThrow(() -> new NotFoundException(LABEL, code));
        ScopeRules.requireVisible(ScopeRules.canReadDepot(caller, d.provinceCode(), d.code()), LABEL, code);
        return d;
    }

    @Override
    public Depot create(Caller caller, NewDepot cmd, String idempotencyKey) {
        ScopeRules.requireScopedWriter(caller, WHAT);
        if (cmd == null) {
            throw new ValidationException("body", "a request body is required");
        }
        String code = Checks.code("code", cmd.code());
        String name = Checks.text("name", cmd.name(), 200);
        String address = Checks.optionalText("address", cmd.address(), 500);
        if (cmd.orgUnitId() == null) {
            throw new ValidationException("orgUnitId", "orgUnitId is required");
        }
        Outcome outcome = keys.execute(ds, caller, idempotencyKey, ENTITY + ".create", cmd, c -> {
            OrgUnit owner = owner(c, caller, cmd.orgUnitId());
            ScopeRules.requireWriteProvince(caller, owner.provinceCode(), WHAT);
            if (DepotDao.findByCode(c, code).isPresent()) {
                throw duplicate(code);
            }
            long id;
            try {
                id = DepotDao.insert(c, code, name, owner.id(), owner.provinceCode(), address);
            } catch (SQLException e) {
                throw Sql.isUniqueViolation(e) ? duplicate(code) : e;
            }
            changed(c, caller, CoreTopics.CREATED, null, id);
            return new Ref(ENTITY, Long.toString(id));
        });
        return load(outcome.ref());
    }

    @Override
    public Depot update(Caller caller, long id, DepotUpdate cmd, String idempotencyKey) {
        ScopeRules.requireScopedWriter(caller, WHAT);
        if (cmd == null) {
            throw new ValidationException("body", "a request body is required");
        }
        String name = Checks.text("name", cmd.name(), 200);
        String address = Checks.optionalText("address", cmd.address(), 500);
        long version = Checks.version("version", cmd.version());
        Outcome outcome = keys.execute(ds, caller, idempotencyKey, ENTITY + ".update:" + id, cmd, c -> {
            Depot before = writable(c, caller, id);
            Checks.expectVersion(LABEL, id, version, before.version());
            if (!DepotDao.update(c, id, version, name, address)) {
                throw stale(c, id, version);
            }
            changed(c, caller, CoreTopics.UPDATED, before, id);
            return new Ref(ENTITY, Long.toString(id));
        });
        return load(outcome.ref());
    }

    @Override
    public Depot deactivate(Caller caller, long id, Long expectedVersion, String idempotencyKey) {
        ScopeRules.requireScopedWriter(caller, WHAT);
        Long expected = Checks.optionalVersion("version", expectedVersion);
        Outcome outcome = keys.execute(ds, caller, idempotencyKey, ENTITY + ".deactivate:" + id,
                Collections.singletonMap("version", expected), c -> {
                    Depot before = writable(c, caller, id);
                    Checks.expectVersion(LABEL, id, expected, before.version());
                    if (!before.active()) {
                        return new Ref(ENTITY, Long.toString(id));
                    }
                    // the update locks the depot row first: a write that reads the depot afterwards waits for us
                    if (!DepotDao.deactivate(c, id, before.version())) {
                        throw stale(c, id, before.version());
                    }
                    requireUnused(c, before);
                    changed(c, caller, CoreTopics.DEACTIVATED, before, id);
                    return new Ref(ENTITY, Long.toString(id));
                });
        return load(outcome.ref());
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
        OrgUnit owner = ScopeRules.visibleField(OrgUnitDao.lock(c, orgUnitId) ? OrgUnitDao.find(c, orgUnitId)
                : Optional.empty(), u -> ScopeRules.canReadUnit(caller, u.provinceCode()), "orgUnitId", orgUnitId);
        if (!owner.active()) {
            throw new ValidationException("orgUnitId", "org unit " + owner.code() + " is inactive");
        }
        return owner;
    }

    private static Depot writable(Connection c, Caller caller, long id) throws SQLException {
        Depot before = ScopeRules.visible(DepotDao.find(c, id),
                d -> ScopeRules.canReadDepot(caller, d.provinceCode(), d.code()), LABEL, id);
        ScopeRules.requireWriteProvince(caller, before.provinceCode(), WHAT);
        return before;
    }

    private static StaleVersionException stale(Connection c, long id, long expected) throws SQLException {
        long actual = DepotDao.find(c, id).map(Depot::version).orElse(-1L);
        return new StaleVersionException(LABEL, id, expected, actual);
    }

    private static ConflictException duplicate(String code) {
        return new ConflictException(LABEL + " code " + code + " already exists");
    }

    private Depot load(Ref ref) {
        long id = Long.parseLong(ref.id());
        return Transactions.read(ds, c -> DepotDao.find(c, id)).orElseThrow(() -> new NotFoundException(LABEL, id));
    }

    /** The change's audit row and event, in its transaction. */
    private void changed(Connection c, Caller caller, String action, Depot before, long id) throws SQLException {
        Depot after = DepotDao.find(c, id).orElseThrow();
        audit.record(c, caller, ENTITY, Long.toString(id), action, before, after);
        outbox.record(c, CoreTopics.DEPOT + action, CoreEvents.properties(caller, db.node(), id, after.code(), after.provinceCode(),
                after.version()));
    }
}
