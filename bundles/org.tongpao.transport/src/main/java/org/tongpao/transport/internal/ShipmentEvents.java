package org.tongpao.transport.internal;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import org.tongpao.core.persistence.EventOutbox;

/**
 * Records shipment events in core's outbox, in the transaction of the change they announce, so they are
 * posted after it commits and never for a change that rolled back.
 */
record ShipmentEvents(EventOutbox outbox) {

    /** Properties: id, number, carrierId, status, provinceCode (destination), actor, requestId if any, and {@code extra}. */
    void record(Connection c, String topic, ShipmentRow s, String actor, String requestId, Map<String, ?> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put("id", s.id());
        props.put("number", s.number());
        props.put("carrierId", s.carrierId());
        props.put("status", s.status().name());
        props.put("provinceCode", s.toProvince());
        props.put("actor", actor);
        if (requestId != null) {
            props.put("requestId", requestId);
        }
        outbox.record(c, topic, props);
    }
}
