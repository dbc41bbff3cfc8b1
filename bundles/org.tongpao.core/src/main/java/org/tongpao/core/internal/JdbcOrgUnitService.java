package org.tongpao.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.CoreTopics;
import org.tongpao.core.NewOrgUnit;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitFilter;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.OrgUnitUpdate;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;

/** Org units in {@code tp_org_unit}. */
@Component(service = OrgUnitService.class)
public class JdbcOrgUnitService implements OrgUnitService {
    static final String ENTITY = "orgunit";
    private static final String LABEL = "Org unit";
    private static final RecordSupport.Kind<OrgUnit> KIND = new RecordSupport.Kind<>(ENTITY, LABEL, CoreTopics.ORG_UNIT,
            OrgUnitDao.TABLE, OrgUnit::version, OrgUnit::active, OrgUnit::code, OrgUnit::provinceCode, CoreEvents::snapshot);
    private static final String WHAT = "org units";
    private static final String NATIONAL = "the ministry root or provincial departments";

    private final CoreSeed db;
    private final DataSource ds;
    private final RecordSupport<OrgUnit> records;

    @Activate
    public JdbcOrgUnitService(@Reference CoreSeed db, @Reference AuditTrail audit,
            @Reference IdempotencyKeys keys, @Reference EventOutbox outbox) {
        this.db = db;
        this.ds = db.dataSource();
        this.records = new RecordSupport<>(KIND, db, audit, keys, outbox);
    }

    @Override
    public Page<OrgUnit> list(Caller caller, OrgUnitFilter filter, int limit, String cursor) {
        ListQuery query = new ListQuery(limit, cursor);
        OrgUnitFilter f = filter == null ? OrgUnitFilter.all() : filter;
        switch (ScopeRules.readReach(caller)) {
            case ALL -> {
            }
            case PROVINCE -> query.equal("province_code", caller.provinceCode());
            default -> {
                return new Page<>(List.of(), null);
            }
        }
        return query.optional("province_code", db.knownProvince(f.province())).optional("parent_id", f.parentId())
                .optional("unit_level", f.level()).optional("active", f.active())
                .contains(f.q(), "code", "name", "name_zh").page(ds, OrgUnitDao.TABLE, OrgUnit::id);
    }

    @Override
    public OrgUnit get(Caller caller, long id) {
        OrgUnit u = records.get(id);
        ScopeRules.requireVisible(ScopeRules.canReadUnit(caller, u.provinceCode()), LABEL, id);
        return u;
    }

    @Override
    public OrgUnit getByCode(Caller caller, String code) {
        OrgUnit u = records.getByCode(code);
        ScopeRules.requireVisible(ScopeRules.canReadUnit(caller, u.provinceCode()), LABEL, code);
        return u;
    }

    @Override
    public OrgUnit create(Caller caller, NewOrgUnit cmd, String idempotencyKey) {
        ScopeRules.requireScopedWriter(caller, WHAT);
        Checks.body(cmd);
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
        return records.write(caller, idempotencyKey, ".create", cmd, c -> {
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
            Long parent = parentId;
            String inProvince = province;
            return records.create(c, caller, code, c2 -> OrgUnitDao.insert(c2, code, name, nameZh, level, parent,
                    inProvince, Boolean.TRUE.equals(cmd.frontLine())));
        });
    }

    @Override
    public OrgUnit update(Caller caller, long id, OrgUnitUpdate cmd, String idempotencyKey) {
        ScopeRules.requireScopedWriter(caller, WHAT);
        Checks.body(cmd);
        String name = Checks.text("name", cmd.name(), 200);
        String nameZh = Checks.optionalText("nameZh", cmd.nameZh(), 200);
        long version = Checks.version("version", cmd.version());
        return records.write(caller, idempotencyKey, ".update:" + id, cmd, c -> {
            OrgUnit before = writable(c, caller, id);
            boolean frontLine = cmd.frontLine() == null ? before.frontLine() : cmd.frontLine();
            return records.update(c, caller, before, id, version,
                    c2 -> OrgUnitDao.update(c2, id, version, name, nameZh, frontLine));
        });
    }

    @Override
    public OrgUnit deactivate(Caller caller, long id, Long expectedVersion, String idempotencyKey) {
        ScopeRules.requireScopedWriter(caller, WHAT);
        // the versioned update takes the row lock before the children are counted
        return records.deactivate(caller, id, expectedVersion, idempotencyKey, (c, key) -> writable(c, caller, key),
                JdbcOrgUnitService::requireEmpty);
    }

    /** 409 while the unit still has active children or owns active depots. */
    private static void requireEmpty(Connection c, OrgUnit unit) throws SQLException {
        long children = OrgUnitDao.activeChildren(c, unit.id());
        if (children > 0) {
            throw new ConflictException(LABEL + " " + unit.code() + " still has " + children
                    + " active child unit(s)");
        }
        long depots = DepotDao.activeDepotsOf(c, unit.id());
        if (depots > 0) {
            throw new ConflictException(LABEL + " " + unit.code() + " still owns " + depots + " active depot(s)");
        }
    }

    /**
     * The parent of a new unit, row-locked, existing, visible to the caller (else the same 404 as a missing
     * one, before any rule about the parent is checked) and active.
     */
    static OrgUnit lockedParent(Connection c, Caller caller, long parentId) throws SQLException {
        OrgUnit parent = ScopeRules.visibleField(OrgUnitDao.lock(c, parentId) ? OrgUnitDao.TABLE.find(c, parentId)
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
        OrgUnit before = ScopeRules.visible(OrgUnitDao.TABLE.find(c, id),
                u -> ScopeRules.canReadUnit(caller, u.provinceCode()), LABEL, id);
        if (before.level() == OrgLevel.MINISTRY || before.level() == OrgLevel.PROVINCE) {
            ScopeRules.requireMinistryWriter(caller, NATIONAL);
        }
        ScopeRules.requireWriteProvince(caller, before.provinceCode(), WHAT);
        return before;
    }




}
