package org.tongpao.allocation.internal;

import java.util.HashMap;
import java.util.Map;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;

/** Posts allocation events after commit; without an EventAdmin it only logs. */
final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private Events() {
    }

    static void post(EventAdmin eventAdmin, String topic, Caller caller, long id, String province,
            Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put("id", id);
        if (province != null) {
            props.put("provinceCode", province);
        }
        props.put("actor", caller.user());
        props.put("requestId", caller.requestId());
        if (eventAdmin == null) {
            LOG.debug("No EventAdmin; not posting {} {}", topic, props);
            return;
        }
        eventAdmin.postEvent(new Event(topic, props));
    }
}
