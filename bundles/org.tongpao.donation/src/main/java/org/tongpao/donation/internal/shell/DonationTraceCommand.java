package org.tongpao.donation.internal.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.donation.DonationService;
import org.tongpao.donation.DonationTrace;
import org.tongpao.donation.TracedLot;

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
        // a page at a time, so a donation whose goods were split into thousands of lots is shown, not refused
        DonationTrace first = donations.trace(Console.caller(), id, 500, null);
        System.out.println(first.number() + (first.designation() == null ? "" : " · " + first.designation().label()));
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        for (DonationTrace page = first; ; page = donations.trace(Console.caller(), id, 500, page.nextCursor())) {
            for (TracedLot l : page.lots()) {
                Object[] r = rows.computeIfAbsent(l.lotId(), k -> new Object[] {Console.orDash(
                        l.acknowledgementNumber()), l.itemCode(), l.acceptedQuantity(), l.lotId(), -1L, 0L});
                r[4] = (Long) r[4] + l.trace().lots().size();
                r[5] = (Long) r[5] + l.trace().receivers().stream().mapToLong(x -> x.quantity()).sum();
            }
            if (page.nextCursor() == null) {
                break;
            }
        }
        ConsoleTable.print(new String[] {"Acknowledgement", "Item", "Accepted", "Lot", "Derived lots", "Delivered"},
                List.copyOf(rows.values()), r -> r);
        ConsoleTable.print(new String[] {"Where", "Level", "Front line", "Province", "Item", "Quantity"},
                first.destinations(), d -> new Object[] {d.kind(), d.level(), d.frontLine() ? "yes" : "-",
                    Console.orDash(d.provinceCode()), d.itemCode(), d.quantity()});
        return null;
    }
}
