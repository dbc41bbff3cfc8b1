package org.tongpao.allocation.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.allocation.AllocationService;
import org.tongpao.allocation.Plan;

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
        Plan p = allocation.plan(Console.caller(), id);
        System.out.printf("Plan %d  %s  scope %s  policy %s  by %s  planned %,d of %,d%s%n", p.id(), p.status(),
                p.scope(), p.policy(), p.createdBy(), p.totalPlanned(), p.totalRequested(),
                p.batchId() == null ? "" : "  batch " + p.batchId());
        ConsoleTable.print(new String[] {"Rank", "Need", "Requested", "Planned", "Reason", "Short"}, p.needs(),
                n -> new Object[] {n.rank(), n.needId(), n.requested(), n.planned(), n.reason(),
                    Console.orDash(n.shortReason())});
        ConsoleTable.print(new String[] {"Line", "Need", "Item", "From depot", "To depot", "Quantity", "Reason"},
                p.lines(), l -> new Object[] {l.lineNo(), l.needId(), l.itemId(), l.fromDepotId(), l.toDepotId(),
                    l.quantity(), l.reason()});
        return null;
    }
}
