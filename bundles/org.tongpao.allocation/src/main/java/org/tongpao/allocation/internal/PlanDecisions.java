package org.tongpao.allocation.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.Need;
import org.tongpao.allocation.NeedState;
import org.tongpao.allocation.Plan;
import org.tongpao.allocation.PlanLine;
import org.tongpao.allocation.PlanStatus;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Depot;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Transactions;

/** Reading plans and deciding on them: approval (a second person; into a batch) or rejection. */
final class PlanDecisions {
    private final AllocationContext ctx;

    PlanDecisions(AllocationContext ctx) {
        this.ctx = ctx;
    }

    Plan plan(Caller caller, long id) {
        AllocationScope.requirePlanReader(caller);
        Plan p = Transactions.read(ctx.ds(), c -> PlanDao.get(c, id));
        ScopeRules.requireVisible(AllocationScope.canSee(caller, p.provinceCode(), null), "Plan", id);
        return p;
    }

    Page<Plan> plans(Caller caller, PlanStatus status, int limit, String cursor) {
        AllocationScope.requirePlanReader(caller);
        Where where = Where.after(cursor);
        if (ScopeRules.readReach(caller) == ScopeRules.Reach.PROVINCE) {
            where.and("province_code = ?", caller.provinceCode());
        }
        if (status != null) {
            where.and("status = ?", status.name());
        }
        List<Plan> rows = Transactions.read(ctx.ds(), c -> PlanDao.query(c, where.sql(), where.args(),
                Paging.orderAndFetch("id", limit), false));
        return Paging.page(rows, limit, Plan::id);
    }

    Batch approve(Caller caller, long planId, String idempotencyKey) {
        AllocationScope.requireWriter(caller, "allocation plans");
        Plan plan = plan(caller, planId);
        requireApprover(caller, plan);
        Optional<Batch> repeat = ctx.approval().repeat(caller, idempotencyKey, Owner.PLAN, planId);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        if (plan.status() != PlanStatus.DRAFT || plan.batchId() != null) {
            throw new ConflictException("Plan " + planId + " is " + plan.status() + ", not a DRAFT awaiting approval");
        }
        if (plan.lines().isEmpty()) {
            throw new ConflictException("Plan " + planId + " has no lines to approve");
        }
        requireActiveDepots(plan);
        List<BatchDao.Draft> drafts = plan.lines().stream().map(l -> new BatchDao.Draft(l.needId(), l.itemId(),
                l.fromDepotId(), l.toDepotId(), l.quantity(), l.reason(), l.toOrgUnitId())).toList();
        Map<Long, Long> perNeed = new HashMap<>();
        plan.lines().forEach(l -> perNeed.merge(l.needId(), l.quantity(), Long::sum));
        BatchSpec spec = BatchSpec.forPlan(planId, caller.user(), drafts, (c, batchId) -> {
            for (Map.Entry<Long, Long> e : perNeed.entrySet()) {
                Need n = NeedDao.lock(c, e.getKey());
                if (n.state() == NeedState.CANCELLED || n.remaining() < e.getValue()) {
                    throw new ConflictException("Need " + n.id() + " changed since plan " + planId + " was proposed ("
                            + n.state() + ", " + n.remaining() + " open); propose a new plan");
                }
            }
        });
        return ctx.approval().approve(caller, idempotencyKey, "allocation.plan.approve:" + planId, null, spec);
    }

    /** ministry-admin, or for a province's own plan another officer of that province; never the planner. */
    private static void requireApprover(Caller caller, Plan plan) {
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
            throw new ConflictException("Plan " + plan.id() + " was proposed by " + caller.user()
                    + "; approval needs a different person");
        }
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
            for (long id : l.toOrgUnitId() != null ? new long[] {l.fromDepotId()}
                    : new long[] {l.fromDepotId(), l.toDepotId()}) {
                Depot d = seen.computeIfAbsent(id, k -> ctx.depots().get(system, k));
                if (!d.active()) {
                    throw new ConflictException("Plan " + plan.id() + " line " + l.lineNo() + ": depot " + d.code()
                            + " is inactive; propose a new plan");
                }
            }
        }
    }

    Plan reject(Caller caller, long planId, String note, String idempotencyKey) {
        AllocationScope.requireWriter(caller, "allocation plans");
        Plan plan = plan(caller, planId);
        boolean allowed = caller.isMinistry() || (plan.createdByProvince() != null
                && plan.createdByProvince().equals(caller.provinceCode()));
        if (!allowed) {
            throw new AccessDeniedException("Rejecting a national plan needs a ministry role");
        }
        Owner.PLAN.reject(ctx, caller, planId, note, idempotencyKey, plan.provinceCode(),
                "Plan " + planId + " is not a DRAFT awaiting a decision");
        return plan(caller, planId);
    }
}
