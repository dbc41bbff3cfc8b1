package org.tongpao.inventory.internal.shell;

import java.time.LocalDate;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.Caller;
import org.tongpao.core.DepotService;
import org.tongpao.core.OrgUnitService;
import org.tongpao.inventory.AdjustmentReason;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewAdjustment;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.Posting;
import org.tongpao.inventory.StockLedger;

/**
 * {@code tongpao:move} — receipt, issue or adjustment from the console, run as the platform
 * ({@link Caller#system}): whoever reached this node's console already administers it.
 */
@Service
@Command(scope = "tongpao", name = "move", description = "Books a receipt, issue or adjustment from the console")
public class MoveCommand implements Action {

    @Argument(index = 0, name = "kind", required = true, description = "receipt, issue or adjust")
    String kind;

    @Argument(index = 1, name = "quantity", required = true, description = "Positive quantity (signed for adjust)")
    long quantity;

    @Option(name = "--depot", aliases = "-d", description = "Depot code (receipt, issue)")
    String depot;

    @Option(name = "--item", aliases = "-i", description = "Item code (receipt, issue)")
    String item;

    @Option(name = "--lot", aliases = "-l", description = "Lot id (adjust; optional for issue)")
    Long lot;

    @Option(name = "--unit", aliases = "-u", description = "Receiving org unit code (issue)")
    String unit;

    @Option(name = "--origin", aliases = "-o", description = "PURCHASE_ORDER, DONATION, TRANSFER, OPENING_BALANCE")
    String origin = "OPENING_BALANCE";

    @Option(name = "--expiry", aliases = "-e", description = "Expiry date yyyy-mm-dd (receipt)")
    String expiry;

    @Option(name = "--reason", aliases = "-r", description = "COUNT, DAMAGE, LOSS, FOUND (adjust)")
    String reason = "COUNT";

    @Option(name = "--document", aliases = "-s", description = "Source document id")
    String document = "console";

    @Reference
    StockLedger ledger;

    @Reference
    DepotService depots;

    @Reference
    CatalogueService catalogue;

    @Reference
    OrgUnitService units;

    @Override
    public Object execute() {
        Caller caller = Console.caller();
        switch (kind.toLowerCase(Locale.ROOT)) {
            case "receipt" -> {
                Lot l = ledger.receive(caller, new NewReceipt(depots.getByCode(caller, depot).id(),
                        catalogue.getByCode(caller, item).id(), quantity,
                        LotOrigin.valueOf(origin.toUpperCase(Locale.ROOT)), document,
                        expiry == null ? null : LocalDate.parse(expiry), null), null);
                System.out.println("Lot " + l.id() + ": " + l.onHand() + " on hand");
            }
            case "issue" -> {
                Posting p = ledger.issue(caller, new NewIssue(depots.getByCode(caller, depot).id(),
                        catalogue.getByCode(caller, item).id(), quantity, units.getByCode(caller, unit).id(), lot,
                        document, null), null);
                p.movements().forEach(m -> System.out.println("Lot " + m.lotId() + ": " + m.quantity()));
            }
            case "adjust" -> {
                Posting p = ledger.adjust(caller, new NewAdjustment(lot, quantity,
                        AdjustmentReason.valueOf(reason.toUpperCase(Locale.ROOT)), document, null), null);
                p.movements().forEach(m -> System.out.println("Lot " + m.lotId() + ": " + m.quantity()));
            }
            default -> System.err.println("kind must be receipt, issue or adjust");
        }
        return null;
    }
}
