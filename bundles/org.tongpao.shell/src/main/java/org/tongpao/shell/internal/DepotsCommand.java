package org.tongpao.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.DepotService;
import org.tongpao.core.Page;

/** {@code tongpao:depots} — places that hold stock, filtered by province or owning unit. */
@Service
@Command(scope = "tongpao", name = "depots", description = "Lists depots (central reserve, provincial warehouses, store rooms)")
public class DepotsCommand implements Action {

    @Option(name = "--province", aliases = "-p", description = "GB/T 2260 province code, e.g. 42")
    String province;

    @Option(name = "--unit", aliases = "-u", description = "Id of the owning org unit")
    Long unit;

    @Option(name = "--inactive", description = "Include deactivated depots")
    boolean inactive;

    @Argument(name = "text", description = "Only depots whose code or name contains this text")
    String text;

    @Reference
    DepotService depots;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Id", "Code", "Name", "Owner unit", "Province", "Address", "Active"}) {
            table.column(c);
        }
        DepotFilter filter = new DepotFilter(province, unit, inactive ? null : Boolean.TRUE, text);
        String cursor = null;
        do {
            Page<Depot> page = depots.list(ShellCaller.get(), filter, 500, cursor);
            for (Depot d : page.items()) {
                table.addRow().addContent(d.id(), d.code(), d.name(), d.orgUnitId(), Text.orDash(d.provinceCode()),
                        Text.orDash(d.address()), d.active() ? "yes" : "no");
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        table.print(System.out);
        return null;
    }
}
