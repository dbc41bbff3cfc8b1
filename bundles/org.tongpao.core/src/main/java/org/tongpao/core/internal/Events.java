package org.tongpao.core.internal;

import java.util.HashMap;
import java.util.Map;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;

/** Posts change events after commit; without an EventAdmin (tests, slim containers) it only logs. */
final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private Events() {
    }

    static void post(EventAdmin eventAdmin, String topic, Caller caller, String node, long id, String code,
            String province, long version) {
        Map<String, Object> props = new HashMap<>();
        props.put("id", id);
        props.put("code", code);
        if (province != null) {
            props.put("provinceCode", province);
        }
        props.put("version", version);
        props.put("actor", caller.user());
        props.put("requestId", caller.requestId());
        props.put("node", node);
        if (eventAdmin == null) {
            LOG.debug("No EventAdmin; not posting {} {}", topic, props);
            return;
        }
        eventAdmin.postEvent(new Event(topic, props));
    }
}
