package org.tongpao.procurement.imports.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.procurement.imports.internal.ImportReference;

/** {@code tongpao:import-rates} — the exchange rates recorded for imports (CNY per unit). */
@Service
@Command(scope = "tongpao", name = "import-rates", description = "Lists the exchange rates recorded for imports")
public class ImportRatesCommand implements Action {

    @Reference
    ImportReference reference;

    @Option(name = "--currency", description = "ISO 4217 code, e.g. KRW")
    String currency;

    @Override
    public Object execute() {
        ConsoleTable.printAll(new String[] {"Id", "Currency", "CNY per unit", "In force from", "Source", "Recorded by"},
            (limit, cursor) -> reference.rates(currency, limit, cursor),
            r -> new Object[] {r.id(), r.currency(), r.rate().toPlainString(), r.asOf(), Console.orDash(r.source()),
                r.recordedBy()});
        return null;
    }
}
