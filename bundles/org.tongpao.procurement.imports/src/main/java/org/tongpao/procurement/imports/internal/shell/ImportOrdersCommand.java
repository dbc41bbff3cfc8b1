package org.tongpao.procurement.imports.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.procurement.imports.internal.ImportOrders;
import org.tongpao.procurement.imports.internal.ImportStatus;

/** {@code tongpao:import-orders} — import orders with their amounts, rates at order and payment, and status. */
@Service
@Command(scope = "tongpao", name = "import-orders", description = "Lists import orders with their exchange rates and status")
public class ImportOrdersCommand implements Action {

    @Reference
    ImportOrders orders;

    @Option(name = "--status", description = "ORDERED, CONFIRMED, SHIPPED, AT_CUSTOMS, CLEARED, DELIVERED or CANCELLED")
    String status;

    @Override
    public Object execute() {
        ImportStatus s = QueryParams.enumValue(ImportStatus.class, "status", status);
        ConsoleTable.printAll(new String[] {"Id", "Ref", "Amount", "Incoterm", "Rate at order", "CNY at order",
            "Rate at payment", "CNY at payment", "Status", "Promised"},
            (limit, cursor) -> orders.list(Console.caller(), s, limit, cursor),
            o -> new Object[] {o.id(), o.orderRef(), o.amount().toPlainString() + " " + o.currency(), o.incoterm(),
                o.rateAtOrder().toPlainString(), o.cnyAtOrder().toPlainString(),
                o.rateAtPayment() == null ? "-" : o.rateAtPayment().toPlainString(), Console.orDash(o.cnyAtPayment()),
                o.status(), o.promisedDate()});
        return null;
    }
}
