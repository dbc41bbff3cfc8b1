package org.tongpao.inventory.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.core.Caller;
import org.tongpao.inventory.BalanceFilter;
import org.tongpao.inventory.StockLedger;

/** {@code tongpao:stock} — balances rolled up per depot × item, with available and short-dated flags. */
@Service
@Command(scope = "tongpao", name = "stock", description = "Shows stock per depot and item (on hand, reserved, available)")
public class StockCommand implements Action {

    @Option(name = "--province", aliases = "-p", description = "Province code, e.g. 42")
    String province;

    @Option(name = "--depot", aliases = "-d", description = "Depot code, e.g. HB-PROV-01")
    String depot;

    @Option(name = "--category", aliases = "-c", description = "Category code, e.g. MASK")
    String category;

    @Option(name = "--item", aliases = "-i", description = "Item code, e.g. MASK-KN95")
    String item;

    @Option(name = "--lots", aliases = "-l", description = "One row per lot instead of per item")
    boolean lots;

    @Reference
    StockLedger ledger;

    @Override
    public Object execute() {
        Caller caller = Console.caller();
        BalanceFilter filter = new BalanceFilter(province, null, depot, category, null, item, null, !lots);
        ConsoleTable.printAll(new String[] {"Province", "Depot", "Item", "Category", "Lot", "Expiry", "Status",
            "On hand", "Reserved", "Available", "Short-dated"},
                (limit, cursor) -> ledger.balances(caller, filter, limit, cursor),
                b -> new Object[] {Console.orDash(b.provinceCode()), b.depotCode(), b.itemCode(), b.categoryCode(),
                    Console.orDash(b.lotId()), Console.orDash(b.expiryDate()), Console.orDash(b.status()), b.onHand(),
                    b.reserved(), b.available(), b.shortDated() ? "yes" : ""});
        return null;
    }
}
