package org.tongpao.reporting.internal.sources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.reporting.TransitReport;
import org.tongpao.transport.CarrierInfo;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.ShipmentFilter;
import org.tongpao.transport.SlaState;
import org.tongpao.transport.TransportService;
import org.tongpao.reporting.internal.AllPages;

/** Open shipments by SLA state and the carriers' performance through transport's service. */
@Component(service = TransportSource.class)
public class TransportAdapter implements TransportSource {
    private final TransportService transport;

    @Activate
    public TransportAdapter(@Reference TransportService transport) {
        this.transport = transport;
    }

    @Override
    public Facts facts(Caller caller) {
        List<Shipment> open = AllPages.read((limit, cursor) -> transport.shipments(caller, ShipmentFilter.all(),
                limit, cursor)).stream().filter(s -> s.status() != null && s.status().isOpen()).toList();
        List<TransitReport.TransitShipmentRow> late = new ArrayList<>();
        List<TransitReport.TransitShipmentRow> atRisk = new ArrayList<>();
        for (Shipment s : open) {
            SlaState state = s.sla() == null ? null : s.sla().state();
            if (state == SlaState.LATE || state == SlaState.BREACHED) {
                late.add(row(s, state));
            } else if (state == SlaState.AT_RISK) {
                atRisk.add(row(s, state));
            }
        }
        List<TransitReport.TransitCarrierRow> carriers = new ArrayList<>();
        for (CarrierInfo c : transport.carriers(caller)) {
            var p = c.performance();
            carriers.add(p == null ? new TransitReport.TransitCarrierRow(c.id(), 0, 0, null, 0)
                    : new TransitReport.TransitCarrierRow(c.id(), p.delivered(), p.deliveredOnTime(), p.onTimeRate(),
                            p.openBreaches()));
        }
        carriers.sort(Comparator.comparing(TransitReport.TransitCarrierRow::carrierId));
        return new Facts(open.size(), late, atRisk, carriers);
    }

    private static TransitReport.TransitShipmentRow row(Shipment s, SlaState state) {
        return new TransitReport.TransitShipmentRow(s.number(), s.batchNumber(), s.fromProvinceCode(),
                s.toProvinceCode(),
                s.carrierId(), s.status().name(), state.name(), s.deliverBy());
    }
}
