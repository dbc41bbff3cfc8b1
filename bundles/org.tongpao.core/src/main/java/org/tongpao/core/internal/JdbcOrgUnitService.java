package org.tongpao.core.internal;

import org.tongpao.core.persistence.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.CoreTopics;
import org.tongpao.core.NewOrgUnit;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitFilter;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.OrgUnitUpdate;
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

/** Org units in {@code tp_org_unit}. */
@Component(service = OrgUnitService.class)
public class JdbcOrgUnitService implements OrgUnitService {
    static final String ENTITY = "orgunit";
    private static final String LABEL = "Org unit";
    private static final String WHAT = "org units";
    private static final String NATIONAL = "the ministry root or provincial departments";

    private final CoreSeed db;
    private final DataSource ds;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;
    private final EventOutbox outbox;

    @Activate
    public JdbcOrgUnitService(@Reference CoreSeed db, @Reference AuditTrail audit,
            @Reference IdempotencyKeys keys, @Reference EventOutbox outbox) {
        this.db = db;
        this.ds = db.dataSource();
        this.audit = audit;
        this.keys = keys;
        this.outbox = outbox;
    }

    @Override
    public Page<OrgUnit> list(Caller caller, OrgUnitFilter filter, int limit, String cursor) {
        int n = Paging.limit(limit);
        long after = Paging.after(cursor);
        OrgUnitFilter f = filter == null ? OrgUnitFilter.all() : filter;
        StringBuilder where = new StringBuilder("id > ?");
        List<Object> args = Jdbc.args(after);
        switch (ScopeRules.readReach(caller)) {
            case ALL -> {
            }
            case PROVINCE -> {
                where.append(" AND province_code = ?");
                args.add(caller.provinceCode());
            }
            default -> {
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
        if (f.parentId() != null) {
            where.append(" AND parent_id = ?");
            args.add(f.parentId());
        }
        if (f.level() != null) {
            where.append(" AND unit_level = ?");
            args.add(f.level());
        }
        if (f.active() != null) {
            where.append(" AND active = ?");
            args.add(f.active());
        }
        String q = Checks.query(f.q());
        if (q != null) {
            where.append(" AND (LOWER(code) LIKE ? ESCAPE '\\' OR LOWER(name) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(name_zh) LIKE ? ESCAPE '\\')");
            String p = Sql.containsPattern(q);
            args.add(p);
            args.add(p);
            args.add(p);
        }
        where.append(Paging.orderAndFetch("id", n));
        List<OrgUnit> rows = Transactions.read(ds, c -> OrgUnitDao.list(c, where.toString(), args));
        return Paging.page(rows, n, OrgUnit::id);
    }

    @Override
    public OrgUnit get(Caller caller, long id) {
        OrgUnit u = Transactions.read(ds, c -> OrgUnitDao.find(c, id)).orElseThrow(() -> new NotFoundException(LABEL, id));
        ScopeRules.requireVisible(ScopeRules.canReadUnit(caller, u.provinceCode()), LABEL, id);
        return u;
    }

    @Override
    public OrgUnit getByCode(Caller caller, String code) {
        OrgUnit u = Transactions.read(ds, c -> OrgUnitDao.findByCode(c, code))
                .orElseThrow(() -> new NotFoundException(LABEL, code));
        ScopeRules.requireVisible(ScopeRules.canReadUnit(caller, u.provinceCode()), LABEL, code);
        return u;
    }

    @Override
    public OrgUnit create(Caller caller, NewOrgUnit cmd, String idempotencyKey) {
        ScopeRules.requireScopedWriter(caller, WHAT);
        if (cmd == null) {
            throw new ValidationException("body", "a request body is required");
        }
        String code = Checks.code("code", cmd.code());
        String name = Checks.text("name", cmd.name(), 200);
        String nameZh = Checks.optionalText("nameZh", cmd.nameZh(), 200);
        OrgLevel level = cmd.level();
        if (level == null) {
            throw new ValidationException("level", "level is required");
        }
        if (cmd.provinceCode() != null && !db.provinces().isValid(cmd.provinceCode())) {
            throw new ValidationException("provinceCode", "unknown province " + cmd.provinceCode());
        }
        if (level == OrgLevel.MINISTRY) {
            if (cmd.parentId() != null) {
                throw new ValidationException("parentId", "the ministry has no parent");
            }
            if (cmd.provinceCode() != null) {
                throw new ValidationException("provinceCode", "the ministry belongs to no province");
            }
        } else if (cmd.parentId() == null) {
            throw new ValidationException("parentId", "parentId is required below the ministry");
        }
        if (level == OrgLevel.PROVINCE && cmd.provinceCode() == null) {
            throw new ValidationException("provinceCode", "a provincial department needs its provinceCode");
        }
        if (level == OrgLevel.MINISTRY || level == OrgLevel.PROVINCE) {
            ScopeRules.requireMinistryWriter(caller, NATIONAL);
        }
        Outcome outcome = keys.execute(ds, caller, idempotencyKey, ENTITY + ".create", cmd, c -> {
            String province = null;
            Long parentId = null;
            if (level == OrgLevel.MINISTRY) {
                if (OrgUnitDao.ministryExists(c)) {
                    throw new ConflictException("There is only one ministry");
                }
            } else {
                OrgUnit parent = lockedParent(c, caller, cmd.parentId());
                OrgLevel expected = level.parentLevel().orElseThrow();
                if (parent.level() != expected) {
                    throw new ValidationException("level", "a " + level + " unit must sit directly under a "
                            + expected + " unit, not under " + parent.level());
                }
                province = level == OrgLevel.PROVINCE ? cmd.provinceCode() : parent.provinceCode();
                if (cmd.provinceCode() != null && !cmd.provinceCode().equals(province)) {
                    throw new ValidationException("provinceCode", "provinceCode must match the parent's province "
                            + parent.provinceCode());
                }
                parentId = parent.id();
            }
            ScopeRules.requireWriteProvince(caller, province, WHAT);
            if (OrgUnitDao.findByCode(c, code).isPresent()) {
                throw duplicate(code);
            }
            long id;
            try {
                id = OrgUnitDao.insert(c, code, name, nameZh, level, parentId, province,
                        Boolean.TRUE.equals(cmd.frontLine()));
            } catch (SQLException e) {
                throw Sql.isUniqueViolation(e) ? duplicate(code) : e;
            }
            changed(c, caller, CoreTopics.CREATED, null, id);
            return new Ref(ENTITY, Long.toString(id));
        });
        return load(outcome.ref());
    }

    @Override
    public OrgUnit update(Caller caller, long id, OrgUnitUpdate cmd, String idempotencyKey) {
        ScopeRules.requireScopedWriter(caller, WHAT);
        if (cmd == null) {
            throw new ValidationException("body", "a request body is required");
        }
        String name = Checks.text("name", cmd.name(), 200);
        String nameZh = Checks.optionalText("nameZh", cmd.nameZh(), 200);
        long version = Checks.version("version", cmd.version());
        Outcome outcome = keys.execute(ds, caller, idempotencyKey, ENTITY + ".update:" + id, cmd, c -> {
            OrgUnit before = writable(c, caller, id);
            Checks.expectVersion(LABEL, id, version, before.version());
            boolean frontLine = cmd.frontLine() == null ? before.frontLine() : cmd.frontLine();
            if (!OrgUnitDao.update(c, id, version, name, nameZh, frontLine)) {
                throw stale(c, id, version);
            }
            changed(c, caller, CoreTopics.UPDATED, before, id);
            return new Ref(ENTITY, Long.toString(id));
        });
        return load(outcome.ref());
    }

    @Override
    public OrgUnit deactivate(Caller caller, long id, Long expectedVersion, String idempotencyKey) {
        ScopeRules.requireScopedWriter(caller, WHAT);
        Long expected = Checks.optionalVersion("version", expectedVersion);
        Outcome outcome = keys.execute(ds, caller, idempotencyKey, ENTITY + ".deactivate:" + id,
                Collections.singletonMap("version", expected), c -> {
                    OrgUnit before = writable(c, caller, id);
                    Checks.expectVersion(LABEL, id, expected, before.version());
                    if (!before.active()) {
                        return new Ref(ENTITY, Long.toString(id));
                    }
                    // the versioned update takes the row lock before the children are counted
                    if (!OrgUnitDao.deactivate(c, id, before.version())) {
                        throw stale(c, id, before.version());
                    }
                    long children = OrgUnitDao.activeChildren(c, id);
                    if (children > 0) {
                        throw new ConflictException(LABEL + " " + before.code() + " still has " + children
                                + " active child unit(s)");
                    }
                    long depots = DepotDao.activeDepotsOf(c, id);
                    if (depots > 0) {
                        throw new ConflictException(LABEL + " " + before.code() + " still owns " + depots
                                + " active depot(s)");
                    }
                    changed(c, caller, CoreTopics.DEACTIVATED, before, id);
                    return new Ref(ENTITY, Long.toString(id));
                });
        return load(outcome.ref());
    }

    /**
     * The parent of a new unit, row-locked, existing, visible to the caller (else the same 404 as a missing
     * one, before any rule about the parent is checked) and active.
     */
    static OrgUnit lockedParent(Connection c, Caller caller, long parentId) throws SQLException {
        OrgUnit parent = ScopeRules.visibleField(OrgUnitDao.lock(c, parentId) ? OrgUnitDao.find(c, parentId)
                : Optional.empty(), u -> ScopeRules.canReadUnit(caller, u.provinceCode()), "parentId", parentId);
        if (!parent.active()) {
            throw new ValidationException("parentId", "parent unit " + parent.code() + " is inactive");
        }
        return parent;
    }

    /**
     * The unit to change, after the scope checks for changing it: visibility first (404 like a missing id),
     * then the level rule, so the level of a unit the caller cannot see is not revealed by a 403.
     */
    private static OrgUnit writable(Connection c, Caller caller, long id) throws SQLException {
        OrgUnit before = ScopeRules.visible(OrgUnitDao.find(c, id),
                u -> ScopeRules.canReadUnit(caller, u.provinceCode()), LABEL, id);
        if (before.level() == OrgLevel.MINISTRY || before.level() == OrgLevel.PROVINCE) {
            ScopeRules.requireMinistryWriter(caller, NATIONAL);
        }
        ScopeRules.requireWriteProvince(caller, before.provinceCode(), WHAT);
        return before;
    }

    private static StaleVersionException stale(Connection c, long id, long expected) throws SQLException {
        long actual = OrgUnitDao.find(c, id).map(OrgUnit::version).orElse(-1L);
        return new StaleVersionException(LABEL, id, expected, actual);
    }

    private static ConflictException duplicate(String code) {
        return new ConflictException(LABEL + " code " + code + " already exists");
    }

    private OrgUnit load(Ref ref) {
        long id = Long.parseLong(ref.id());
        return Transactions.read(ds, c -> OrgUnitDao.find(c, id)).orElseThrow(() -> new NotFoundException(LABEL, id));
    }

    /** The change's audit row and event, in its transaction. */
    private void changed(Connection c, Caller caller, String action, OrgUnit before, long id) throws SQLException {
        OrgUnit after = OrgUnitDao.find(c, id).orElseThrow();
        audit.record(c, caller, ENTITY, Long.toString(id), action, before, after);
        outbox.record(c, CoreTopics.ORG_UNIT + action, CoreEvents.properties(caller, db.node(), id, after.code(), after.provinceCode(),
                after.version()));
    }
}
