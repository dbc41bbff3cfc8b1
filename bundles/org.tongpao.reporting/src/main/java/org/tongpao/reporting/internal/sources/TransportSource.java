package org.tongpao.reporting.internal.sources;

import java.util.List;
import org.tongpao.core.Caller;
import org.tongpao.reporting.TransitReport;

/** What reporting reads from transport, in reporting's own types; registered by {@link TransportAdapter}. */
public interface TransportSource {

    Facts facts(Caller caller);

    record Facts(long openShipments, List<TransitReport.TransitShipmentRow> late,
            List<TransitReport.TransitShipmentRow> atRisk,
            List<TransitReport.TransitCarrierRow> carriers) {
    }
}
