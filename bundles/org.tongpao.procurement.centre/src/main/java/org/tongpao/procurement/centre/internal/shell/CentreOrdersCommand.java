package org.tongpao.procurement.centre.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.procurement.centre.internal.CentreOrderStatus;
import org.tongpao.procurement.centre.internal.CentreOrders;

/** {@code tongpao:centre-orders} — orders at the procurement centre, emergencies marked with who approved them. */
@Service
@Command(scope = "tongpao", name = "centre-orders", description = "Lists orders at the procurement centre")
public class CentreOrdersCommand implements Action {

    @Reference
    CentreOrders orders;

    @Option(name = "--status", description = "PLACED, CONFIRMED, IN_PRODUCTION, SHIPPED, DELIVERED or CANCELLED")
    String status;

    @Override
    public Object execute() {
        CentreOrderStatus s = QueryParams.enumValue(CentreOrderStatus.class, "status", status);
        ConsoleTable.printAll(new String[] {"Id", "Ref", "Province", "Total", "Status", "Promised",
            "Emergency approved by"}, (limit, cursor) -> orders.list(Console.caller(), s, limit, cursor),
            o -> new Object[] {o.id(), o.orderRef(), Console.orDash(o.buyerProvince()),
                o.total().toPlainString() + " " + o.currency(), o.status(), o.promisedDate(),
                o.emergency() ? o.approvedBy() : "-"});
        return null;
    }
}
