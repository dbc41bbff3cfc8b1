package org.tongpao.allocation.internal.shell;

import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tongpao.allocation.Need;
import org.tongpao.allocation.NeedFilter;
import org.tongpao.allocation.NeedService;
import org.tongpao.allocation.NeedState;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;

/** {@code tongpao:needs} — units' needs, filtered by province and state. */
@Service
@Command(scope = "tongpao", name = "needs", description = "Lists needs (item or category, quantity, urgency, state)")
public class NeedsCommand implements Action {

    @Option(name = "--province", aliases = "-p", description = "GB/T 2260 province code, e.g. 42")
    String province;

    @Option(name = "--state", aliases = "-s", description = "OPEN, PARTLY_ALLOCATED, ALLOCATED, FULFILLED, CANCELLED")
    String state;

    @Reference
    NeedService needs;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Id", "Unit", "Province", "Item/category", "Quantity", "Allocated", "Received",
                "Urgency", "Front line", "Key area", "State"}) {
            table.column(c);
        }
        NeedFilter filter = new NeedFilter(province, null, state == null ? null : NeedState.valueOf(state.toUpperCase(
                java.util.Locale.ROOT)), null, null, null);
        Caller caller = Caller.system("shell-" + UUID.randomUUID());
        String cursor = null;
        do {
            Page<Need> page = needs.list(caller, filter, 500, cursor);
            for (Need n : page.items()) {
                table.addRow().addContent(n.id(), n.unitCode(), n.provinceCode() == null ? "-" : n.provinceCode(),
                        n.itemId() != null ? "item " + n.itemId() : "category " + n.categoryCode(), n.quantity(),
                        n.allocated(), n.received(), n.urgency(), n.frontLine() ? "yes" : "no",
                        n.keyArea() ? n.keyAreaLabel() : "-", n.state());
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        table.print(System.out);
        return null;
    }
}
