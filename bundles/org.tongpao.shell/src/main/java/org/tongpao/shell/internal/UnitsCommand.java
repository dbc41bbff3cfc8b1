package org.tongpao.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnitFilter;
import org.tongpao.core.OrgUnitService;

/** {@code tongpao:units} — the organisation tree, filtered. */
@Service
@Command(scope = "tongpao", name = "units", description = "Lists org units (ministry, provincial departments, cities, counties, stations)")
public class UnitsCommand extends ListCommand {

    @Option(name = "--province", aliases = "-p", description = "GB/T 2260 province code, e.g. 42")
    String province;

    @Option(name = "--level", aliases = "-l", description = "MINISTRY, PROVINCE, PREFECTURE, COUNTY or STATION")
    OrgLevel level;

    @Option(name = "--parent", description = "Id of the parent unit")
    Long parent;

    @Option(name = "--max", description = "At most this many rows (default 200)")
    int max = 200;

    @Reference
    OrgUnitService units;

    @Override
    public Object execute() {
        OrgUnitFilter filter = new OrgUnitFilter(province, parent, level, active(), text);
        ConsoleTable.printPages(new String[] {"Id", "Code", "Name", "名称", "Level", "Parent", "Province", "Front line",
            "Active"}, max, (limit, cursor) -> units.list(Console.caller(), filter, limit, cursor),
                u -> new Object[] {u.id(), u.code(), u.name(), Console.orDash(u.nameZh()), u.level(),
                    Console.orDash(u.parentId()), Console.orDash(u.provinceCode()), u.frontLine() ? "yes" : "",
                    u.active() ? "yes" : "no"});
        return null;
    }
}
