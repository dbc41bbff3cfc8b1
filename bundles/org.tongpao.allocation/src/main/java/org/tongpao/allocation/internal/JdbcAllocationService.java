package org.tongpao.allocation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.allocation.AllocationService;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.allocation.LineReceipt;
import org.tongpao.allocation.MutualAidOffer;
import org.tongpao.allocation.Need;
import org.tongpao.allocation.NeedState;
import org.tongpao.allocation.NewMutualAidOffer;
import org.tongpao.allocation.OfferApproval;
import org.tongpao.allocation.OfferStatus;
import org.tongpao.allocation.Plan;
import org.tongpao.allocation.PlanLine;
import org.tongpao.allocation.PlanNeedResult;
import org.tongpao.allocation.PlanRequest;
import org.tongpao.allocation.PlanStatus;
import org.tongpao.allocation.internal.plan.Planner;
import org.tongpao.allocation.internal.plan.SupplyView;
import org.tongpao.allocation.spi.BatchReceiptListener;
import org.tongpao.allocation.spi.NeedView;
import org.tongpao.allocation.spi.RankedNeed;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.DepotService;
import org.tongpao.core.Item;
import org.tongpao.core.ItemFilter;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Page;
import org.tongpao.core.Province;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.Roles;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.TongpaoException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.DepotLocks;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.persistence.TransientRetry;
import org.tongpao.inventory.InventoryService;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.Transfer;

/**
 * Plans, batches and mutual aid. Inventory writes run in the inventory's own transactions, so the
 * multi-line steps are sagas: each line's inventory call carries a key derived from the request's
 * Idempotency-Key (or, without one, from the batch id) and its result is recorded on the line at once,
 * so a retry resumes where the first attempt stopped and counts every line once.
 */
@Component(service = {AllocationService.class, JdbcAllocationService.class})
public class JdbcAllocationService implements AllocationService {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAllocationService.class);
    static final String KIND_PLAN = "PLAN";
    static final String KIND_MUTUAL_AID = "MUTUAL_AID";

    private final DataSource ds;
    private final OrgUnitService units;
    private final CatalogueService catalogue;
    private final DepotService depots;
    private final ProvinceRegistry provinces;
    private final InventoryService inventory;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;
    private final PolicySelector policies;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin eventAdmin;

    /** Told of every batch line received (transport receives the shipment that carried it). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    final List<BatchReceiptListener> receiptListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public JdbcAllocationService(@Reference AllocationDatabase db, @Reference OrgUnitService units,
            @Reference CatalogueService catalogue, @Reference DepotService depots,
            @Reference ProvinceRegistry provinces, @Reference InventoryService inventory,
            @Reference AuditTrail audit, @Reference IdempotencyKeys keys, @Reference PolicySelector policies) {
        this.ds = db.dataSource();
        this.units = units;
        this.catalogue = catalogue;
        this.depots = depots;
        this.provinces = provinces;
        this.inventory = inventory;
        this.audit = audit;
        this.keys = keys;
        this.policies = policies;
    }

    // ---------------------------------------------------------------- plans

    @Override
    public Plan propose(Caller caller, PlanRequest req, String idempotencyKey) {
        requireWriter(caller, "allocation plans");
        boolean provinceOfficer = !caller.isMinistry();
        if ((req.itemId() == null) == (req.categoryCode() == null)) {
            throw new ValidationException("itemId", "give exactly one of itemId and categoryCode");
        }
        String province = req.provinceCode();
        if (provinceOfficer) {
            if (province != null && !province.equals(caller.provinceCode())) {
                // the same answer for any other code, known or not, and naming none
                throw new AccessDeniedException("A province officer plans for its own province only");
            }
            province = caller.provinceCode();
        } else if (province != null && !provinces.isValid(province)) {
            throw new ValidationException("provinceCode", "unknown province " + province);
        }
        // items that may fill the needs in scope; a category need in an item plan takes only that item
        List<Long> scopeItems;
        String category;
        if (req.itemId() != null) {
            Item item = catalogue.get(caller, req.itemId());
            scopeItems = List.of(item.id());
            category = item.categoryCode();
        } else {
            category = req.categoryCode();
            String cat = category;
            if (catalogue.categories().stream().noneMatch(k -> k.code().equals(cat))) {
                throw new ValidationException("categoryCode", "unknown category " + category);
            }
            scopeItems = activeItems(caller, category);
        }
        if (req.sourceDepotIds() != null && req.sourceDepotIds().stream().anyMatch(Objects::isNull)) {
            throw new ValidationException("sourceDepotIds", "sourceDepotIds must not contain null");
        }
        List<Long> sources = req.sourceDepotIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(req.sourceDepotIds()));
        for (Long id : sources) {
            // unknown or outside the caller's scope: the same 404 naming the field
            Depot d = ScopeRules.namedInBody("sourceDepotIds", id, () -> depots.get(caller, id));
            if (!d.active()) {
                throw new ValidationException("sourceDepotIds", "depot " + d.code() + " is inactive");
            }
            ScopeRules.requireVisibleField(!provinceOfficer || Objects.equals(d.provinceCode(), caller.provinceCode()),
                    "sourceDepotIds", id);
        }
        PolicySelector.Entry policy = policies.select();
        if (policy == null) {
            throw new ConflictException("No priority policy is installed");
        }
        Instant now = Sql.now();
        List<NeedDao.Row> open = openNeeds(scopeItems, category, province);
        List<RankedNeed> ranked = rank(policy, open, now);

        OrgPaths paths = new OrgPaths(units, depots, caller.requestId());
        List<Depot> depotList = scopeDepots(provinceOfficer ? caller.provinceCode() : null);
        List<Planner.DepotNode> nodes = new ArrayList<>();
        for (Depot d : depotList) {
            long[] path = paths.path(d.orgUnitId());
            boolean central = paths.unit(d.orgUnitId()).level() == OrgLevel.MINISTRY;
            nodes.add(new Planner.DepotNode(d.id(), path, central));
        }
        Set<Long> stockDepots = sources.isEmpty() ? depotList.stream().map(Depot::id).collect(Collectors.toSet())
                : new HashSet<>(sources);
        Map<Long, Map<Long, Long>> stock = stock(new InventorySupply(inventory, caller), stockDepots, scopeItems);
        if (!sources.isEmpty()) {
            for (Long id : sources) {
                if (depotList.stream().noneMatch(d -> d.id() == id)) {
                    Depot d = depots.get(caller, id);
                    nodes.add(new Planner.DepotNode(d.id(), paths.path(d.orgUnitId()), false));
                }
            }
        }
        Map<String, List<Long>> byCategory = Map.of(category, scopeItems);

        Map<Long, NeedDao.Row> rows = new HashMap<>();
        open.forEach(r -> rows.put(r.need().id(), r));
        List<Planner.PlanNeed> input = new ArrayList<>();
        Map<Long, PlanNeedResult> unplaceable = new LinkedHashMap<>();
        Map<Long, Depot> named = new HashMap<>();
        for (RankedNeed rn : ranked) {
            Need n = rows.get(rn.need().id()).need();
            if (n.receivingDepotId() != null) {
                // the need names its receiving depot, which may have been deactivated since
                Depot d = named.computeIfAbsent(n.receivingDepotId(),
                        id -> depots.get(Caller.system(caller.requestId()), id));
                if (!d.active()) {
                    unplaceable.put(n.id(), new PlanNeedResult(n.id(), rn.rank(), rn.reason(), n.remaining(), 0,
                            String.format(Locale.ROOT, "short: 0 of %,d; %,d remain open (its receiving depot %s is "
                                    + "inactive)", n.remaining(), n.remaining(), d.code())));
                    continue;
                }
            }
            Optional<Long> to = n.receivingDepotId() != null ? Optional.of(n.receivingDepotId())
                    : paths.receivingDepot(n.orgUnitId());
            if (to.isEmpty()) {
                unplaceable.put(n.id(), new PlanNeedResult(n.id(), rn.rank(), rn.reason(), n.remaining(), 0,
                        String.format(Locale.ROOT, "short: 0 of %,d; %,d remain open (no active depot at the unit or "
                                + "its ancestors to receive)", n.remaining(), n.remaining())));
                continue;
            }
            input.add(new Planner.PlanNeed(n.id(), rn.rank(), rn.reason(), n.itemId() != null ? n.itemId() : null,
                    category, n.remaining(), OrgPaths.decode(rows.get(n.id()).unitPath()), to.get()));
        }
        Planner.Result result = new Planner(nodes, stock, byCategory, sources).plan(input);

        List<PlanNeedResult> outcomes = new ArrayList<>();
        Map<Long, Planner.Outcome> byNeed = new HashMap<>();
        result.outcomes().forEach(o -> byNeed.put(o.needId(), o));
        for (RankedNeed rn : ranked) {
            Planner.Outcome o = byNeed.get(rn.need().id());
            outcomes.add(o != null ? new PlanNeedResult(o.needId(), o.rank(), o.reason(), o.requested(), o.planned(),
                    o.shortReason()) : unplaceable.get(rn.need().id()));
        }
        List<PlanLine> lines = new ArrayList<>();
        int lineNo = 1;
        for (Planner.Line l : result.lines()) {
            lines.add(new PlanLine(lineNo++, l.needId(), l.rank(), l.itemId(), l.fromDepotId(), l.toDepotId(),
                    l.quantity(), l.distance(), l.reason()));
        }
        long requested = outcomes.stream().mapToLong(PlanNeedResult::requested).sum();
        String scope = province == null ? "national" : "province:" + province;
        Plan draft = new Plan(0, PlanStatus.DRAFT, scope, province, req.itemId(), req.itemId() == null ? category : null,
                sources, policy.name(), req.note(), caller.user(), provinceOfficer ? caller.provinceCode() : null, now,
                null, null, null, requested, result.totalPlanned(), outcomes, lines);
        List<Long> superseded = new ArrayList<>();
        IdempotencyKeys.Outcome out = keys.execute(ds, caller, idempotencyKey, "allocation.plan.propose", req, c -> {
            long id = PlanDao.insert(c, draft);
            superseded.addAll(supersede(c, id, draft));
            audit.record(c, caller, "allocation-plan", Long.toString(id), "PROPOSE", null,
                    Map.of("scope", scope, "lines", lines.size(), "planned", result.totalPlanned(),
                            "requested", requested, "policy", policy.name()));
            return new IdempotencyKeys.Ref("allocation-plan", Long.toString(id));
        });
        long id = Long.parseLong(out.ref().id());
        if (!out.repeat()) {
            Events.post(eventAdmin, AllocationTopics.PLAN_PROPOSED, caller, id, province,
                    Map.of("planned", result.totalPlanned(), "requested", requested));
            for (Long s : superseded) {
                Events.post(eventAdmin, AllocationTopics.PLAN_SUPERSEDED, caller, s, province, Map.of("by", id));
            }
            // what was just stored, without reading thousands of rows back (a national plan has one per open need)
            return new Plan(id, draft.status(), draft.scope(), draft.provinceCode(), draft.itemId(), draft.categoryCode(),
                    draft.sourceDepotIds(), draft.policy(), draft.note(), draft.createdBy(), draft.createdByProvince(),
                    draft.createdAt(), null, null, null, draft.totalRequested(), draft.totalPlanned(), draft.needs(),
                    draft.lines());
        }
        return Transactions.read(ds, c -> PlanDao.get(c, id));
    }

    private List<Long> activeItems(Caller caller, String category) {
        List<Long> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<Item> page = catalogue.list(caller, new ItemFilter(category, null, Boolean.TRUE), Paging.MAX_LIMIT,
                    cursor);
            page.items().forEach(i -> out.add(i.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        Collections.sort(out);
        return out;
    }

    private List<NeedDao.Row> openNeeds(List<Long> items, String category, String province) {
        StringBuilder where = new StringBuilder("state IN ('OPEN', 'PARTLY_ALLOCATED') AND (category_code = ?");
        List<Object> args = new ArrayList<>(List.of(category));
        if (!items.isEmpty()) {
            where.append(" OR item_id IN (").append(String.join(",", Collections.nCopies(items.size(), "?"))).append(')');
            args.addAll(items);
        }
        where.append(')');
        if (province != null) {
            where.append(" AND province_code = ?");
            args.add(province);
        }
        return Transactions.read(ds, c -> NeedDao.query(c, where.toString(), args, " ORDER BY id")).stream()
                .filter(r -> r.need().remaining() > 0).toList();
    }

    /** Ranks with the selected policy and checks that it returned a permutation ranked 1..n. */
    static List<RankedNeed> rank(PolicySelector.Entry policy, List<NeedDao.Row> open, Instant now) {
        List<NeedView> views = open.stream().map(r -> view(r.need())).toList();
        List<RankedNeed> ranked = policy.policy().rank(views, now);
        Set<Long> seen = new HashSet<>();
        boolean ok = ranked != null && ranked.size() == views.size();
        for (int i = 0; ok && i < ranked.size(); i++) {
            RankedNeed r = ranked.get(i);
            ok = r != null && r.need() != null && r.rank() == i + 1 && seen.add(r.need().id()) && r.reason() != null;
        }
        ok = ok && views.stream().allMatch(v -> seen.contains(v.id()));
        if (!ok) {
            throw new ConflictException("Priority policy '" + policy.name() + "' returned an invalid ranking");
        }
        return ranked;
    }

    static NeedView view(Need n) {
        return new NeedView(n.id(), n.orgUnitId(), n.unitCode(), n.provinceCode(), n.itemId(), n.categoryCode(),
                n.quantity(), n.remaining(), n.urgency(), n.frontLine(), n.keyArea(), n.keyAreaLabel(),
                n.daysOfCoverLeft(), n.neededBy(), n.createdAt());
    }

    private List<Depot> scopeDepots(String province) {
        Caller system = Caller.system("allocation-plan");
        List<Depot> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<Depot> page = depots.list(system, new DepotFilter(province, null, Boolean.TRUE, null), Paging.MAX_LIMIT,
                    cursor);
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    /** item → depot → available (> 0) for every item, read in one bulk call, not one per depot × item. */
    static Map<Long, Map<Long, Long>> stock(SupplyView supply, Set<Long> depotIds, List<Long> items) {
        Map<Long, Map<Long, Long>> found = depotIds.isEmpty() || items.isEmpty() ? Map.of()
                : supply.available(depotIds, items);
        Map<Long, Map<Long, Long>> out = new HashMap<>();
        for (Long item : items) {
            Map<Long, Long> perDepot = new HashMap<>();
            found.getOrDefault(item, Map.of()).forEach((depot, q) -> {
                // keep only what was asked for and can give
                if (q > 0 && depotIds.contains(depot)) {
                    perDepot.put(depot, q);
                }
            });
            out.put(item, perDepot);
        }
        return out;
    }

    private static List<Long> supersede(Connection c, long newId, Plan p) throws SQLException {
        StringBuilder where = new StringBuilder("status = 'DRAFT' AND id <> ? AND scope = ?");
        List<Object> args = new ArrayList<>(List.of(newId, p.scope()));
        if (p.itemId() != null) {
            where.append(" AND item_id = ?");
            args.add(p.itemId());
        } else {
            where.append(" AND category_code = ?");
            args.add(p.categoryCode());
        }
        List<Long> ids = PlanDao.query(c, where.toString(), args, null, false).stream().map(Plan::id).toList();
        for (Long id : ids) {
            BatchDao.update(c, "UPDATE tp_alloc_plan SET status = 'SUPERSEDED' WHERE id = ? AND status = 'DRAFT'", id);
        }
        return ids;
    }

    @Override
    public Plan plan(Caller caller, long id) {
        requirePlanReader(caller);
        Plan p = Transactions.read(ds, c -> PlanDao.get(c, id));
        ScopeRules.requireVisible(canSee(caller, p.provinceCode(), null), "Plan", id);
        return p;
    }

    @Override
    public Page<Plan> plans(Caller caller, PlanStatus status, int limit, String cursor) {
        requirePlanReader(caller);
        StringBuilder where = new StringBuilder("id > ?");
        List<Object> args = new ArrayList<>(List.of(Paging.after(cursor)));
        if (ScopeRules.readReach(caller) == ScopeRules.Reach.PROVINCE) {
            where.append(" AND province_code = ?");
            args.add(caller.provinceCode());
        }
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status.name());
        }
        List<Plan> rows = Transactions.read(ds, c -> PlanDao.query(c, where.toString(), args,
                Paging.orderAndFetch("id", limit), false));
        return Paging.page(rows, limit, Plan::id);
    }

    @Override
    public Batch approve(Caller caller, long planId, String idempotencyKey) {
        requireWriter(caller, "allocation plans");
        Plan plan = plan(caller, planId);
        boolean provincePlan = plan.createdByProvince() != null;
        boolean allowed = caller.hasRole(Roles.MINISTRY_ADMIN) || (provincePlan && caller.hasRole(Roles.PROVINCE_OFFICER)
                && plan.createdByProvince().equals(caller.provinceCode()));
        if (!allowed) {
            throw new AccessDeniedException(provincePlan
                    ? "Approving a province's plan needs ministry-admin or another officer of province "
                            + plan.createdByProvince()
                    : "Approving a national plan needs the ministry-admin role");
        }
        if (plan.createdBy().equals(caller.user())) {
            throw new ConflictException("Plan " + planId + " was proposed by " + caller.user()
                    + "; approval needs a different person");
        }
        Optional<Batch> repeat = repeatOf(caller, idempotencyKey, "plan_id", planId);
        if (repeat.isPresent()) {
            return resume(caller, idempotencyKey, repeat.get());
        }
        if (plan.status() != PlanStatus.DRAFT || plan.batchId() != null) {
            throw new ConflictException("Plan " + planId + " is " + plan.status() + ", not a DRAFT awaiting approval");
        }
        if (plan.lines().isEmpty()) {
            throw new ConflictException("Plan " + planId + " has no lines to approve");
        }
        requireActiveDepots(plan);
        List<BatchDao.Draft> drafts = plan.lines().stream().map(l -> new BatchDao.Draft(l.needId(), l.itemId(),
                l.fromDepotId(), l.toDepotId(), l.quantity(), l.reason())).toList();
        Map<Long, Long> perNeed = new HashMap<>();
        plan.lines().forEach(l -> perNeed.merge(l.needId(), l.quantity(), Long::sum));
        BatchSpec spec = new BatchSpec(KIND_PLAN, planId, null, drafts,
                (c, batchId) -> {
                    if (BatchDao.update(c, "UPDATE tp_alloc_plan SET batch_id = ? WHERE id = ? AND status = 'DRAFT' "
                            + "AND batch_id IS NULL", batchId, planId) == 0) {
                        throw new ConflictException("Plan " + planId + " is no longer a DRAFT awaiting approval");
                    }
                    for (Map.Entry<Long, Long> e : perNeed.entrySet()) {
                        Need n = NeedDao.lock(c, e.getKey());
                        if (n.state() == NeedState.CANCELLED || n.remaining() < e.getValue()) {
                            throw new ConflictException("Need " + n.id() + " changed since plan " + planId
                                    + " was proposed (" + n.state() + ", " + n.remaining()
                                    + " open); propose a new plan");
                        }
                    }
                },
                (c, batchId) -> BatchDao.update(c, "UPDATE tp_alloc_plan SET status = 'APPROVED', decided_by = ?, "
                        + "decided_at = ? WHERE id = ?", caller.user(), Sql.now(), planId),
                (c, batchId) -> BatchDao.update(c, "UPDATE tp_alloc_plan SET batch_id = NULL WHERE id = ?", planId),
                AllocationTopics.PLAN_APPROVED, planId);
        return createBatch(caller, idempotencyKey, "allocation.plan.approve:" + planId, null, spec);
    }

    /**
     * A depot deactivated since the plan was proposed can neither send nor receive its lines: 409 naming the
     * line, before any batch exists (a sending depot holding reserved stock cannot be deactivated, so this
     * is about empty depots; the inventory refuses them too).
     */
    private void requireActiveDepots(Plan plan) {
        Caller system = Caller.system("allocation-approve");
        Map<Long, Depot> seen = new HashMap<>();
        for (PlanLine l : plan.lines()) {
            for (long id : new long[] {l.fromDepotId(), l.toDepotId()}) {
                Depot d = seen.computeIfAbsent(id, k -> depots.get(system, k));
                if (!d.active()) {
                    throw new ConflictException("Plan " + plan.id() + " line " + l.lineNo() + ": depot " + d.code()
                            + " is inactive; propose a new plan");
                }
            }
        }
    }

    @Override
    public Plan reject(Caller caller, long planId, String note, String idempotencyKey) {
        requireWriter(caller, "allocation plans");
        Plan plan = plan(caller, planId);
        boolean allowed = caller.isMinistry() || (plan.createdByProvince() != null
                && plan.createdByProvince().equals(caller.provinceCode()));
        if (!allowed) {
            throw new AccessDeniedException("Rejecting a national plan needs a ministry role");
        }
        IdempotencyKeys.Outcome out = keys.execute(ds, caller, idempotencyKey, "allocation.plan.reject:" + planId, note,
                c -> {
                    if (BatchDao.update(c, "UPDATE tp_alloc_plan SET status = 'REJECTED', decided_by = ?, decided_at = ? "
                            + "WHERE id = ? AND status = 'DRAFT' AND batch_id IS NULL", caller.user(), Sql.now(),
                            planId) == 0) {
                        throw new ConflictException("Plan " + planId + " is not a DRAFT awaiting a decision");
                    }
                    audit.record(c, caller, "allocation-plan", Long.toString(planId), "REJECT", null,
                            note == null ? Map.of() : Map.of("note", note));
                    return new IdempotencyKeys.Ref("allocation-plan", Long.toString(planId));
                });
        if (!out.repeat()) {
            Events.post(eventAdmin, AllocationTopics.PLAN_REJECTED, caller, planId, plan.provinceCode(), Map.of());
        }
        return plan(caller, planId);
    }

    // ---------------------------------------------------------------- batches

    /** What differs between a plan's and an offer's batch: its lines and the owner's state changes. */
    record BatchSpec(String kind, Long planId, Long offerId, List<BatchDao.Draft> lines, SqlStep guard,
            SqlStep onApproved, SqlStep onFailed, String ownerTopic, long ownerId) {
    }

    @FunctionalInterface
    interface SqlStep {
        void apply(Connection c, long batchId) throws SQLException;
    }

    /**
     * Approval as a saga: (1) store the batch RESERVING and claim the owner (plan or offer) in one
     * transaction guarded by the Idempotency-Key; (2) reserve line by line, recording each reservation;
     * on the first refusal release the ones made, mark the batch FAILED, free the owner and answer 409
     * naming the line; (3) number the batch and mark it APPROVED, the needs allocated.
     */
    private Batch createBatch(Caller caller, String key, String operation, Object request, BatchSpec spec) {
        Map<Long, String> provinceOf = new HashMap<>();
        String to = single(spec.lines().stream().map(l -> provinceOfDepot(provinceOf, l.toDepotId())).toList());
        String from = single(spec.lines().stream().map(l -> provinceOfDepot(provinceOf, l.fromDepotId())).toList());
        IdempotencyKeys.Outcome out = retryingLocks(operation, () -> keys.execute(ds, caller, key, operation, request,
                c -> {
                    lockActiveDepots(c, spec.lines());
                    long id = BatchDao.insert(c, spec.kind(), spec.planId(), spec.offerId(), to, from, caller.user(),
                            key, spec.lines());
                    spec.guard().apply(c, id);
                    audit.record(c, caller, "allocation-batch", Long.toString(id), "CREATE", null,
                            Map.of("kind", spec.kind(), "lines", spec.lines().size()));
                    return new IdempotencyKeys.Ref("allocation-batch", Long.toString(id));
                }));
        Batch b;
        try {
            b = load(Long.parseLong(out.ref().id())).batch();
        } catch (NotFoundException gone) {
            // a refused approval deletes its batch; over REST the stored first answer (the 409) is replayed
            // before this runs, a direct service call with the same key lands here
            throw new ConflictException("This approval (Idempotency-Key " + key + ") was refused before and nothing "
                    + "was reserved; see the audit trail (allocation-batch " + out.ref().id() + ", FAIL), or approve "
                    + "again with a new key");
        }
        if (out.repeat() && b.status() != BatchStatus.RESERVING) {
            return resume(caller, key, b);
        }
        return reserveAll(caller, key, b, spec);
    }

    /**
     * The batch's depots, each read under a shared lock kept until the batch row commits: a deactivation
     * either finished first (its depot reads inactive here: 409) or waits for this transaction and then finds
     * the batch through {@link AllocationDepotUsage} (its 409). Without the lock a depot could be
     * deactivated between the check at approval and the batch insert, and the batch strand at dispatch.
     */
    private static void lockActiveDepots(Connection c, List<BatchDao.Draft> lines) throws SQLException {
        Set<Long> ids = new HashSet<>();
        lines.forEach(l -> {
            ids.add(l.fromDepotId());
            ids.add(l.toDepotId());
        });
        Map<Long, DepotLocks.LockedDepot> locked = DepotLocks.lockShared(c, ids);
        for (Long id : ids) {
            DepotLocks.LockedDepot d = locked.get(id);
            if (d == null || !d.active()) {
                throw new ConflictException("Depot " + (d == null ? id : d.code())
                        + " is inactive (deactivated during approval); nothing was reserved");
            }
        }
    }

    /** Attempts of the approval's own loop, which also retries the first counter row's unique race. */
    private static final int LOCK_ATTEMPTS = 10;

    /**
     * Runs a whole transaction again when the database gave up on a lock: core's one rule,
     * {@link TransientRetry} (which {@code keys.execute} already applies; kept for the batch's other steps).
     * Two approvals at once meet on Derby's locks (seen: 40XL1 at once, without waiting, while the other
     * approval's batch insert is under way); a lock that stays taken answers 503.
     */
    static <T> T retryingLocks(String what, java.util.function.Supplier<T> tx) {
        return TransientRetry.run(what, tx);
    }

    /** A transient lock failure by core's one list ({@link Sql#isTransientLock}): the transaction rolled back whole. */
    static boolean transientLock(Throwable e) {
        return Sql.isTransientLock(e);
    }

    private Batch resume(Caller caller, String key, Batch b) {
        return switch (b.status()) {
            case FAILED -> throw new ConflictException(b.failure());
            case RESERVING -> reserveAll(caller, key, b, specFor(b));
            default -> b;
        };
    }

    /** Rebuilds the owner steps of an interrupted approval (a retry after a crash between the steps). */
    private BatchSpec specFor(Batch b) {
        if (b.planId() != null) {
            long planId = b.planId();
            return new BatchSpec(KIND_PLAN, planId, null, List.of(), (c, id) -> { },
                    (c, id) -> BatchDao.update(c, "UPDATE tp_alloc_plan SET status = 'APPROVED', decided_by = ?, "
                            + "decided_at = ? WHERE id = ?", b.approvedBy(), Sql.now(), planId),
                    (c, id) -> BatchDao.update(c, "UPDATE tp_alloc_plan SET batch_id = NULL WHERE id = ?", planId),
                    AllocationTopics.PLAN_APPROVED, planId);
        }
        long offerId = b.offerId();
        return new BatchSpec(KIND_MUTUAL_AID, null, offerId, List.of(), (c, id) -> { },
                (c, id) -> BatchDao.update(c, "UPDATE tp_alloc_offer SET status = 'APPROVED', decided_by = ?, "
                        + "decided_at = ? WHERE id = ?", b.approvedBy(), Sql.now(), offerId),
                (c, id) -> BatchDao.update(c, "UPDATE tp_alloc_offer SET batch_id = NULL WHERE id = ?", offerId),
                AllocationTopics.OFFER_APPROVED, offerId);
    }

    private Batch reserveAll(Caller caller, String key, Batch b, BatchSpec spec) {
        long id = b.id();
        List<BatchLine> made = new ArrayList<>();
        for (BatchLine line : b.lines()) {
            if (line.reservationId() != null) {
                made.add(line);
                continue;
            }
            try {
                Reservation r = inventory.reserve(caller, line.fromDepotId(), line.itemId(), line.quantity(),
                        holder(id), derivedKey(key, id, "reserve", line.lineNo()));
                Transactions.inTransaction(ds, c -> BatchDao.update(c, "UPDATE tp_alloc_batch_line SET reservation_id = ?, "
                        + "status = 'RESERVED' WHERE id = ?", r.id(), line.id()));
                made.add(new BatchLine(line.id(), line.lineNo(), line.needId(), line.itemId(), line.fromDepotId(),
                        line.toDepotId(), line.quantity(), "RESERVED", r.id(), null, 0, 0, line.reason()));
            } catch (RuntimeException e) {
                String what = "Reservation refused for line " + line.lineNo() + " (need "
                        + (line.needId() == null ? "-" : line.needId()) + ", item " + line.itemId() + ", depot "
                        + line.fromDepotId() + ", quantity " + line.quantity() + "): " + e.getMessage();
                fail(caller, key, b, spec, made, what, e);
                if (e instanceof TongpaoException && !(e instanceof AccessDeniedException)) {
                    throw new ConflictException(what);
                }
                throw e;
            }
        }
        Batch approved = finish(caller, b, spec);
        LOG.info("Batch {} ({}) approved by {}: {} line(s)", approved.number(), id, caller.user(), made.size());
        return approved;
    }

    private void fail(Caller caller, String key, Batch b, BatchSpec spec, List<BatchLine> made, String what,
            RuntimeException cause) {
        for (BatchLine l : made) {
            try {
                inventory.release(caller, l.reservationId(), derivedKey(key, b.id(), "release", l.lineNo()));
            } catch (RuntimeException r) {
                cause.addSuppressed(r);
                LOG.error("Releasing reservation {} of batch {} failed; release it by hand", l.reservationId(),
                        b.id(), r);
            }
        }
        // all-or-nothing: the refused approval leaves no batch; the audit trail keeps what happened
        Transactions.inTransaction(ds, c -> {
            BatchDao.update(c, "DELETE FROM tp_alloc_batch_line WHERE batch_id = ?", b.id());
            BatchDao.update(c, "DELETE FROM tp_alloc_batch WHERE id = ?", b.id());
            spec.onFailed().apply(c, b.id());
            audit.record(c, caller, "allocation-batch", Long.toString(b.id()), "FAIL", null, Map.of("failure", what));
            return null;
        });
        Events.post(eventAdmin, AllocationTopics.BATCH_FAILED, caller, b.id(), b.provinceCode(),
                Map.of("failure", what));
    }

    private Batch finish(Caller caller, Batch b, BatchSpec spec) {
        List<Need[]> changed = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            changed.clear();
            try {
                Transactions.inTransaction(ds, c -> {
                    Instant now = Sql.now();
                    int year = now.atZone(ZoneOffset.UTC).getYear();
                    int seq = BatchNumbers.next(c, BatchNumbers.NATIONAL, year);
                    Integer destinationSeq = b.provinceCode() == null ? null
                            : BatchNumbers.next(c, b.provinceCode(), year);
                    String number = String.format(Locale.ROOT, "%d-%03d", year, seq);
                    String title = title(number, destinationSeq, b);
                    if (BatchDao.update(c, "UPDATE tp_alloc_batch SET status = 'APPROVED', batch_year = ?, seq_no = ?, "
                            + "destination_seq = ?, batch_no = ?, title = ?, approved_at = ? WHERE id = ? "
                            + "AND status = 'RESERVING'", year, seq, destinationSeq, number, title, now, b.id()) == 0) {
                        throw new ConflictException("Batch " + b.id() + " is no longer being approved");
                    }
                    for (BatchLine l : load(c, b.id()).lines()) {
                        if (l.needId() != null) {
                            changed.add(NeedDao.adjust(c, l.needId(), l.quantity(), 0, now));
                            // the need now shows where its goods go (a need naming its depot keeps it)
                            BatchDao.update(c, "UPDATE tp_alloc_need SET receiving_depot_id = ? WHERE id = ? "
                                    + "AND receiving_depot_id IS NULL", l.toDepotId(), l.needId());
                        }
                    }
                    spec.onApproved().apply(c, b.id());
                    audit.record(c, caller, "allocation-batch", Long.toString(b.id()), "APPROVE", null,
                            Map.of("number", number, "title", title));
                    return null;
                });
                break;
            } catch (RuntimeException e) {
                // two approvals creating a year's first counter row at once, or meeting on its lock: run again
                if (!(Sql.isUniqueViolation(e) || transientLock(e)) || attempt >= LOCK_ATTEMPTS) {
                    throw e;
                }
            }
        }
        Batch done = load(b.id()).batch();
        Events.post(eventAdmin, AllocationTopics.BATCH_APPROVED, caller, done.id(), done.provinceCode(),
                Map.of("number", done.number(), "title", done.title()));
        Events.post(eventAdmin, spec.ownerTopic(), caller, spec.ownerId(), done.provinceCode(),
                Map.of("batchId", done.id()));
        postNeedChanges(caller, changed);
        return done;
    }

    private void postNeedChanges(Caller caller, List<Need[]> changed) {
        for (Need[] ba : changed) {
            if (ba[0].state() != ba[1].state()) {
                Events.post(eventAdmin, AllocationTopics.NEED_STATE_CHANGED, caller, ba[1].id(), ba[1].provinceCode(),
                        Map.of("from", ba[0].state().name(), "to", ba[1].state().name()));
            }
        }
    }

    /** "Batch 4 to Hubei": the destination's count; a batch to several provinces goes by its national number. */
    private String title(String number, Integer destinationSeq, Batch b) {
        String to = provinceName(b.provinceCode());
        String n = destinationSeq == null ? number : destinationSeq.toString();
        if (KIND_MUTUAL_AID.equals(b.kind())) {
            return "Batch " + n + ": mutual aid from " + provinceName(b.fromProvinceCode()) + " to " + to;
        }
        return "Batch " + n + " to " + to;
    }

    private String provinceName(String code) {
        return code == null ? "several provinces" : provinces.find(code).map(Province::nameEn).orElse(code);
    }

    private String provinceOfDepot(Map<Long, String> cache, long depotId) {
        return cache.computeIfAbsent(depotId, id -> Optional.ofNullable(depots.get(Caller.system("allocation"), id)
                .provinceCode()).orElse("")).transform(s -> s.isEmpty() ? null : s);
    }

    private static String single(List<String> values) {
        Set<String> distinct = new HashSet<>(values);
        return distinct.size() == 1 ? distinct.iterator().next() : null;
    }

    static String holder(long batchId) {
        return "allocation-batch:" + batchId;
    }

    /**
     * The inventory's key for one line: {@code <key>:line:<n>} (plus the step for a compensation), so a
     * repeated request repeats the same inventory calls. Without a client key the batch id stands in, as an
     * internal key (a refusal under it is not kept);
     * an over-long client key is hashed to stay within the 128-character limit.
     */
    static String derivedKey(String key, long batchId, String step, int lineNo) {
        String base = key == null ? IdempotencyKeys.internal("alloc-batch-" + batchId + "-" + step) : key;
        if (base.length() > 96) {
            base = "h-" + sha256(base).substring(0, 40);
        }
        boolean main = key == null || !"release".equals(step);
        return base + (main ? "" : ":" + step) + ":line:" + lineNo;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    private BatchDao.Row load(long id) {
        return Transactions.read(ds, c -> BatchDao.get(c, id));
    }

    private static Batch load(Connection c, long id) throws SQLException {
        return BatchDao.get(c, id).batch();
    }

    /** The batch an earlier approval with this key by this caller made for the plan or offer, if any. */
    private Optional<Batch> repeatOf(Caller caller, String key, String ownerColumn, long ownerId) {
        if (key == null) {
            return Optional.empty();
        }
        IdempotencyKeys.validateKey(key);
        Long id = Transactions.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tp_alloc_batch WHERE approved_by = ? AND "
                    + "approve_key = ? AND " + ownerColumn + " = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, caller.user());
                ps.setString(2, key);
                ps.setLong(3, ownerId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : null;
                }
            }
        });
        return id == null ? Optional.empty() : Optional.of(load(id).batch());
    }

    @Override
    public Page<Batch> batches(Caller caller, BatchStatus status, int limit, String cursor) {
        requireReader(caller);
        StringBuilder where = new StringBuilder("id > ?");
        List<Object> args = new ArrayList<>(List.of(Paging.after(cursor)));
        if (ScopeRules.readReach(caller) == ScopeRules.Reach.PROVINCE) {
            where.append(" AND (province_code = ? OR from_province = ?)");
            args.add(caller.provinceCode());
            args.add(caller.provinceCode());
        } else if (ScopeRules.readReach(caller) == ScopeRules.Reach.DEPOT) {
            // a depot keeper sees the batches that send from or deliver to its depot
            long depot = depotOfCaller(caller).orElse(-1L);
            where.append(" AND id IN (SELECT batch_id FROM tp_alloc_batch_line WHERE from_depot_id = ? OR to_depot_id = ?)");
            args.add(depot);
            args.add(depot);
        }
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status.name());
        }
        List<Batch> rows = Transactions.read(ds, c -> BatchDao.query(c, where.toString(), args,
                Paging.orderAndFetch("id", limit), false)).stream().map(BatchDao.Row::batch).toList();
        return Paging.page(rows, limit, Batch::id);
    }

    @Override
    public Batch batch(Caller caller, long id) {
        Batch b = load(id).batch();
        ScopeRules.requireVisible(canSeeBatch(caller, b), "Batch", id);
        return b;
    }

    private boolean canSeeBatch(Caller caller, Batch b) {
        return switch (ScopeRules.readReach(caller)) {
            case ALL -> true;
            case PROVINCE -> caller.provinceCode().equals(b.provinceCode())
                    || caller.provinceCode().equals(b.fromProvinceCode());
            case DEPOT -> depotOfCaller(caller).map(d -> b.lines().stream()
                    .anyMatch(l -> l.toDepotId() == d || l.fromDepotId() == d)).orElse(false);
            case NONE -> false;
        };
    }

    private Optional<Long> depotOfCaller(Caller caller) {
        if (caller.depotCode() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(depots.getByCode(Caller.system(caller.requestId()), caller.depotCode()).id());
        } catch (NotFoundException e) {
            LOG.debug("Depot {} of caller {} does not exist", caller.depotCode(), caller.user());
            return Optional.empty();
        }
    }

    @Override
    public Batch dispatch(Caller caller, long batchId, String idempotencyKey) {
        BatchDao.Row row = dispatchable(caller, batchId, null);
        Batch b = row.batch();
        if (b.status() == BatchStatus.DISPATCHED || b.status() == BatchStatus.PARTLY_RECEIVED
                || b.status() == BatchStatus.RECEIVED) {
            if (idempotencyKey != null && idempotencyKey.equals(row.dispatchKey())
                    && caller.user().equals(b.dispatchedBy())) {
                return b;
            }
            throw new ConflictException("Batch " + b.number() + " is already dispatched");
        }
        if (b.status() != BatchStatus.APPROVED && b.status() != BatchStatus.PARTLY_DISPATCHED) {
            throw new ConflictException("Batch " + batchId + " is " + b.status() + "; only an APPROVED batch ships");
        }
        return dispatchSelected(caller, b, b.lines(), idempotencyKey, "allocation.batch.dispatch:" + batchId);
    }

    @Override
    public Batch dispatchLines(Caller caller, long batchId, long fromDepotId, long toDepotId, String idempotencyKey) {
        Batch b = dispatchable(caller, batchId, fromDepotId).batch();
        List<BatchLine> pair = b.lines().stream()
                .filter(l -> l.fromDepotId() == fromDepotId && l.toDepotId() == toDepotId).toList();
        if (pair.isEmpty()) {
            throw new ValidationException("toDepotId", "batch " + b.number() + " has no line from depot " + fromDepotId
                    + " to depot " + toDepotId);
        }
        if (pair.stream().noneMatch(l -> "RESERVED".equals(l.status()))
                && pair.stream().allMatch(l -> "DISPATCHED".equals(l.status()) || "RECEIVED".equals(l.status()))) {
            return b; // these goods left already (a retry, or dispatched through the batch)
        }
        if (b.status() != BatchStatus.APPROVED && b.status() != BatchStatus.PARTLY_DISPATCHED) {
            throw new ConflictException("Batch " + batchId + " is " + b.status() + "; only an APPROVED batch ships");
        }
        return dispatchSelected(caller, b, pair, idempotencyKey,
                "allocation.batch.dispatch:" + batchId + ":" + fromDepotId + "-" + toDepotId);
    }

    /** The sending province dispatches: the batch's, or (for one shipment's lines) the sending depot's. */
    private BatchDao.Row dispatchable(Caller caller, long batchId, Long fromDepotId) {
        requireWriter(caller, "allocation batches");
        BatchDao.Row row = load(batchId);
        Batch b = row.batch();
        ScopeRules.requireVisible(canSeeBatch(caller, b), "Batch", batchId);
        String sending = fromDepotId == null ? b.fromProvinceCode()
                : depots.get(Caller.system(caller.requestId()), fromDepotId).provinceCode();
        if (!caller.isMinistry() && !Objects.equals(caller.provinceCode(), sending)) {
            throw new AccessDeniedException("Only ministry roles or the sending province dispatch batch " + batchId);
        }
        return row;
    }

    /**
     * Turns the given lines' reservations into transfers (each recorded on its line at once, so a retry
     * resumes), then derives the batch's status from all its lines: DISPATCHED only when none waits any more.
     */
    private Batch dispatchSelected(Caller caller, Batch b, List<BatchLine> lines, String idempotencyKey,
            String operation) {
        long batchId = b.id();
        if (idempotencyKey != null) {
            IdempotencyKeys.validateKey(idempotencyKey);
        }
        List<Integer> sent = new ArrayList<>();
        for (BatchLine line : lines) {
            if (!"RESERVED".equals(line.status())) {
                continue;
            }
            Transfer t = inventory.dispatch(caller, line.reservationId(), line.toDepotId(),
                    holder(batchId) + " " + b.number(), derivedKey(idempotencyKey, batchId, "dispatch", line.lineNo()));
            Transactions.inTransaction(ds, c -> BatchDao.update(c, "UPDATE tp_alloc_batch_line SET transfer_id = ?, "
                    + "status = 'DISPATCHED' WHERE id = ? AND status = 'RESERVED'", t.id(), line.id()));
            sent.add(line.lineNo());
        }
        BatchStatus[] after = new BatchStatus[1];
        IdempotencyKeys.Outcome out = keys.execute(ds, caller, idempotencyKey, operation, null, c -> {
            after[0] = refreshStatus(c, batchId);
            if (after[0] == BatchStatus.DISPATCHED || after[0] == BatchStatus.PARTLY_RECEIVED
                    || after[0] == BatchStatus.RECEIVED) {
                // the dispatch that sent the last lines signs the batch's dispatch
                String sql = "UPDATE tp_alloc_batch SET dispatched_by = ?, dispatched_at = ?"
                        + (idempotencyKey == null ? "" : ", dispatch_key = ?") + " WHERE id = ? AND dispatched_at IS NULL";
                if (idempotencyKey == null) {
                    BatchDao.update(c, sql, caller.user(), Sql.now(), batchId);
                } else {
                    BatchDao.update(c, sql, caller.user(), Sql.now(), idempotencyKey, batchId);
                }
            }
            audit.record(c, caller, "allocation-batch", Long.toString(batchId), "DISPATCH", null,
                    Map.of("lines", lines.stream().map(BatchLine::lineNo).toList(), "status", after[0].name()));
            return new IdempotencyKeys.Ref("allocation-batch", Long.toString(batchId));
        });
        Batch done = load(batchId).batch();
        if (!out.repeat()) {
            if (done.status() == BatchStatus.PARTLY_DISPATCHED) {
                Events.post(eventAdmin, AllocationTopics.BATCH_PARTLY_DISPATCHED, caller, batchId, done.provinceCode(),
                        Map.of("number", done.number(), "lineNos", sent));
            } else if (b.status() == BatchStatus.APPROVED || b.status() == BatchStatus.PARTLY_DISPATCHED) {
                Events.post(eventAdmin, AllocationTopics.BATCH_DISPATCHED, caller, batchId, done.provinceCode(),
                        Map.of("number", done.number()));
            }
        }
        return done;
    }

    /**
     * The batch's status derived from its lines, stored under the batch row's lock (taken first, so two
     * shipments of one batch dispatched or received at once each see the other's committed lines).
     */
    private static BatchStatus refreshStatus(Connection c, long batchId) throws SQLException {
        BatchDao.update(c, "UPDATE tp_alloc_batch SET status = status WHERE id = ?", batchId);
        Batch cur = load(c, batchId);
        BatchStatus s = derivedStatus(cur.status(), cur.lines().stream().map(BatchLine::status).toList());
        if (s != cur.status()) {
            BatchDao.update(c, "UPDATE tp_alloc_batch SET status = ? WHERE id = ?", s.name(), batchId);
        }
        return s;
    }

    /**
     * After approval: APPROVED while every line waits at its sending depot, PARTLY_DISPATCHED while some do
     * (whatever the others' state), then DISPATCHED, PARTLY_RECEIVED and RECEIVED as lines are confirmed.
     */
    static BatchStatus derivedStatus(BatchStatus current, List<String> lines) {
        if (current == BatchStatus.RESERVING || current == BatchStatus.FAILED || lines.isEmpty()) {
            return current;
        }
        long reserved = lines.stream().filter("RESERVED"::equals).count();
        long received = lines.stream().filter("RECEIVED"::equals).count();
        if (reserved == lines.size()) {
            return BatchStatus.APPROVED;
        }
        if (reserved > 0) {
            return BatchStatus.PARTLY_DISPATCHED;
        }
        if (received == lines.size()) {
            return BatchStatus.RECEIVED;
        }
        return received > 0 ? BatchStatus.PARTLY_RECEIVED : BatchStatus.DISPATCHED;
    }

    @Override
    public Batch receive(Caller caller, long batchId, List<LineReceipt> receipts, String idempotencyKey) {
        if (caller.isReadOnly()) {
            throw new AccessDeniedException("Auditors have read-only access");
        }
        if (receipts == null || receipts.isEmpty()) {
            throw new ValidationException("lines", "give at least one line receipt");
        }
        if (idempotencyKey != null) {
            IdempotencyKeys.validateKey(idempotencyKey);
        }
        Batch b = load(batchId).batch();
        ScopeRules.requireVisible(canSeeBatch(caller, b), "Batch", batchId);
        if (b.status() != BatchStatus.DISPATCHED && b.status() != BatchStatus.PARTLY_RECEIVED
                && b.status() != BatchStatus.RECEIVED && b.status() != BatchStatus.PARTLY_DISPATCHED) {
            throw new ConflictException("Batch " + batchId + " is " + b.status() + "; nothing to receive yet");
        }
        Map<Long, BatchLine> lines = new HashMap<>();
        b.lines().forEach(l -> lines.put(l.id(), l));
        Set<Long> inRequest = new HashSet<>();
        for (LineReceipt r : receipts) {
            BatchLine l = lines.get(r.lineId());
            if (l == null) {
                throw NotFoundException.ofField("lineId", r.lineId());
            }
            if (!inRequest.add(l.id())) {
                throw new ValidationException("lines", "line " + l.lineNo() + " appears twice");
            }
            long damaged = r.damagedQuantity() == null ? 0 : r.damagedQuantity();
            if (r.receivedQuantity() == null || r.receivedQuantity() < 0 || r.receivedQuantity() > l.quantity()) {
                throw new ValidationException("receivedQuantity", "line " + l.lineNo() + ": received must be 0.."
                        + l.quantity());
            }
            if (damaged < 0 || damaged > r.receivedQuantity()) {
                throw new ValidationException("damagedQuantity", "line " + l.lineNo() + ": damaged must be 0..received");
            }
            requireReceiver(caller, l);
        }
        List<Need[]> changed = new ArrayList<>();
        List<Integer> receivedNow = new ArrayList<>();
        for (LineReceipt r : receipts) {
            BatchLine l = lines.get(r.lineId());
            if ("RECEIVED".equals(l.status())) {
                BatchDao.Receipt prior = Transactions.read(ds, c -> BatchDao.receipt(c, l.id()));
                if (idempotencyKey != null && idempotencyKey.equals(prior.key()) && caller.user().equals(prior.user())) {
                    continue; // the repeat of a receipt already counted
                }
                throw new ConflictException("Line " + l.lineNo() + " of batch " + b.number() + " is already received");
            }
            if (!"DISPATCHED".equals(l.status())) {
                throw new ConflictException("Line " + l.lineNo() + " is " + l.status() + ", not in transit");
            }
            long damaged = r.damagedQuantity() == null ? 0 : r.damagedQuantity();
            inventory.receiveTransfer(caller, l.transferId(), r.receivedQuantity(), damaged, r.note(),
                    derivedKey(idempotencyKey, batchId, "receive", l.lineNo()));
            Transactions.inTransaction(ds, c -> {
                String sql = "UPDATE tp_alloc_batch_line SET status = 'RECEIVED', received_qty = ?, damaged_qty = ?, "
                        + "received_by = ?" + (idempotencyKey == null ? "" : ", receipt_key = ?")
                        + (r.note() == null ? "" : ", receipt_note = ?") + " WHERE id = ? AND status = 'DISPATCHED'";
                List<Object> args = new ArrayList<>(List.of(r.receivedQuantity(), damaged, caller.user()));
                if (idempotencyKey != null) {
                    args.add(idempotencyKey);
                }
                if (r.note() != null) {
                    args.add(PlanDao.cut(r.note(), 500));
                }
                args.add(l.id());
                if (BatchDao.update(c, sql, args.toArray()) == 0) {
                    throw new ConflictException("Line " + l.lineNo() + " was received concurrently");
                }
                if (l.needId() != null) {
                    long usable = r.receivedQuantity() - damaged;
                    // what did not arrive usable goes back to the need's open quantity
                    changed.add(NeedDao.adjust(c, l.needId(), -(l.quantity() - usable), usable, Sql.now()));
                }
                audit.record(c, caller, "allocation-batch-line", Long.toString(l.id()), "RECEIVE", null,
                        Map.of("received", r.receivedQuantity(), "damaged", damaged));
                return null;
            });
            receivedNow.add(l.lineNo());
        }
        BatchStatus before = b.status();
        BatchStatus after = Transactions.inTransaction(ds, c -> refreshStatus(c, batchId));
        for (Integer n : receivedNow) {
            Events.post(eventAdmin, AllocationTopics.BATCH_LINE_RECEIVED, caller, batchId, b.provinceCode(),
                    Map.of("lineNo", n));
        }
        if (after == BatchStatus.RECEIVED && before != BatchStatus.RECEIVED) {
            Events.post(eventAdmin, AllocationTopics.BATCH_RECEIVED, caller, batchId, b.provinceCode(),
                    Map.of("number", b.number()));
        }
        postNeedChanges(caller, changed);
        Batch done = load(batchId).batch();
        if (!receivedNow.isEmpty()) {
            tellReceiptListeners(caller, done, receivedNow);
        }
        return done;
    }

    private void tellReceiptListeners(Caller caller, Batch done, List<Integer> lineNos) {
        List<BatchLine> lines = done.lines().stream().filter(l -> lineNos.contains(l.lineNo())).toList();
        for (BatchReceiptListener l : receiptListeners) {
            try {
                l.linesReceived(caller, done, lines);
            } catch (RuntimeException e) {
                // the stock is in and the batch says so; the listener's side catches up on its own (transport's watch)
                LOG.error("Receipt listener {} failed for batch {} lines {}", l.getClass().getName(), done.id(), lineNos,
                        e);
            }
        }
    }

    private void requireReceiver(Caller caller, BatchLine l) {
        if (caller.isMinistry()) {
            return;
        }
        Depot d = depots.get(Caller.system(caller.requestId()), l.toDepotId());
        boolean ok = (caller.hasRole(Roles.PROVINCE_OFFICER) && Objects.equals(caller.provinceCode(), d.provinceCode()))
                || (caller.hasRole(Roles.DEPOT_KEEPER) && d.code().equals(caller.depotCode()));
        if (!ok) {
            throw new AccessDeniedException("Only the receiving province or depot confirms line " + l.lineNo());
        }
    }

    // ---------------------------------------------------------------- mutual aid

    @Override
    public MutualAidOffer offer(Caller caller, NewMutualAidOffer cmd, String idempotencyKey) {
        if (!caller.hasRole(Roles.PROVINCE_OFFICER) || caller.provinceCode() == null) {
            throw new AccessDeniedException("Mutual-aid offers are made by a province officer of the offering province");
        }
        if (cmd.fromDepotId() == null || cmd.itemId() == null || cmd.quantity() == null || cmd.quantity() <= 0) {
            throw new ValidationException("quantity", "fromDepotId, itemId and a positive quantity are required");
        }
        Depot from = ScopeRules.namedInBody("fromDepotId", cmd.fromDepotId(), () -> depots.get(caller, cmd.fromDepotId()));
        if (!from.active() || !caller.provinceCode().equals(from.provinceCode())) {
            throw new ValidationException("fromDepotId", "the depot must be an active depot of province "
                    + caller.provinceCode());
        }
        catalogue.get(caller, cmd.itemId());
        if (!provinces.isValid(cmd.toProvinceCode())) {
            throw new ValidationException("toProvinceCode", "unknown province " + cmd.toProvinceCode());
        }
        if (cmd.toProvinceCode().equals(from.provinceCode())) {
            throw new ValidationException("toProvinceCode", "mutual aid goes to another province");
        }
        // the offering depot is the caller's own: its figure may be named (approval reserves it again, guarded)
        long available = inventory.available(caller, from.id(), cmd.itemId());
        if (available < cmd.quantity()) {
            throw new ConflictException(String.format(Locale.ROOT, "Depot %s has %,d of item %d available; an offer of "
                    + "%,d is %,d short", from.code(), available, cmd.itemId(), cmd.quantity(),
                    cmd.quantity() - available));
        }
        IdempotencyKeys.Outcome out = keys.execute(ds, caller, idempotencyKey, "allocation.offer.create", cmd, c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_alloc_offer (from_province, from_depot_id, "
                    + "item_id, quantity, to_province, note, status, offered_by, offered_at) VALUES (?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, from.provinceCode());
                ps.setLong(2, from.id());
                ps.setLong(3, cmd.itemId());
                ps.setLong(4, cmd.quantity());
                ps.setString(5, cmd.toProvinceCode());
                ps.setString(6, cmd.note());
                ps.setString(7, OfferStatus.OFFERED.name());
                ps.setString(8, caller.user());
                Sql.setInstant(ps, 9, Sql.now());
                ps.executeUpdate();
                id = Sql.generatedId(ps);
            }
            audit.record(c, caller, "mutual-aid-offer", Long.toString(id), "CREATE", null, cmd);
            return new IdempotencyKeys.Ref("mutual-aid-offer", Long.toString(id));
        });
        long id = Long.parseLong(out.ref().id());
        if (!out.repeat()) {
            Events.post(eventAdmin, AllocationTopics.OFFER_CREATED, caller, id, from.provinceCode(),
                    Map.of("toProvinceCode", cmd.toProvinceCode()));
        }
        return getOffer(caller, id);
    }

    @Override
    public Page<MutualAidOffer> offers(Caller caller, OfferStatus status, int limit, String cursor) {
        requirePlanReader(caller);
        StringBuilder where = new StringBuilder("id > ?");
        List<Object> args = new ArrayList<>(List.of(Paging.after(cursor)));
        if (ScopeRules.readReach(caller) == ScopeRules.Reach.PROVINCE) {
            where.append(" AND (from_province = ? OR to_province = ?)");
            args.add(caller.provinceCode());
            args.add(caller.provinceCode());
        }
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status.name());
        }
        List<MutualAidOffer> rows = Transactions.read(ds, c -> OfferDao.query(c, where.toString(), args,
                Paging.orderAndFetch("id", limit)));
        return Paging.page(rows, limit, MutualAidOffer::id);
    }

    @Override
    public MutualAidOffer getOffer(Caller caller, long id) {
        requirePlanReader(caller);
        MutualAidOffer o = Transactions.read(ds, c -> OfferDao.get(c, id));
        ScopeRules.requireVisible(canSee(caller, o.fromProvinceCode(), o.toProvinceCode()), "Mutual-aid offer", id);
        return o;
    }

    @Override
    public Batch approveOffer(Caller caller, long offerId, OfferApproval approval, String idempotencyKey) {
        if (!caller.hasRole(Roles.MINISTRY_ADMIN)) {
            throw new AccessDeniedException("Brokering mutual aid needs the ministry-admin role");
        }
        MutualAidOffer o = getOffer(caller, offerId);
        if (o.offeredBy().equals(caller.user())) {
            throw new ConflictException("Offer " + offerId + " was made by " + caller.user()
                    + "; approval needs a different person");
        }
        Optional<Batch> repeat = repeatOf(caller, idempotencyKey, "offer_id", offerId);
        if (repeat.isPresent()) {
            return resume(caller, idempotencyKey, repeat.get());
        }
        if (o.status() != OfferStatus.OFFERED || o.batchId() != null) {
            throw new ConflictException("Offer " + offerId + " is " + o.status() + ", not awaiting approval");
        }
        OfferApproval a = approval == null ? new OfferApproval(null, null) : approval;
        long toDepot = receivingDepotIn(o.toProvinceCode(), a.toDepotId());
        if (a.needId() != null) {
            Need n = Transactions.read(ds, c -> NeedDao.get(c, a.needId()));
            boolean fits = Objects.equals(n.itemId(), o.itemId()) || (n.itemId() == null
                    && n.categoryCode().equals(catalogue.get(caller, o.itemId()).categoryCode()));
            if (!o.toProvinceCode().equals(n.provinceCode()) || !fits || n.state() == NeedState.CANCELLED
                    || n.state() == NeedState.FULFILLED) {
                throw new ValidationException("needId", "the need must be an open need of province "
                        + o.toProvinceCode() + " for this item");
            }
        }
        BatchDao.Draft line = new BatchDao.Draft(a.needId(), o.itemId(), o.fromDepotId(), toDepot, o.quantity(),
                "mutual aid offer " + offerId + " from province " + o.fromProvinceCode()
                        + (o.note() == null ? "" : ": " + o.note()));
        BatchSpec spec = new BatchSpec(KIND_MUTUAL_AID, null, offerId, List.of(line),
                (c, batchId) -> {
                    if (BatchDao.update(c, "UPDATE tp_alloc_offer SET batch_id = ? WHERE id = ? AND status = 'OFFERED' "
                            + "AND batch_id IS NULL", batchId, offerId) == 0) {
                        throw new ConflictException("Offer " + offerId + " is no longer awaiting approval");
                    }
                },
                (c, batchId) -> BatchDao.update(c, "UPDATE tp_alloc_offer SET status = 'APPROVED', decided_by = ?, "
                        + "decided_at = ? WHERE id = ?", caller.user(), Sql.now(), offerId),
                (c, batchId) -> BatchDao.update(c, "UPDATE tp_alloc_offer SET batch_id = NULL WHERE id = ?", offerId),
                AllocationTopics.OFFER_APPROVED, offerId);
        return createBatch(caller, idempotencyKey, "allocation.offer.approve:" + offerId, a, spec);
    }

    private long receivingDepotIn(String province, Long wanted) {
        Caller system = Caller.system("allocation-offer");
        if (wanted != null) {
            Depot d = depots.get(system, wanted);
            if (!d.active() || !province.equals(d.provinceCode())) {
                throw new ValidationException("toDepotId", "the receiving depot must be an active depot of province "
                        + province);
            }
            return d.id();
        }
        try {
            long dept = units.getByCode(system, "P" + province).id();
            Optional<Long> own = new OrgPaths(units, depots, system.requestId()).receivingDepot(dept);
            if (own.isPresent()) {
                return own.get();
            }
        } catch (NotFoundException e) {
            LOG.debug("No provincial department P{}; taking any depot of the province", province);
        }
        List<Depot> any = depots.list(system, new DepotFilter(province, null, Boolean.TRUE, null), 1, null).items();
        if (any.isEmpty()) {
            throw new ConflictException("Province " + province + " has no active depot to receive mutual aid");
        }
        return any.get(0).id();
    }

    @Override
    public MutualAidOffer rejectOffer(Caller caller, long offerId, String note, String idempotencyKey) {
        if (!caller.isMinistry()) {
            throw new AccessDeniedException("Rejecting mutual aid needs a ministry role");
        }
        MutualAidOffer o = getOffer(caller, offerId);
        IdempotencyKeys.Outcome out = keys.execute(ds, caller, idempotencyKey, "allocation.offer.reject:" + offerId,
                note, c -> {
                    if (BatchDao.update(c, "UPDATE tp_alloc_offer SET status = 'REJECTED', decided_by = ?, decided_at = ? "
                            + "WHERE id = ? AND status = 'OFFERED' AND batch_id IS NULL", caller.user(), Sql.now(),
                            offerId) == 0) {
                        throw new ConflictException("Offer " + offerId + " is not awaiting a decision");
                    }
                    audit.record(c, caller, "mutual-aid-offer", Long.toString(offerId), "REJECT", null,
                            note == null ? Map.of() : Map.of("note", note));
                    return new IdempotencyKeys.Ref("mutual-aid-offer", Long.toString(offerId));
                });
        if (!out.repeat()) {
            Events.post(eventAdmin, AllocationTopics.OFFER_REJECTED, caller, offerId, o.fromProvinceCode(), Map.of());
        }
        return getOffer(caller, offerId);
    }

    // ---------------------------------------------------------------- scope helpers

    private static void requireReader(Caller caller) {
        ScopeRules.Reach reach = ScopeRules.readReach(caller);
        if (reach == ScopeRules.Reach.NONE) {
            throw new AccessDeniedException("The caller's role may not read allocations");
        }
    }

    /** Plans and offers are province-level decisions: no depot-level reach. */
    private static void requirePlanReader(Caller caller) {
        ScopeRules.Reach reach = ScopeRules.readReach(caller);
        if (reach != ScopeRules.Reach.ALL && reach != ScopeRules.Reach.PROVINCE) {
            throw new AccessDeniedException("The caller's role may not read allocation plans or offers");
        }
    }

    private static void requireWriter(Caller caller, String what) {
        ScopeRules.requireScopedWriter(caller, what);
    }

    /** Province-bound data visible when either province is the caller's (null = national: ministry and auditors). */
    private static boolean canSee(Caller caller, String province, String otherProvince) {
        return switch (ScopeRules.readReach(caller)) {
            case ALL -> true;
            case PROVINCE -> caller.provinceCode().equals(province) || caller.provinceCode().equals(otherProvince);
            default -> false;
        };
    }
}
