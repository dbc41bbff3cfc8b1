package org.tongpao.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Goods in transit (the inventory's open transfers) by destination and item; with transport installed, the open
 * shipments that are late or at risk and each carrier's on-time rate.
 */
public record TransitReport(String scope, Instant generatedAt, List<TransitGoodsRow> inTransit, Capability transport,
        long openShipments, List<TransitShipmentRow> late, List<TransitShipmentRow> atRisk,
        List<TransitCarrierRow> carriers)
        implements Tabular {

    /** {@code to} is the destination's place (a front-line unit's province for deliveries to a unit). */
    public record TransitGoodsRow(ReportPlace to, String itemCode, long quantity, int transfers,
            Instant oldestDispatchedAt) {
    }

    public record TransitShipmentRow(String number, String batchNumber, String fromProvinceCode, String toProvinceCode,
            String carrierId, String status, String sla, Instant deliverBy) {
    }

    public record TransitCarrierRow(String carrierId, long delivered, long deliveredOnTime, Double onTimeRate,
            long openBreaches) {
    }

    @Override
    public List<Table> tables() {
        List<Table> t = new ArrayList<>();
        t.add(new Table("in-transit", List.of("province", "province_zh", "province_en", "item", "quantity",
                "transfers", "oldest_dispatched_at"), inTransit.stream().map(r -> Rows.of(r.to().code(),
                        r.to().nameZh(), r.to().nameEn(), r.itemCode(), r.quantity(), r.transfers(),
                        r.oldestDispatchedAt())).toList()));
        List<String> shipCols = List.of("number", "batch", "from", "to", "carrier", "status", "sla", "deliver_by");
        t.add(new Table("late", shipCols, late.stream().map(TransitReport::row).toList()));
        t.add(new Table("at-risk", shipCols, atRisk.stream().map(TransitReport::row).toList()));
        t.add(new Table("carriers", List.of("carrier", "delivered", "delivered_on_time", "on_time_rate",
                "open_breaches"), carriers.stream().map(c -> Rows.of(c.carrierId(), c.delivered(),
                        c.deliveredOnTime(), c.onTimeRate(), c.openBreaches())).toList()));
        return t;
    }

    private static List<Object> row(TransitShipmentRow s) {
        return Rows.of(s.number(), s.batchNumber(), s.fromProvinceCode(), s.toProvinceCode(), s.carrierId(),
                s.status(), s.sla(), s.deliverBy());
    }
}
