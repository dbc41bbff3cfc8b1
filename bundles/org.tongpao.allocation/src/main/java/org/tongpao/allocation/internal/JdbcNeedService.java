package org.tongpao.allocation.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.Need;
import org.tongpao.allocation.NeedFilter;
import org.tongpao.allocation.NeedReplica;
import org.tongpao.allocation.NeedService;
import org.tongpao.allocation.NeedState;
import org.tongpao.allocation.NewKeyArea;
import org.tongpao.allocation.NewNeed;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotService;
import org.tongpao.core.Item;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Page;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.spi.MasterDataOwner;

/** Needs in {@code tp_alloc_need}, key areas in {@code tp_alloc_key_area}. */
@Component(service = {NeedService.class, JdbcNeedService.class})
public class JdbcNeedService implements NeedService {
    static final String LABEL = "Need";
    private static final String WHAT = "needs";

    private final DataSource ds;
    private final OrgUnitService units;
    private final CatalogueService catalogue;
    private final DepotService depots;
    private final ProvinceRegistry provinces;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;

    private final AllocationEvents events;
    private final NeedReplicas replicas;
    /** Who owns the key areas (federation's, on a federated province: central); none: this node. */
    private volatile MasterDataOwner masterDataOwner;

    /** How far the client's clock may lag ours when it sends a neededBy of "today". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    @Activate
    public JdbcNeedService(@Reference(target = AllocationSchema.READY) SchemaReady schema,
            @Reference OrgUnitService units, @Reference CatalogueService catalogue, @Reference DepotService depots,
            @Reference ProvinceRegistry provinces, @Reference AuditTrail audit, @Reference IdempotencyKeys keys,
            @Reference EventOutbox outbox) {
        this.events = new AllocationEvents(outbox);
        this.ds = schema.dataSource();
        this.units = units;
        this.catalogue = catalogue;
        this.depots = depots;
        this.provinces = provinces;
        this.audit = audit;
        this.keys = keys;
        this.replicas = new NeedReplicas(ds, units, catalogue, depots, audit, events);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindMasterDataOwner")
    public void bindMasterDataOwner(MasterDataOwner owner) {
        this.masterDataOwner = owner;
    }

    public void unbindMasterDataOwner(MasterDataOwner owner) {
        if (this.masterDataOwner == owner) {
            this.masterDataOwner = null;
        }
    }

    /** Key areas are master data: a node whose master data another node owns refuses local changes (409). */
    private void requireLocalKeyAreas(Caller caller) {
        MasterDataOwner owner = masterDataOwner;
        if (owner != null) {
            owner.remoteOwner(caller).ifPresent(node -> {
                throw new ConflictException("Key areas are master data owned by node " + node
                        + ": declare or remove them there; this node takes them from it");
            });
        }
    }

    @Override
    public Need replicate(Caller caller, NeedReplica replica) {
        return replicas.replicate(caller, replica);
    }

    @Override
    public List<Need> restore(Caller caller, List<NeedReplica> needs) {
        return replicas.restore(caller, needs);
    }

    @Override
    public Page<Need> replicasOf(Caller caller, String node, Set<NeedState> states, int limit, String cursor) {
        Checks.required("node", node);
        Where where = scoped(caller, cursor);
        // sources starting "<node>/" ('0' follows '/'): a range on the unique source index, no LIKE escaping
        where.and("source >= ? AND source < ?", node + "/", node + "0");
        if (states != null && !states.isEmpty()) {
            List<String> names = states.stream().map(Enum::name).sorted().toList();
            where.and(Where.in("state", names));
            where.args().addAll(names);
        }
        return page(where, limit);
    }

    @Override
    public Page<Need> list(Caller caller, NeedFilter filter, int limit, String cursor) {
        NeedFilter f = filter == null ? NeedFilter.all() : filter;
        Where where = scoped(caller, cursor);
        if (f.province() != null) {
            if (!provinces.isValid(f.province())) {
                throw new ValidationException("province", "unknown province " + f.province());
            }
            where.and("province_code = ?", f.province());
        }
        if (f.orgUnitId() != null) {
            where.and("org_unit_id = ?", f.orgUnitId());
        }
        if (f.state() != null) {
            where.and("state = ?", f.state().name());
        }
        if (f.urgency() != null) {
            where.and("urgency = ?", f.urgency().name());
        }
        if (f.itemId() != null) {
            where.and("item_id = ?", f.itemId());
        }
        if (f.categoryCode() != null) {
            // needs for the category itself and for any of its items
            List<Long> items = itemsOf(caller, f.categoryCode());
            where.and(items.isEmpty() ? "category_code = ?"
                    : "(category_code = ? OR " + Where.in("item_id", items) + ")", f.categoryCode());
            where.args().addAll(items);
        }
        return page(where, limit);
    }

    /** The needs after {@code cursor} the caller may read: all for ministry roles, its province's otherwise. */
    private static Where scoped(Caller caller, String cursor) {
        Where where = Where.after(cursor);
        switch (ScopeRules.readReach(caller)) {
            case ALL -> { }
            case PROVINCE -> where.and("province_code = ?", caller.provinceCode());
            default -> throw new AccessDeniedException("The caller's role may not read " + WHAT);
        }
        return where;
    }

    private Page<Need> page(Where where, int limit) {
        List<Need> rows = Transactions.read(ds, c -> NeedDao.query(c, where.sql(), where.args(),
                Paging.orderAndFetch("id", limit)).stream().map(NeedDao.Row::need).toList());
        return Paging.page(rows, limit, Need::id);
    }

    @Override
    public Need get(Caller caller, long id) {
        Need n = Transactions.read(ds, c -> NeedDao.get(c, id));
        ScopeRules.requireVisible(ScopeRules.canReadUnit(caller, n.provinceCode()), LABEL, id);
        return n;
    }

    @Override
    public Need create(Caller caller, NewNeed cmd, String idempotencyKey) {
        ScopeRules.requireScopedWriter(caller, WHAT);
        OrgUnit unit = validNeed(caller, cmd);
        OrgPaths paths = new OrgPaths(units, depots, caller.requestId());
        long[] path = paths.path(unit.id());
        String unitPath = OrgPaths.encode(path);
        boolean frontLine = cmd.frontLine() != null ? cmd.frontLine() : unit.frontLine();
        IdempotencyKeys.Outcome out = keys.execute(ds, caller, idempotencyKey, "need.create", cmd, c -> {
            KeyArea area = NeedDao.match(NeedDao.keyAreas(c), unit.provinceCode(), path);
            Instant now = Sql.now();
            Need draft = Need.builder().orgUnitId(unit.id()).unitCode(unit.code()).provinceCode(unit.provinceCode())
                    .itemId(cmd.itemId()).categoryCode(cmd.itemId() != null ? null : cmd.categoryCode())
                    .quantity(cmd.quantity()).urgency(cmd.urgency()).frontLine(frontLine).keyArea(area != null)
                    .keyAreaLabel(area == null ? null : area.label()).neededBy(cmd.neededBy())
                    .justification(cmd.justification()).daysOfCoverLeft(cmd.daysOfCoverLeft())
                    .receivingDepotId(cmd.receivingDepotId()).deliverToUnit(Boolean.TRUE.equals(cmd.deliverToUnit()))
                    .state(NeedState.OPEN).createdBy(caller.user())
                    .createdAt(now).updatedAt(now).version(1).build();
            long id = NeedDao.insert(c, draft, unitPath);
            Need created = NeedDao.get(c, id);
            audit.record(c, caller, "need", Long.toString(id), "CREATE", null, created);
            events.record(c, AllocationTopics.NEED_CREATED, caller, id, created.provinceCode(),
                    Map.of("urgency", created.urgency().name(), "quantity", created.quantity()));
            events.needChanged(c, caller, created);
            return new IdempotencyKeys.Ref("need", Long.toString(id));
        });
        return Transactions.read(ds, c -> NeedDao.get(c, Long.parseLong(out.ref().id())));
    }

    /** Checks a new need field by field; answers its (active, in-scope) org unit. */
    private OrgUnit validNeed(Caller caller, NewNeed cmd) {
        Checks.required("orgUnitId", cmd.orgUnitId());
        if (cmd.quantity() == null || cmd.quantity() <= 0) {
            // not Checks.positive: its message differs from the one clients of this operation have seen
            throw new ValidationException("quantity", "quantity must be positive");
        }
        Checks.required("urgency", cmd.urgency());
        if ((cmd.itemId() == null) == (cmd.categoryCode() == null)) {
            throw new ValidationException("itemId", "give exactly one of itemId and categoryCode");
        }
        if (cmd.neededBy() != null && cmd.neededBy().isBefore(earliestNeededBy(Instant.now()))) {
            throw new ValidationException("neededBy", "neededBy " + cmd.neededBy() + " lies in the past");
        }
        // unknown or outside the caller's scope: the same 404 naming the field
        OrgUnit unit = ScopeRules.namedInBody("orgUnitId", cmd.orgUnitId(), () -> units.get(caller, cmd.orgUnitId()));
        if (!unit.active()) {
            throw new ValidationException("orgUnitId", "org unit " + unit.code() + " is inactive");
        }
        ScopeRules.requireWriteProvince(caller, unit.provinceCode(), WHAT);
        if (cmd.itemId() != null) {
            Item item = catalogue.get(caller, cmd.itemId());
            if (!item.active()) {
                throw new ValidationException("itemId", "item " + item.code() + " is inactive");
            }
        } else if (catalogue.categories().stream().noneMatch(k -> k.code().equals(cmd.categoryCode()))) {
            throw new ValidationException("categoryCode", "unknown category " + cmd.categoryCode());
        }
        if (Boolean.TRUE.equals(cmd.deliverToUnit()) && cmd.receivingDepotId() != null) {
            throw new ValidationException("deliverToUnit", "give receivingDepotId or deliverToUnit, not both");
        }
        if (cmd.receivingDepotId() != null) {
            Depot d = ScopeRules.namedInBody("receivingDepotId", cmd.receivingDepotId(),
                    () -> depots.get(caller, cmd.receivingDepotId()));
            if (!d.active() || !java.util.Objects.equals(d.provinceCode(), unit.provinceCode())) {
                throw new ValidationException("receivingDepotId",
                        "the receiving depot must be an active depot of the unit's province");
            }
        }
        return unit;
    }

    @Override
    public Need cancel(Caller caller, long id, String idempotencyKey) {
        ScopeRules.requireScopedWriter(caller, WHAT);
        Need before = get(caller, id);
        ScopeRules.requireWriteProvince(caller, before.provinceCode(), WHAT);
        keys.execute(ds, caller, idempotencyKey, "need.cancel:" + id, null, c -> {
            Need cur = NeedDao.lock(c, id);
            if (cur.source() != null) {
                throw new ConflictException("Need " + id + " is " + cur.source() + ", kept by node "
                        + cur.source().substring(0, cur.source().lastIndexOf('/')) + ": cancel it there");
            }
            if (cur.state() == NeedState.CANCELLED || cur.state() == NeedState.FULFILLED) {
                throw new ConflictException("Need " + id + " is " + cur.state() + " and cannot be cancelled");
            }
            NeedDao.setState(c, id, NeedState.CANCELLED, Sql.now());
            Need cancelled = NeedDao.get(c, id);
            audit.record(c, caller, "need", Long.toString(id), "CANCEL", cur, cancelled);
            events.record(c, AllocationTopics.NEED_CANCELLED, caller, id, cur.provinceCode(), Map.of());
            events.needChanged(c, caller, cancelled);
            return new IdempotencyKeys.Ref("need", Long.toString(id));
        });
        return Transactions.read(ds, c -> NeedDao.get(c, id));
    }

    @Override
    public List<KeyArea> keyAreas(Caller caller) {
        if (ScopeRules.readReach(caller) == ScopeRules.Reach.NONE || ScopeRules.readReach(caller) == ScopeRules.Reach.DEPOT) {
            throw new AccessDeniedException("The caller's role may not read key areas");
        }
        List<KeyArea> all = Transactions.read(ds, NeedDao::keyAreas);
        if (ScopeRules.readReach(caller) != ScopeRules.Reach.PROVINCE) {
            return all;
        }
        // a province officer sees its province's key areas only: another's would name its units
        Caller system = Caller.system(caller.requestId());
        return all.stream().filter(a -> caller.provinceCode().equals(a.orgUnitId() == null ? a.provinceCode()
                : units.get(system, a.orgUnitId()).provinceCode())).toList();
    }

    @Override
    public KeyArea declareKeyArea(Caller caller, NewKeyArea cmd, String idempotencyKey) {
        ScopeRules.requireMinistryWriter(caller, "key areas");
        requireLocalKeyAreas(caller);
        if ((cmd.provinceCode() == null) == (cmd.orgUnitId() == null)) {
            throw new ValidationException("provinceCode", "give exactly one of provinceCode and orgUnitId");
        }
        String label;
        String unitCode = null;
        if (cmd.provinceCode() != null) {
            label = provinces.find(cmd.provinceCode())
                    .orElseThrow(() -> new ValidationException("provinceCode", "unknown province " + cmd.provinceCode()))
                    .nameEn();
        } else {
            OrgUnit unit = ScopeRules.namedInBody("orgUnitId", cmd.orgUnitId(), () -> units.get(caller, cmd.orgUnitId()));
            label = unit.name();
            unitCode = unit.code();
        }
        String finalLabel = cmd.label() == null || cmd.label().isBlank() ? label : cmd.label().strip();
        String code = unitCode;
        String areaKey = areaKey(cmd.provinceCode(), cmd.orgUnitId());
        IdempotencyKeys.Outcome out;
        try {
            out = keys.execute(ds, caller, idempotencyKey, "keyarea.declare", cmd, c -> {
                KeyArea existing = NeedDao.keyAreas(c).stream()
                        .filter(a -> areaKey.equals(areaKey(a.provinceCode(), a.orgUnitId()))).findFirst().orElse(null);
                if (existing != null) {
                    throw alreadyDeclared(existing.label(), existing.id());
                }
                long id = Jdbc.insert(c, "INSERT INTO tp_alloc_key_area (province_code, org_unit_id, unit_code, label, "
                        + "created_by, created_at, area_key) VALUES (?,?,?,?,?,?,?)", Jdbc.args(cmd.provinceCode(),
                                cmd.orgUnitId(), code, finalLabel, caller.user(), Sql.now(), areaKey));
                NeedDao.recomputeKeyAreas(c);
                KeyArea created = find(NeedDao.keyAreas(c), id);
                audit.record(c, caller, "key-area", Long.toString(id), "CREATE", null, created);
                events.record(c, AllocationTopics.KEY_AREA_DECLARED, caller, id, created.provinceCode(),
                        areaProperties(created));
                return new IdempotencyKeys.Ref("key-area", Long.toString(id));
            });
        } catch (RuntimeException e) {
            // a concurrent declaration of the same area won the unique constraint
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            throw alreadyDeclared(label, null);
        }
        return find(Transactions.read(ds, NeedDao::keyAreas), Long.parseLong(out.ref().id()));
    }

    @Override
    public void removeKeyArea(Caller caller, long id, String idempotencyKey) {
        ScopeRules.requireMinistryWriter(caller, "key areas");
        requireLocalKeyAreas(caller);
        keys.execute(ds, caller, idempotencyKey, "keyarea.remove:" + id, null, c -> {
            KeyArea before = find(NeedDao.keyAreas(c), id);
            Jdbc.update(c, "DELETE FROM tp_alloc_key_area WHERE id = ?", Jdbc.args(id));
            NeedDao.recomputeKeyAreas(c);
            audit.record(c, caller, "key-area", Long.toString(id), "DELETE", before, null);
            events.record(c, AllocationTopics.KEY_AREA_REMOVED, caller, id, before.provinceCode(),
                    areaProperties(before));
            return new IdempotencyKeys.Ref("key-area", Long.toString(id));
        });
    }

    /**
     * The earliest neededBy accepted at {@code now}: a date is past once it has ended in every time zone
     * (UTC-12), after allowing {@link #CLOCK_SKEW} for the client's clock, so "today" is never refused anywhere.
     */
    static LocalDate earliestNeededBy(Instant now) {
        return now.minus(CLOCK_SKEW).atOffset(ZoneOffset.ofHours(-12)).toLocalDate();
    }

    /** What a declaration covers, one row per value: a province declared whole or an org unit's subtree. */
    static String areaKey(String provinceCode, Long orgUnitId) {
        return orgUnitId == null ? "P:" + provinceCode : "U:" + orgUnitId;
    }

    /** What names a key area on every node: its label and, for a unit's subtree, the unit's code. */
    private static Map<String, Object> areaProperties(KeyArea area) {
        Map<String, Object> props = new java.util.HashMap<>();
        props.put("label", area.label());
        if (area.unitCode() != null) {
            props.put("unitCode", area.unitCode());
        }
        return props;
    }

    private static ConflictException alreadyDeclared(String label, Long id) {
        return new ConflictException(label + " is already declared a key area"
                + (id == null ? "" : " (key area " + id + ")") + "; one declaration per province or unit");
    }

    private List<Long> itemsOf(Caller caller, String category) {
        return Pages.all(cursor -> catalogue.list(caller, new org.tongpao.core.ItemFilter(category, null, null),
                Paging.MAX_LIMIT, cursor)).stream().map(Item::id).toList();
    }

    private static KeyArea find(List<KeyArea> areas, long id) {
        return areas.stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("Key area", id));
    }
}
