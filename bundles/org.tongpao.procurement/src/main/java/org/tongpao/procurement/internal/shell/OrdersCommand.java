package org.tongpao.procurement.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.Caller;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.procurement.OrderFilter;
import org.tongpao.procurement.OrderStatus;
import org.tongpao.procurement.ProcurementService;

/** {@code tongpao:purchase-orders} — purchase orders with supplier, depot, status and amounts. */
@Service
@Command(scope = "tongpao", name = "purchase-orders", description = "Lists purchase orders")
public class OrdersCommand implements Action {

    @Reference
    ProcurementService procurement;

    @Option(name = "-s", aliases = "--status", description = "DRAFT, SUBMITTED, APPROVED, PLACED, ...")
    OrderStatus status;

    @Option(name = "-p", aliases = "--province", description = "buying province code")
    String province;

    @Override
    public Object execute() {
        Caller caller = Console.caller();
        OrderFilter filter = new OrderFilter(status, null, province);
        ConsoleTable.printAll(new String[] {"Id", "Number", "Supplier", "Depot", "Status", "Emergency", "Total",
            "CNY", "Spent CNY", "Channel"}, (limit, cursor) -> procurement.orders(caller, filter, limit, cursor),
                o -> new Object[] {o.id(), o.number(), o.supplierCode(), o.depotCode(), o.status(),
                    o.emergency() ? "yes" : "-", o.totalAmount().toPlainString() + " " + o.currency(),
                    o.totalCny().toPlainString(), o.spentCny().toPlainString(), Console.orDash(o.channelId())});
        return null;
    }
}
