package org.tongpao.transport.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.transport.TransportService;

/** {@code tongpao:tracking-unmatched} — tracking kept for waybills no shipment has yet, oldest first. */
@Service
@Command(scope = "tongpao", name = "tracking-unmatched",
        description = "Lists tracking pushed for waybills no booking has returned yet (kept until matched)")
public class UnmatchedTrackingCommand implements Action {

    @Reference
    TransportService transport;

    @Option(name = "-c", aliases = "--carrier", description = "Only this carrier's")
    String carrier;

    @Argument(index = 0, name = "max", description = "At most this many rows (default 100)")
    int max = 100;

    @Override
    public Object execute() {
        ConsoleTable.printPages(new String[] {"#", "Carrier", "Waybill", "Status", "At", "Location", "Note", "Received"},
                max, (limit, cursor) -> transport.unmatched(Console.caller(), carrier, limit, cursor),
                e -> new Object[] {e.id(), e.carrierId(), e.waybill(), e.status(), e.at(), Console.orDash(e.location()),
                    Console.orDash(e.note()), e.receivedAt()});
        return null;
    }
}
