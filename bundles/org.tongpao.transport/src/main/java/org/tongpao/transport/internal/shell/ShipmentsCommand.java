package org.tongpao.transport.internal.shell;

import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.transport.Shipment;
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
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Id", "Number", "Batch", "From", "To", "Carrier", "Waybill", "Status", "SLA", "Key area"}) {
            table.column(c);
        }
        Caller caller = Caller.system("shell-" + UUID.randomUUID());
        ShipmentFilter filter = new ShipmentFilter(carrier, status, sla, null, null);
        String cursor = null;
        do {
            Page<Shipment> page = transport.shipments(caller, filter, 500, cursor);
            for (Shipment s : page.items()) {
                table.addRow().addContent(s.id(), s.number(), s.batchNumber() == null ? "-" : s.batchNumber(),
                        s.fromDepotCode(), s.toDepotCode(), s.carrierId() + (s.carrierAvailable() ? "" : " (unavailable)"),
                        s.waybill() == null ? "-" : s.waybill(), s.status(), s.sla() == null ? "-" : s.sla().state(),
                        s.keyArea() ? s.keyAreaLabel() : "-");
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        table.print(System.out);
        return null;
    }
}
