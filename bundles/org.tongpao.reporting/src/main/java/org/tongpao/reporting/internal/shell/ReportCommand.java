package org.tongpao.reporting.internal.shell;

import java.time.Instant;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.reporting.Reports;
import org.tongpao.reporting.Tabular;

/** {@code tongpao:report <name>} — prints every table of a report. */
@Service
@Command(scope = "tongpao", name = "report", description = "Prints a report: stock, cover, shortages, transit, "
        + "batches, funding, census, daily, donations or expiring")
public class ReportCommand implements Action {

    @Reference
    Reports reports;

    @Argument(index = 0, name = "name", required = true,
            description = "stock, cover, shortages, transit, batches, funding, census, daily, donations, expiring")
    String name;

    @Option(name = "-w", aliases = "--window", description = "cover: days of issues the rate is taken over")
    Integer window;

    @Option(name = "-d", aliases = "--days", description = "expiring: the stock expiring within this many days "
            + "(default 30)")
    Integer days;

    @Option(name = "-a", aliases = "--as-of", description = "daily: the cut-off, an ISO-8601 instant")
    String asOf;

    @Override
    public Object execute() {
        Reports.Name which = Reports.Name.valueOf(name.strip().toUpperCase(Locale.ROOT));
        Integer span = which == Reports.Name.EXPIRING ? days : window;
        Tabular report = reports.report(Console.caller(), which, span, asOf == null ? null : Instant.parse(asOf));
        for (Tabular.Table t : report.tables()) {
            System.out.println(t.name());
            ConsoleTable.print(t.columns().toArray(new String[0]), t.rows(),
                    row -> row.stream().map(c -> c == null ? "-" : c).toArray());
        }
        return null;
    }
}
