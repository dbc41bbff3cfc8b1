package org.tongpao.donation.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.Caller;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.donation.DonationFilter;
import org.tongpao.donation.DonationService;
import org.tongpao.donation.DonationStatus;

/** {@code tongpao:donations} — donations with donor, desk, status, designation and what arrived. */
@Service
@Command(scope = "tongpao", name = "donations", description = "Lists donations (pledges and what was received)")
public class DonationsCommand implements Action {

    @Reference
    DonationService donations;

    @Option(name = "-s", aliases = "--status", description = "PLEDGED, PARTLY_RECEIVED, RECEIVED, CANCELLED")
    DonationStatus status;

    @Option(name = "-p", aliases = "--province", description = "the desk's province code")
    String province;

    @Override
    public Object execute() {
        Caller caller = Console.caller();
        DonationFilter filter = new DonationFilter(status, null, province);
        ConsoleTable.printAll(new String[] {"Id", "Number", "Donor", "Province", "Status", "Designation", "Pledged",
            "Accepted", "Rejected"}, (limit, cursor) -> donations.donations(caller, filter, limit, cursor),
                d -> new Object[] {d.id(), d.number(), d.donorLabel(), Console.orDash(d.provinceCode()), d.status(),
                    d.designation() == null ? "-" : d.designation().label(),
                    d.lines().stream().mapToLong(l -> l.pledgedQuantity()).sum(),
                    d.lines().stream().mapToLong(l -> l.acceptedQuantity()).sum(),
                    d.lines().stream().mapToLong(l -> l.rejectedQuantity()).sum()});
        return null;
    }
}
