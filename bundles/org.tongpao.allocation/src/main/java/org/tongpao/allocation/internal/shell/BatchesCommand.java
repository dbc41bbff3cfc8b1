package org.tongpao.allocation.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.allocation.AllocationService;
import org.tongpao.core.Caller;

/** {@code tongpao:batches} — allocation batches with number, title and state. */
@Service
@Command(scope = "tongpao", name = "batches", description = "Lists allocation batches")
public class BatchesCommand implements Action {

    @Reference
    AllocationService allocation;

    @Override
    public Object execute() {
        Caller caller = Console.caller();
        ConsoleTable.printAll(new String[] {"Id", "Number", "Title", "Kind", "Status", "Plan", "Offer", "Approved by"},
                (limit, cursor) -> allocation.batches(caller, null, limit, cursor),
                b -> new Object[] {b.id(), Console.orDash(b.number()), Console.orDash(b.title()), b.kind(),
                    b.status(), Console.orDash(b.planId()), Console.orDash(b.offerId()), b.approvedBy()});
        return null;
    }
}
