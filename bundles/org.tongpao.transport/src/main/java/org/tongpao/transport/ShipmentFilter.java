package org.tongpao.transport;

/** Filters of a shipment list; every field may be null. {@code province} matches origin or destination. */
public record ShipmentFilter(String carrierId, ShipmentStatus status, SlaState sla, String province, Long batchId) {

    public static ShipmentFilter all() {
        return new ShipmentFilter(null, null, null, null, null);
    }
}
