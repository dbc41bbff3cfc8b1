package org.tongpao.funding.internal.shell;

import java.util.Set;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.Caller;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.funding.FundingService;
import org.tongpao.funding.LineFilter;
import org.tongpao.funding.SummaryGroup;

/** {@code tongpao:funding} — budget lines with budget, committed, spent and available; {@code -s} the summary. */
@Service
@Command(scope = "tongpao", name = "funding", description = "Lists budget lines (budget, committed, spent, available, "
        + "CNY) or, with --summary, their totals by source and holder")
public class FundingCommand implements Action {

    @Reference
    FundingService funding;

    @Option(name = "-s", aliases = "--summary", description = "totals by source and holder instead of the lines")
    boolean summary;

    @Option(name = "--holder", description = "MINISTRY or a province code")
    String holder;

    @Override
    public Object execute() {
        Caller caller = Console.caller();
        LineFilter filter = new LineFilter(null, holder, null);
        if (summary) {
            ConsoleTable.print(new String[] {"Source", "Holder", "Lines", "Budget", "Committed", "Spent", "Available"},
                    funding.summary(caller, filter, Set.of(SummaryGroup.SOURCE, SummaryGroup.HOLDER)),
                    s -> new Object[] {s.source(), s.holder(), s.lines(), s.budget().toPlainString(),
                        s.committed().toPlainString(), s.spent().toPlainString(), s.available().toPlainString()});
            return null;
        }
        ConsoleTable.printAll(new String[] {"Id", "Code", "Source", "Holder", "Category", "Budget", "Committed", "Spent",
            "Available"}, (limit, cursor) -> funding.lines(caller, filter, limit, cursor),
                l -> new Object[] {l.id(), l.code(), l.source(), l.holder(), Console.orDash(l.category()),
                    l.budget().toPlainString(), l.committed().toPlainString(), l.spent().toPlainString(),
                    l.available().toPlainString()});
        return null;
    }
}
