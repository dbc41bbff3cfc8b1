package org.tongpao.allocation.internal.shell;

import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tongpao.allocation.AllocationService;
import org.tongpao.allocation.Batch;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;

/** {@code tongpao:batches} — allocation batches with number, title and state. */
@Service
@Command(scope = "tongpao", name = "batches", description = "Lists allocation batches")
public class BatchesCommand implements Action {

    @Reference
    AllocationService allocation;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Id", "Number", "Title", "Kind", "Status", "Plan", "Offer", "Approved by"}) {
            table.column(c);
        }
        Caller caller = Caller.system("shell-" + UUID.randomUUID());
        String cursor = null;
        do {
            Page<Batch> page = allocation.batches(caller, null, 500, cursor);
            for (Batch b : page.items()) {
                table.addRow().addContent(b.id(), b.number() == null ? "-" : b.number(),
                        b.title() == null ? "-" : b.title(), b.kind(), b.status(),
                        b.planId() == null ? "-" : b.planId(), b.offerId() == null ? "-" : b.offerId(), b.approvedBy());
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        table.print(System.out);
        return null;
    }
}
