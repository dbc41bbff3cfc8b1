package org.tongpao.procurement.api;

import java.time.Instant;
import org.tongpao.procurement.api.internal.Check;

/**
 * One approval of an order, as Tongpao recorded it: who approved (the platform user), in which role, when, and the
 * justification an emergency procurement's approval states (null for a normal order's). A normal order carries two
 * approvals by two different people, an emergency order one.
 *
 * @since 1.2
 */
public record OrderApproval(String approver, String role, Instant approvedAt, String justification) {
    public OrderApproval {
        approver = Check.text(approver, "approver", 128, true, false);
        role = Check.text(role, "role", 64, true, false);
        Check.required(approvedAt, "approvedAt");
        justification = Check.text(justification, "justification", 1000, false, true);
    }
}
