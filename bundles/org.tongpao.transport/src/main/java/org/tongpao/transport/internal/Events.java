package org.tongpao.transport.internal;

import java.util.HashMap;
import java.util.Map;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts transport events after commit; without an EventAdmin it only logs. */
final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private Events() {
    }

    static void post(EventAdmin eventAdmin, String topic, ShipmentDao.Row s, String actor, String requestId,
            Map<String, Object> extra) {
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
        if (eventAdmin == null) {
            LOG.debug("No EventAdmin; not posting {} {}", topic, props);
            return;
        }
        eventAdmin.postEvent(new Event(topic, props));
    }
}
