package org.tongpao.allocation.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.allocation.NeedFilter;
import org.tongpao.allocation.NeedService;
import org.tongpao.allocation.NeedState;
import org.tongpao.core.Caller;

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
        NeedFilter filter = new NeedFilter(province, null, state == null ? null : NeedState.valueOf(state.toUpperCase(
                java.util.Locale.ROOT)), null, null, null);
        Caller caller = Console.caller();
        ConsoleTable.printAll(new String[] {"Id", "Unit", "Province", "Item/category", "Quantity", "Allocated",
            "Received", "Urgency", "Front line", "Key area", "State"},
                (limit, cursor) -> needs.list(caller, filter, limit, cursor),
                n -> new Object[] {n.id(), n.unitCode(), Console.orDash(n.provinceCode()),
                    n.itemId() != null ? "item " + n.itemId() : "category " + n.categoryCode(), n.quantity(),
                    n.allocated(), n.received(), n.urgency(), n.frontLine() ? "yes" : "no",
                    n.keyArea() ? n.keyAreaLabel() : "-", n.state()});
        return null;
    }
}
