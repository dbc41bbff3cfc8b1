package org.tongpao.inventory.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
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
        Caller caller = Console.caller();
        if (id == null) {
            ConsoleTable.print(new String[] {"Id", "Title", "Categories", "Deadline", "Reported", "Late"},
                    census.list(caller, ConsoleTable.PAGE, null).items(),
                    c -> new Object[] {c.id(), c.title(), String.join(",", c.categories()), c.deadline(),
                        c.provinces().stream().filter(p -> p.status().startsWith("REPORTED")).count(),
                        c.provinces().stream().filter(p -> p.status().equals("LATE")).count()});
            return null;
        }
        Census c = census.get(caller, id);
        System.out.println(c.title() + " — deadline " + c.deadline());
        ConsoleTable.print(new String[] {"Province", "Status", "Version", "Submitted", "By"}, c.provinces(),
                p -> new Object[] {p.provinceCode(), p.status(), Console.orDash(p.version()),
                    Console.orDash(p.submittedAt()), Console.orDash(p.submittedBy())});
        ConsoleTable.print(new String[] {"Province", "Category", "In system", "Declared"}, c.totals(),
                t -> new Object[] {t.provinceCode(), t.categoryCode(), t.systemQuantity(), t.declaredQuantity()});
        return null;
    }
}
