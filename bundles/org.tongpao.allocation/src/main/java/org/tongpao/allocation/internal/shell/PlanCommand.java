package org.tongpao.allocation.internal.shell;

import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tongpao.allocation.AllocationService;
import org.tongpao.allocation.Plan;
import org.tongpao.allocation.PlanLine;
import org.tongpao.allocation.PlanNeedResult;
import org.tongpao.core.Caller;

/** {@code tongpao:plan <id>} — a plan's per-need outcomes and lines with their reasons. */
@Service
@Command(scope = "tongpao", name = "plan", description = "Shows an allocation plan with its lines and reasons")
public class PlanCommand implements Action {

    @Argument(name = "id", required = true, description = "Plan id")
    long id;

    @Reference
    AllocationService allocation;

    @Override
    public Object execute() {
        Plan p = allocation.plan(Caller.system("shell-" + UUID.randomUUID()), id);
        System.out.printf("Plan %d  %s  scope %s  policy %s  by %s  planned %,d of %,d%s%n", p.id(), p.status(),
                p.scope(), p.policy(), p.createdBy(), p.totalPlanned(), p.totalRequested(),
                p.batchId() == null ? "" : "  batch " + p.batchId());
        ShellTable needs = new ShellTable();
        for (String c : new String[] {"Rank", "Need", "Requested", "Planned", "Reason", "Short"}) {
            needs.column(c);
        }
        for (PlanNeedResult n : p.needs()) {
            needs.addRow().addContent(n.rank(), n.needId(), n.requested(), n.planned(), n.reason(),
                    n.shortReason() == null ? "-" : n.shortReason());
        }
        needs.print(System.out);
        ShellTable lines = new ShellTable();
        for (String c : new String[] {"Line", "Need", "Item", "From depot", "To depot", "Quantity", "Reason"}) {
            lines.column(c);
        }
        for (PlanLine l : p.lines()) {
            lines.addRow().addContent(l.lineNo(), l.needId(), l.itemId(), l.fromDepotId(), l.toDepotId(), l.quantity(),
                    l.reason());
        }
        lines.print(System.out);
        return null;
    }
}
