package org.tongpao.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.DepotService;

/** {@code tongpao:depots} — places that hold stock, filtered by province or owning unit. */
@Service
@Command(scope = "tongpao", name = "depots", description = "Lists depots (central reserve, provincial warehouses, store rooms)")
public class DepotsCommand extends ListCommand {

    @Option(name = "--province", aliases = "-p", description = "GB/T 2260 province code, e.g. 42")
    String province;

    @Option(name = "--unit", aliases = "-u", description = "Id of the owning org unit")
    Long unit;

    @Reference
    DepotService depots;

    @Override
    public Object execute() {
        DepotFilter filter = new DepotFilter(province, unit, active(), text);
        ConsoleTable.printAll(new String[] {"Id", "Code", "Name", "Owner unit", "Province", "Address", "Active"},
                (limit, cursor) -> depots.list(Console.caller(), filter, limit, cursor),
                d -> new Object[] {d.id(), d.code(), d.name(), d.orgUnitId(), Console.orDash(d.provinceCode()),
                    Console.orDash(d.address()), d.active() ? "yes" : "no"});
        return null;
    }
}
