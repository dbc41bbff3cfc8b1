package org.tongpao.inventory.internal.shell;

import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tongpao.core.Caller;
import org.tongpao.inventory.Census;
import org.tongpao.inventory.ReserveCensus;

/** {@code tongpao:census [id]} — the censuses, or one census: who reported, who is late, totals. */
@Service
@Command(scope = "tongpao", name = "census", description = "Lists reserve censuses, or shows one with its totals")
public class CensusCommand implements Action {

    @Argument(name = "id", description = "Census id")
    Long id;

    @Reference
    ReserveCensus census;

    @Override
    public Object execute() {
        Caller caller = Caller.system("shell-" + UUID.randomUUID());
        if (id == null) {
            ShellTable table = new ShellTable();
            for (String c : new String[] {"Id", "Title", "Categories", "Deadline", "Reported", "Late"}) {
                table.column(c);
            }
            for (Census c : census.list(caller, 500, null).items()) {
                table.addRow().addContent(c.id(), c.title(), String.join(",", c.categories()), c.deadline(),
                        c.provinces().stream().filter(p -> p.status().startsWith("REPORTED")).count(),
                        c.provinces().stream().filter(p -> p.status().equals("LATE")).count());
            }
            table.print(System.out);
            return null;
        }
        Census c = census.get(caller, id);
        System.out.println(c.title() + " — deadline " + c.deadline());
        ShellTable provinces = new ShellTable();
        for (String col : new String[] {"Province", "Status", "Version", "Submitted", "By"}) {
            provinces.column(col);
        }
        for (Census.ProvinceReport p : c.provinces()) {
            provinces.addRow().addContent(p.provinceCode(), p.status(), StockCommand.dash(p.version()),
                    StockCommand.dash(p.submittedAt()), StockCommand.dash(p.submittedBy()));
        }
        provinces.print(System.out);
        ShellTable totals = new ShellTable();
        for (String col : new String[] {"Province", "Category", "In system", "Declared"}) {
            totals.column(col);
        }
        for (Census.Total t : c.totals()) {
            totals.addRow().addContent(t.provinceCode(), t.categoryCode(), t.systemQuantity(), t.declaredQuantity());
        }
        totals.print(System.out);
        return null;
    }
}
