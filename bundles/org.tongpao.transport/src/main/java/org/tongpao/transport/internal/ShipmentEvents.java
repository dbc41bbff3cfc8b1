package org.tongpao.transport.internal;

import java.util.HashMap;
import java.util.Map;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts shipment events after commit; without an EventAdmin it only logs. */
final class ShipmentEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ShipmentEvents.class);

    volatile EventAdmin eventAdmin;

    void post(String topic, ShipmentRow s, String actor, String requestId, Map<String, Object> extra) {
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
        EventAdmin ea = eventAdmin;
        if (ea == null) {
            LOG.debug("No EventAdmin; not posting {} {}", topic, props);
            return;
        }
        ea.postEvent(new Event(topic, props));
    }
}
