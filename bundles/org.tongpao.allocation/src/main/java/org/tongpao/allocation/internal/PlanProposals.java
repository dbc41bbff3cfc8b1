package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.allocation.Need;
import org.tongpao.allocation.Plan;
import org.tongpao.allocation.PlanLine;
import org.tongpao.allocation.PlanNeedResult;
import org.tongpao.allocation.PlanRequest;
import org.tongpao.allocation.PlanStatus;
import org.tongpao.allocation.internal.plan.Planner;
import org.tongpao.allocation.internal.plan.SupplyView;
import org.tongpao.allocation.spi.NeedView;
import org.tongpao.allocation.spi.RankedNeed;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.Item;
import org.tongpao.core.ItemFilter;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

/**
 * Proposes a plan: the open needs in scope ranked by the selected priority policy, the depots in reach and
 * their stock (one bulk read), the pure {@link Planner}, then the plan stored as a DRAFT superseding older
 * drafts of the same scope.
 */
final class PlanProposals {
    private final AllocationContext ctx;

    PlanProposals(AllocationContext ctx) {
        this.ctx = ctx;
    }

    /** The items that may fill the needs in scope (a category need in an item plan takes only that item). */
    private record ItemScope(List<Long> items, String category) {
    }

    /**
     * What the planner gets, the needs it cannot place (no receiving depot), and where each placed need's goods
     * go, for designated stock.
     */
    private record PlannerInput(List<Planner.PlanNeed> needs, Map<Long, PlanNeedResult> unplaceable,
            Map<Long, NeedPlace> places) {
    }

    /**
     * Where a need's goods go, as a designation (inventory 1.6) judges it: the needing unit (its province and path,
     * root first) and the receiving depot, null when the unit takes delivery itself.
     */
    private record NeedPlace(String provinceCode, List<Long> unitPath, long orgUnitId, Long depotId) {
    }

    Plan propose(Caller caller, PlanRequest req, String idempotencyKey) {
        AllocationScope.requireWriter(caller, "allocation plans");
        if ((req.itemId() == null) == (req.categoryCode() == null)) {
            throw new ValidationException("itemId", "give exactly one of itemId and categoryCode");
        }
        String province = province(caller, req.provinceCode());
        ItemScope scope = itemScope(caller, req);
        List<Long> sources = sources(caller, req.sourceDepotIds());
        PolicySelector.Entry policy = ctx.policies().select();
        if (policy == null) {
            throw new ConflictException("No priority policy is installed");
        }
        Instant now = Sql.now();
        List<NeedDao.Row> open = openNeeds(scope, province);
        List<RankedNeed> ranked = rank(policy, open, now);
        OrgPaths paths = new OrgPaths(ctx.units(), ctx.depots(), caller.requestId());
        List<Depot> depotList = scopeDepots(caller.isMinistry() ? null : caller.provinceCode());
        List<Planner.DepotNode> nodes = depotNodes(caller, paths, depotList, sources);
        Set<Long> stockDepots = sources.isEmpty() ? depotList.stream().map(Depot::id).collect(Collectors.toSet())
                : new HashSet<>(sources);
        Map<Long, Map<Long, Long>> stock = stock(new InventorySupply(ctx.inventory(), caller), stockDepots, scope.items());
        PlannerInput input = plannerInput(caller, ranked, open, paths, scope.category());
        List<Planner.Pool> designated = pools(caller, stockDepots, scope.items(), input.places(), paths);
        Planner.Result result = new Planner(nodes, stock, Map.of(scope.category(), scope.items()), sources, designated)
                .plan(input.needs());
        List<PlanNeedResult> outcomes = outcomes(ranked, result, input.unplaceable());
        long requested = outcomes.stream().mapToLong(PlanNeedResult::requested).sum();
        Plan draft = Plan.builder().status(PlanStatus.DRAFT).scope(province == null ? "national" : "province:" + province)
                .provinceCode(province).itemId(req.itemId()).categoryCode(req.itemId() == null ? scope.category() : null)
                .sourceDepotIds(sources).policy(policy.name()).note(req.note()).createdBy(caller.user())
                .createdByProvince(caller.isMinistry() ? null : caller.provinceCode()).createdAt(now)
                .totalRequested(requested).totalPlanned(result.totalPlanned()).needs(outcomes).lines(lines(result))
                .build();
        return store(caller, idempotencyKey, req, draft);
    }

    /** A province officer's plan is always its own province's (any other code: the same 403, naming none). */
    private String province(Caller caller, String asked) {
        if (!caller.isMinistry()) {
            if (asked != null && !asked.equals(caller.provinceCode())) {
                throw new AccessDeniedException("A province officer plans for its own province only");
            }
            return caller.provinceCode();
        }
        if (asked != null && !ctx.provinces().isValid(asked)) {
            throw new ValidationException("provinceCode", "unknown province " + asked);
        }
        return asked;
    }

    private ItemScope itemScope(Caller caller, PlanRequest req) {
        if (req.itemId() != null) {
            Item item = ctx.catalogue().get(caller, req.itemId());
            return new ItemScope(List.of(item.id()), item.categoryCode());
        }
        String category = req.categoryCode();
        if (ctx.catalogue().categories().stream().noneMatch(k -> k.code().equals(category))) {
            throw new ValidationException("categoryCode", "unknown category " + category);
        }
        return new ItemScope(activeItems(caller, category), category);
    }

    /** Named source depots, in order without repeats: each active and in the caller's scope. */
    private List<Long> sources(Caller caller, List<Long> named) {
        if (named != null && named.stream().anyMatch(Objects::isNull)) {
            throw new ValidationException("sourceDepotIds", "sourceDepotIds must not contain null");
        }
        List<Long> sources = named == null ? List.of() : List.copyOf(new LinkedHashSet<>(named));
        for (Long id : sources) {
            // unknown or outside the caller's scope: the same 404 naming the field
            Depot d = ScopeRules.namedInBody("sourceDepotIds", id, () -> ctx.depots().get(caller, id));
            if (!d.active()) {
                throw new ValidationException("sourceDepotIds", "depot " + d.code() + " is inactive");
            }
            ScopeRules.requireVisibleField(caller.isMinistry() || Objects.equals(d.provinceCode(), caller.provinceCode()),
                    "sourceDepotIds", id);
        }
        return sources;
    }

    private List<Long> activeItems(Caller caller, String category) {
        return Pages.all(cursor -> ctx.catalogue().list(caller, new ItemFilter(category, null, Boolean.TRUE),
                Paging.MAX_LIMIT, cursor)).stream().map(Item::id).sorted().toList();
    }

    private List<NeedDao.Row> openNeeds(ItemScope scope, String province) {
        Where where = new Where("state IN ('OPEN', 'PARTLY_ALLOCATED')");
        if (scope.items().isEmpty()) {
            where.and("category_code = ?", scope.category());
        } else {
            where.and("(category_code = ? OR " + Where.in("item_id", scope.items()) + ")", scope.category());
            where.args().addAll(scope.items());
        }
        if (province != null) {
            where.and("province_code = ?", province);
        }
        return Transactions.read(ctx.ds(), c -> NeedDao.query(c, where.sql(), where.args(), " ORDER BY id")).stream()
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
        return Pages.all(cursor -> ctx.depots().list(system, new DepotFilter(province, null, Boolean.TRUE, null),
                Paging.MAX_LIMIT, cursor));
    }

    /** The active depots in scope with their owner's path, plus named sources outside it. */
    private List<Planner.DepotNode> depotNodes(Caller caller, OrgPaths paths, List<Depot> depotList,
            List<Long> sources) {
        List<Planner.DepotNode> nodes = new ArrayList<>();
        for (Depot d : depotList) {
            boolean central = paths.unit(d.orgUnitId()).level() == OrgLevel.MINISTRY;
            nodes.add(new Planner.DepotNode(d.id(), paths.path(d.orgUnitId()), central));
        }
        for (Long id : sources) {
            if (depotList.stream().noneMatch(d -> d.id() == id)) {
                Depot d = ctx.depots().get(caller, id);
                nodes.add(new Planner.DepotNode(d.id(), paths.path(d.orgUnitId()), false));
            }
        }
        return nodes;
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

    /** The ranked needs with their receiving depot; a need with none (or an inactive named one) stays open. */
    private PlannerInput plannerInput(Caller caller, List<RankedNeed> ranked, List<NeedDao.Row> open, OrgPaths paths,
            String category) {
        Map<Long, NeedDao.Row> rows = new HashMap<>();
        open.forEach(r -> rows.put(r.need().id(), r));
        List<Planner.PlanNeed> input = new ArrayList<>();
        Map<Long, PlanNeedResult> unplaceable = new LinkedHashMap<>();
        Map<Long, Depot> named = new HashMap<>();
        Map<Long, NeedPlace> places = new HashMap<>();
        for (RankedNeed rn : ranked) {
            Need n = rows.get(rn.need().id()).need();
            String why = null;
            Optional<Long> to = Optional.empty();
            if (n.deliverToUnit()) {
                // straight to the unit (a front-line station without a depot): no receiving depot
                long[] unitPath = OrgPaths.decode(rows.get(n.id()).unitPath());
                input.add(new Planner.PlanNeed(n.id(), rn.rank(), rn.reason(), n.itemId(), category, n.remaining(),
                        unitPath, 0, n.orgUnitId()));
                places.put(n.id(), new NeedPlace(n.provinceCode(), list(unitPath), n.orgUnitId(), null));
                continue;
            }
            if (n.receivingDepotId() != null) {
                // the need names its receiving depot, which may have been deactivated since
                Depot d = named.computeIfAbsent(n.receivingDepotId(),
                        id -> ctx.depots().get(Caller.system(caller.requestId()), id));
                why = d.active() ? null : "its receiving depot " + d.code() + " is inactive";
                to = Optional.of(d.id());
            } else {
                to = paths.receivingDepot(n.orgUnitId());
                why = to.isPresent() ? null : "no active depot at the unit or its ancestors to receive";
            }
            if (why != null) {
                unplaceable.put(n.id(), new PlanNeedResult(n.id(), rn.rank(), rn.reason(), n.remaining(), 0,
                        String.format(Locale.ROOT, "short: 0 of %,d; %,d remain open (%s)", n.remaining(),
                                n.remaining(), why)));
                continue;
            }
            long[] unitPath = OrgPaths.decode(rows.get(n.id()).unitPath());
            input.add(new Planner.PlanNeed(n.id(), rn.rank(), rn.reason(), n.itemId(), category, n.remaining(),
                    unitPath, to.get()));
            places.put(n.id(), new NeedPlace(n.provinceCode(), list(unitPath), n.orgUnitId(), to.get()));
        }
        return new PlannerInput(input, unplaceable, places);
    }

    private static List<Long> list(long[] path) {
        return java.util.Arrays.stream(path).boxed().toList();
    }

    /**
     * The designated part of the depots' stock (inventory 1.6), each pool taken only by needs inside its designation:
     * the needing unit (a front-line designation: a unit at level STATION) and the receiving depot, when there is
     * one, must both be admitted, since the batch will send the goods there.
     */
    private List<Planner.Pool> pools(Caller caller, Set<Long> depotIds, List<Long> items, Map<Long, NeedPlace> places,
            OrgPaths paths) {
        if (depotIds.isEmpty() || items.isEmpty()) {
            return List.of();
        }
        List<org.tongpao.inventory.DesignatedStock> rows = ctx.inventory().designated(caller, depotIds, items);
        if (rows.isEmpty()) {
            return List.of();
        }
        Caller system = Caller.system(caller.requestId());
        Map<Long, Depot> depots = new HashMap<>();
        List<Planner.Pool> pools = new ArrayList<>();
        for (org.tongpao.inventory.DesignatedStock row : rows) {
            org.tongpao.inventory.Designation d = row.designation();
            Map<Long, Boolean> verdicts = new HashMap<>();
            pools.add(new Planner.Pool(row.itemId(), row.depotId(), row.available(), need -> verdicts.computeIfAbsent(
                    need.needId(), id -> {
                        NeedPlace p = places.get(id);
                        if (p == null || !d.allows(p.provinceCode(), p.unitPath(), false,
                                paths.unit(p.orgUnitId()).level() == OrgLevel.STATION)) {
                            return false;
                        }
                        if (p.depotId() == null) {
                            return true;
                        }
                        Depot to = depots.computeIfAbsent(p.depotId(), k -> ctx.depots().get(system, k));
                        return d.allows(to.provinceCode(), list(paths.path(to.orgUnitId())), true, false);
                    })));
        }
        return pools;
    }

    private static List<PlanNeedResult> outcomes(List<RankedNeed> ranked, Planner.Result result,
            Map<Long, PlanNeedResult> unplaceable) {
        Map<Long, Planner.Outcome> byNeed = new HashMap<>();
        result.outcomes().forEach(o -> byNeed.put(o.needId(), o));
        List<PlanNeedResult> outcomes = new ArrayList<>();
        for (RankedNeed rn : ranked) {
            Planner.Outcome o = byNeed.get(rn.need().id());
            outcomes.add(o != null ? new PlanNeedResult(o.needId(), o.rank(), o.reason(), o.requested(), o.planned(),
                    o.shortReason()) : unplaceable.get(rn.need().id()));
        }
        return outcomes;
    }

    private static List<PlanLine> lines(Planner.Result result) {
        List<PlanLine> lines = new ArrayList<>();
        int lineNo = 1;
        for (Planner.Line l : result.lines()) {
            lines.add(new PlanLine(lineNo++, l.needId(), l.rank(), l.itemId(), l.fromDepotId(), l.toDepotId(),
                    l.quantity(), l.distance(), l.reason(), l.toOrgUnitId()));
        }
        return lines;
    }

    /** Stores the draft (superseding older drafts of its scope) under the Idempotency-Key and posts the events. */
    private Plan store(Caller caller, String idempotencyKey, PlanRequest req, Plan draft) {
        IdempotencyKeys.Outcome out = ctx.keys().execute(ctx.ds(), caller, idempotencyKey, "allocation.plan.propose", req,
                c -> {
                    long id = PlanDao.insert(c, draft);
                    List<Long> superseded = supersede(c, id, draft);
                    ctx.audit().record(c, caller, "allocation-plan", Long.toString(id), "PROPOSE", null,
                            Map.of("scope", draft.scope(), "lines", draft.lines().size(), "planned",
                                    draft.totalPlanned(), "requested", draft.totalRequested(), "policy", draft.policy()));
                    ctx.events().record(c, AllocationTopics.PLAN_PROPOSED, caller, id, draft.provinceCode(),
                            Map.of("planned", draft.totalPlanned(), "requested", draft.totalRequested()));
                    for (Long s : superseded) {
                        ctx.events().record(c, AllocationTopics.PLAN_SUPERSEDED, caller, s, draft.provinceCode(),
                                Map.of("by", id));
                    }
                    return new IdempotencyKeys.Ref("allocation-plan", Long.toString(id));
                });
        long id = Long.parseLong(out.ref().id());
        if (out.repeat()) {
            return Transactions.read(ctx.ds(), c -> PlanDao.get(c, id));
        }
        // what was just stored, without reading thousands of rows back (a national plan has one per open need)
        return draft.toBuilder().id(id).build();
    }

    private static List<Long> supersede(Connection c, long newId, Plan p) throws SQLException {
        Where where = new Where("status = 'DRAFT' AND id <> ? AND scope = ?", newId, p.scope());
        if (p.itemId() != null) {
            where.and("item_id = ?", p.itemId());
        } else {
            where.and("category_code = ?", p.categoryCode());
        }
        List<Long> ids = PlanDao.query(c, where.sql(), where.args(), null, false).stream().map(Plan::id).toList();
        for (Long id : ids) {
            BatchDao.update(c, "UPDATE tp_alloc_plan SET status = 'SUPERSEDED' WHERE id = ? AND status = 'DRAFT'", id);
        }
        return ids;
    }
}
