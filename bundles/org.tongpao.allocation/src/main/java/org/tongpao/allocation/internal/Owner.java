package org.tongpao.allocation.internal;

import java.util.Map;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Sql;

/**
 * What a batch is made from, a plan or a mutual-aid offer: its table, the batch's column naming it, the status
 * awaiting a decision, its audit entity, operation prefix and topics.
 */
record Owner(String table, String batchColumn, String awaiting, String auditEntity, String operation,
        String approvedTopic, String rejectedTopic) {
    static final Owner PLAN = new Owner("tp_alloc_plan", "plan_id", "DRAFT", "allocation-plan", "allocation.plan",
            AllocationTopics.PLAN_APPROVED, AllocationTopics.PLAN_REJECTED);
    static final Owner OFFER = new Owner("tp_alloc_offer", "offer_id", "OFFERED", "mutual-aid-offer", "allocation.offer",
            AllocationTopics.OFFER_APPROVED, AllocationTopics.OFFER_REJECTED);

    /**
     * Rejects the owner still awaiting a decision (no batch claimed it), under the Idempotency-Key, and posts
     * the rejection; {@code notAwaiting} is the 409's message otherwise.
     */
    void reject(AllocationContext ctx, Caller caller, long id, String note, String key, String province,
            String notAwaiting) {
        ctx.keys().execute(ctx.ds(), caller, key, operation + ".reject:" + id, note, c -> {
            if (BatchDao.update(c, "UPDATE " + table + " SET status = 'REJECTED', decided_by = ?, decided_at = ? "
                    + "WHERE id = ? AND status = '" + awaiting + "' AND batch_id IS NULL", caller.user(), Sql.now(),
                    id) == 0) {
                throw new ConflictException(notAwaiting);
            }
            ctx.audit().record(c, caller, auditEntity, Long.toString(id), "REJECT", null,
                    note == null ? Map.of() : Map.of("note", note));
            ctx.events().record(c, rejectedTopic, caller, id, province, Map.of());
            return new IdempotencyKeys.Ref(auditEntity, Long.toString(id));
        });
    }
}
