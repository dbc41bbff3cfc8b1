package org.tongpao.procurement.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.Caller;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.procurement.ProcurementService;

/** {@code tongpao:suppliers} — suppliers with their qualifications and performance. */
@Service
@Command(scope = "tongpao", name = "suppliers", description = "Lists suppliers: qualified items, capacity, performance")
public class SuppliersCommand implements Action {

    @Reference
    ProcurementService procurement;

    @Option(name = "-i", aliases = "--item", description = "only suppliers qualified for this item id")
    Long item;

    @Override
    public Object execute() {
        Caller caller = Console.caller();
        ConsoleTable.printAll(new String[] {"Id", "Code", "Name", "Country", "Province", "Qualified (item:standard/"
            + "week)", "Deliveries", "On time", "Rejected"},
                (limit, cursor) -> procurement.suppliers(caller, item, limit, cursor),
                s -> new Object[] {s.id(), s.code(), s.name(), s.country(), Console.orDash(s.provinceCode()),
                    String.join(", ", s.qualifications().stream().map(q -> q.itemCode() + ":" + q.standard() + "/"
                            + q.weeklyCapacity()).toList()),
                    s.performance().deliveries(), s.performance().onTime(), s.performance().rejected()});
        return null;
    }
}
