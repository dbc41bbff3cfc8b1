package org.tongpao.procurement.internal;

import java.time.Instant;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.procurement.Approval;
import org.tongpao.procurement.OrderStatus;
import org.tongpao.procurement.PurchaseOrder;

/**
 * Who may approve an order, and what an approval does. Normal mode: two approvals by two different people, the
 * second makes the order APPROVED. Emergency mode: one approval carrying a justification (the approver and the
 * justification recorded) makes it APPROVED at once.
 */
final class ApprovalRules {
    static final int MIN_JUSTIFICATION = 10;

    /** The approval to record, and whether it is the one that makes the order APPROVED. */
    record Decision(Approval approval, boolean completes) {
    }

    private ApprovalRules() {
    }

    static Decision decide(PurchaseOrder o, Caller approver, String justification, Instant now) {
        if (o.status() != OrderStatus.SUBMITTED) {
            throw new ConflictException("status", "Order " + o.number() + " is " + o.status()
                    + "; only a SUBMITTED order can be approved");
        }
        String role = approver.primaryRole();
        if (o.emergency()) {
            String why = justification == null ? null : justification.strip();
            if (why == null || why.length() < MIN_JUSTIFICATION) {
                throw new ValidationException("justification", "an emergency order is approved in one step with a "
                        + "justification of at least " + MIN_JUSTIFICATION + " characters");
            }
            if (why.length() > 1000) {
                throw new ValidationException("justification", "justification must be at most 1000 characters");
            }
            return new Decision(new Approval(1, approver.user(), role, true, why, now), true);
        }
        boolean already = o.approvals().stream().anyMatch(a -> a.approver().equals(approver.user()));
        if (already) {
            throw new ConflictException("approver", "Order " + o.number() + " was already approved by "
                    + approver.user() + "; the second approval must come from someone else");
        }
        int step = o.approvals().size() + 1;
        String note = justification == null || justification.isBlank() ? null : justification.strip();
        if (note != null && note.length() > 1000) {
            throw new ValidationException("justification", "justification must be at most 1000 characters");
        }
        return new Decision(new Approval(step, approver.user(), role, false, note, now), step == 2);
    }
}
