package org.tongpao.transport.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.transport.TransportService;

/** {@code tongpao:carriers} — installed and known carriers, their promises and on-time rate. */
@Service
@Command(scope = "tongpao", name = "carriers", description = "Lists carriers with their promises and on-time rate")
public class CarriersCommand implements Action {

    @Reference
    TransportService transport;

    @Override
    public Object execute() {
        ConsoleTable.print(new String[] {"Id", "Name", "Available", "Accept", "Pick up", "Deliver", "Promise",
            "Delivered", "On time", "Open breaches", "Problem"}, transport.carriers(Console.caller()), c -> {
                var p = c.promise();
                var perf = c.performance();
                return new Object[] {c.id(), c.profile() == null ? "-" : c.profile().name(),
                    c.available() ? "yes" : "no", p == null ? "-" : p.acceptWithin(), p == null ? "-" : p.pickupWithin(),
                    p == null ? "-" : p.deliverWithin(), Console.orDash(c.promiseSource()), perf.delivered(),
                    perf.onTimeRate() == null ? "-" : String.format("%.0f%%", perf.onTimeRate() * 100),
                    perf.openBreaches(), c.problem() == null ? "" : c.problem()};
            });
        return null;
    }
}
