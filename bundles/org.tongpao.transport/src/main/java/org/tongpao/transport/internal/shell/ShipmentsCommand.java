package org.tongpao.transport.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.core.Caller;
import org.tongpao.transport.ShipmentFilter;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.SlaState;
import org.tongpao.transport.TransportService;

/** {@code tongpao:shipments} — shipments with carrier, waybill, status and SLA. */
@Service
@Command(scope = "tongpao", name = "shipments", description = "Lists shipments; --sla BREACHED shows the overdue ones")
public class ShipmentsCommand implements Action {

    @Reference
    TransportService transport;

    @Option(name = "-c", aliases = "--carrier", description = "carrier id")
    String carrier;

    @Option(name = "-s", aliases = "--status", description = "BOOKED, IN_TRANSIT, DELIVERED, ...")
    ShipmentStatus status;

    @Option(name = "--sla", description = "BREACHED or AT_RISK")
    SlaState sla;

    @Override
    public Object execute() {
        Caller caller = Console.caller();
        ShipmentFilter filter = new ShipmentFilter(carrier, status, sla, null, null);
        ConsoleTable.printAll(new String[] {"Id", "Number", "Batch", "From", "To", "Carrier", "Waybill", "Status",
            "SLA", "Key area"}, (limit, cursor) -> transport.shipments(caller, filter, limit, cursor),
                s -> new Object[] {s.id(), s.number(), Console.orDash(s.batchNumber()), s.fromDepotCode(),
                    s.toUnit() ? s.toOrgUnitCode() : s.toDepotCode(), s.carrierId() + (s.carrierAvailable() ? "" : " (unavailable)"),
                    Console.orDash(s.waybill()), s.status(), s.sla() == null ? "-" : s.sla().state(),
                    s.keyArea() ? s.keyAreaLabel() : "-"});
        return null;
    }
}
