package org.tongpao.donation.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.donation.DonationService;
import org.tongpao.donation.DonationTrace;

/** {@code tongpao:donation-trace <id>} — where a donation's goods went, by unit level and province. */
@Service
@Command(scope = "tongpao", name = "donation-trace", description = "Where a donation's goods went")
public class DonationTraceCommand implements Action {

    @Reference
    DonationService donations;

    @Argument(index = 0, name = "id", required = true, description = "the donation id")
    long id;

    @Override
    public Object execute() {
        DonationTrace t = donations.trace(Console.caller(), id);
        System.out.println(t.number() + (t.designation() == null ? "" : " · " + t.designation().label()));
        ConsoleTable.print(new String[] {"Acknowledgement", "Item", "Accepted", "Lot", "Derived lots", "Receivers"},
                t.lots(), l -> new Object[] {Console.orDash(l.acknowledgementNumber()), l.itemCode(),
                    l.acceptedQuantity(), l.lotId(), l.trace().lots().size() - 1, l.trace().receivers().size()});
        ConsoleTable.print(new String[] {"Where", "Level", "Front line", "Province", "Item", "Quantity"},
                t.destinations(), d -> new Object[] {d.kind(), d.level(), d.frontLine() ? "yes" : "-",
                    Console.orDash(d.provinceCode()), d.itemCode(), d.quantity()});
        return null;
    }
}
