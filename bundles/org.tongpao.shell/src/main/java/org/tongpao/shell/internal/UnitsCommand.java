package org.tongpao.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitFilter;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Page;

/** {@code tongpao:units} — the organisation tree, filtered. */
@Service
@Command(scope = "tongpao", name = "units", description = "Lists org units (ministry, provincial departments, cities, counties, stations)")
public class UnitsCommand implements Action {

    @Option(name = "--province", aliases = "-p", description = "GB/T 2260 province code, e.g. 42")
    String province;

    @Option(name = "--level", aliases = "-l", description = "MINISTRY, PROVINCE, PREFECTURE, COUNTY or STATION")
    OrgLevel level;

    @Option(name = "--parent", description = "Id of the parent unit")
    Long parent;

    @Option(name = "--inactive", description = "Include deactivated units")
    boolean inactive;

    @Option(name = "--max", description = "At most this many rows (default 200)")
    int max = 200;

    @Argument(name = "text", description = "Only units whose code or name contains this text")
    String text;

    @Reference
    OrgUnitService units;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Id", "Code", "Name", "名称", "Level", "Parent", "Province", "Front line", "Active"}) {
            table.column(c);
        }
        OrgUnitFilter filter = new OrgUnitFilter(province, parent, level, inactive ? null : Boolean.TRUE, text);
        String cursor = null;
        int rows = 0;
        do {
            Page<OrgUnit> page = units.list(ShellCaller.get(), filter, Math.min(500, max - rows), cursor);
            for (OrgUnit u : page.items()) {
                table.addRow().addContent(u.id(), u.code(), u.name(), Text.orDash(u.nameZh()), u.level(),
                        Text.orDash(u.parentId()), Text.orDash(u.provinceCode()), u.frontLine() ? "yes" : "",
                        u.active() ? "yes" : "no");
                rows++;
            }
            cursor = page.nextCursor();
        } while (cursor != null && rows < max);
        table.print(System.out);
        return null;
    }
}
