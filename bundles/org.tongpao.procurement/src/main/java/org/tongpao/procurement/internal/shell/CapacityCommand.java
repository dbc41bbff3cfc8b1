package org.tongpao.procurement.internal.shell;

import java.time.LocalDate;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.Caller;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.procurement.ProcurementService;

/** {@code tongpao:supplier-capacity} — for an item, which suppliers can deliver how much by a date. */
@Service
@Command(scope = "tongpao", name = "supplier-capacity", description = "Which suppliers can deliver how much of an "
        + "item by a date")
public class CapacityCommand implements Action {

    @Reference
    ProcurementService procurement;

    @Argument(index = 0, name = "item", description = "item id", required = true)
    long item;

    @Argument(index = 1, name = "by", description = "date YYYY-MM-DD", required = true)
    String by;

    @Override
    public Object execute() {
        Caller caller = Console.caller();
        ConsoleTable.print(new String[] {"Supplier", "Name", "Country", "Standard", "Per week", "Lead days",
            "First delivery", "On order", "Available by " + by},
                procurement.capacity(caller, item, LocalDate.parse(by)),
                c -> new Object[] {c.supplierCode(), c.supplierName(), c.country(), c.standard(), c.weeklyCapacity(),
                    c.leadTimeDays(), c.firstDelivery(), c.onOrder(), c.availableBy()});
        return null;
    }
}
