package org.tongpao.transport.internal.shell;

import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tongpao.core.Caller;
import org.tongpao.transport.CarrierInfo;
import org.tongpao.transport.TransportService;

/** {@code tongpao:carriers} — installed and known carriers, their promises and on-time rate. */
@Service
@Command(scope = "tongpao", name = "carriers", description = "Lists carriers with their promises and on-time rate")
public class CarriersCommand implements Action {

    @Reference
    TransportService transport;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Id", "Name", "Available", "Accept", "Pick up", "Deliver", "Promise", "Delivered",
                "On time", "Open breaches", "Problem"}) {
            table.column(c);
        }
        for (CarrierInfo c : transport.carriers(Caller.system("shell-" + UUID.randomUUID()))) {
            var p = c.promise();
            var perf = c.performance();
            table.addRow().addContent(c.id(), c.profile() == null ? "-" : c.profile().name(), c.available() ? "yes" : "no",
                    p == null ? "-" : p.acceptWithin(), p == null ? "-" : p.pickupWithin(), p == null ? "-" : p.deliverWithin(),
                    c.promiseSource() == null ? "-" : c.promiseSource(), perf.delivered(),
                    perf.onTimeRate() == null ? "-" : String.format("%.0f%%", perf.onTimeRate() * 100), perf.openBreaches(),
                    c.problem() == null ? "" : c.problem());
        }
        table.print(System.out);
        return null;
    }
}
