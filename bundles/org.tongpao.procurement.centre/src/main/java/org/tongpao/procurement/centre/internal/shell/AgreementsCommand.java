package org.tongpao.procurement.centre.internal.shell;

import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.procurement.centre.internal.Agreements;

/** {@code tongpao:centre-agreements} — the procurement centre's framework agreements and their prices. */
@Service
@Command(scope = "tongpao", name = "centre-agreements", description = "Lists the procurement centre's framework agreements")
public class AgreementsCommand implements Action {

    @Reference
    Agreements agreements;

    @Option(name = "--item", description = "only agreements covering this item code")
    String item;

    @Override
    public Object execute() {
        ConsoleTable.printAll(new String[] {"Id", "Code", "Supplier", "Valid from", "Valid until", "Lead days",
            "Expedited", "Status", "Items (price CNY, capacity/week)"},
            (limit, cursor) -> agreements.list(Console.caller(), item, limit, cursor),
            a -> new Object[] {a.id(), a.code(), a.supplierCode(), a.validFrom(), a.validUntil(), a.leadDays(),
                a.expeditedLeadDays(), a.status(), a.items().stream().map(l -> l.itemCode() + " "
                    + l.unitPrice().stripTrailingZeros().toPlainString() + " " + l.capacityPerWeek())
                    .collect(Collectors.joining(", "))});
        return null;
    }
}
