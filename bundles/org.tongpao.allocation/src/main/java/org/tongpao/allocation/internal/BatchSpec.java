package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.Sql;

/**
 * What differs between a plan's and an offer's batch: its lines and the owner's state changes. The owner
 * (plan or offer) is claimed with the batch's insert ({@code guard}), marked APPROVED once every line is
 * reserved ({@code onApproved}) and freed again when a reservation is refused ({@code onFailed}).
 */
record BatchSpec(String kind, Long planId, Long offerId, List<BatchDao.Draft> lines, SqlStep guard,
        SqlStep onApproved, SqlStep onFailed, String ownerTopic, long ownerId) {
    static final String KIND_PLAN = "PLAN";
    static final String KIND_MUTUAL_AID = "MUTUAL_AID";

    /** A step in the owner's table, in the batch's transaction. */
    @FunctionalInterface
    interface SqlStep {
        void apply(Connection c, long batchId) throws SQLException;

        SqlStep NONE = (c, batchId) -> { };
    }

    /** A plan's batch; {@code check} runs after the plan is claimed (its needs still open). */
    static BatchSpec forPlan(long planId, String approver, List<BatchDao.Draft> lines, SqlStep check) {
        return of(Owner.PLAN, "Plan " + planId + " is no longer a DRAFT awaiting approval", planId, approver, lines,
                check);
    }

    static BatchSpec forOffer(long offerId, String approver, List<BatchDao.Draft> lines) {
        return of(Owner.OFFER, "Offer " + offerId + " is no longer awaiting approval", offerId, approver, lines,
                SqlStep.NONE);
    }

    /** The owner steps of an approval interrupted between its steps (a retry after a crash resumes it). */
    static BatchSpec resuming(Long planId, Long offerId, String approver) {
        return planId != null ? forPlan(planId, approver, List.of(), SqlStep.NONE)
                : forOffer(offerId, approver, List.of());
    }

    private static BatchSpec of(Owner owner, String gone, long ownerId, String approver, List<BatchDao.Draft> lines,
            SqlStep check) {
        SqlStep claim = (c, batchId) -> {
            if (BatchDao.update(c, "UPDATE " + owner.table() + " SET batch_id = ? WHERE id = ? AND status = '"
                    + owner.awaiting() + "' AND batch_id IS NULL", batchId, ownerId) == 0) {
                throw new ConflictException(gone);
            }
            check.apply(c, batchId);
        };
        SqlStep approved = (c, batchId) -> BatchDao.update(c, "UPDATE " + owner.table() + " SET status = 'APPROVED', "
                + "decided_by = ?, decided_at = ? WHERE id = ?", approver, Sql.now(), ownerId);
        SqlStep failed = (c, batchId) -> BatchDao.update(c, "UPDATE " + owner.table() + " SET batch_id = NULL WHERE id = ?",
                ownerId);
        boolean plan = owner == Owner.PLAN;
        return new BatchSpec(plan ? KIND_PLAN : KIND_MUTUAL_AID, plan ? ownerId : null, plan ? null : ownerId, lines,
                claim, approved, failed, owner.approvedTopic(), ownerId);
    }
}
