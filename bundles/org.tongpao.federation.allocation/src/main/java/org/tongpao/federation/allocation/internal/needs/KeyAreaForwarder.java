package org.tongpao.federation.allocation.internal.needs;

import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.spi.EventTopics;
import org.tongpao.federation.Federation;

/**
 * At central: a key area declared or removed goes to every provincial node as {@code master.key-area}, named by
 * its province or its unit's code ({@code declared} true or false). On a provincial node nothing is sent.
 */
@Component(service = EventForwarder.class)
@EventTopics({AllocationTopics.KEY_AREA_DECLARED, AllocationTopics.KEY_AREA_REMOVED})
public class KeyAreaForwarder implements EventForwarder {
    private final Federation federation;

    @Activate
    public KeyAreaForwarder(@Reference Federation federation) {
        this.federation = federation;
    }

    @Override
    public void recorded(Connection c, String topic, Map<String, ?> event) {
        List<String> provinces = federation.provinceNodes();
        if (provinces.isEmpty()) {
            return;
        }
        Map<String, Object> body = new HashMap<>();
        body.put("provinceCode", event.get("unitCode") == null ? event.get("provinceCode") : null);
        body.put("unitCode", event.get("unitCode"));
        body.put("label", event.get("label"));
        body.put("declared", topic.equals(AllocationTopics.KEY_AREA_DECLARED));
        body.values().removeIf(v -> v == null);
        Instant now = Instant.now();
        for (String node : provinces) {
            federation.send(c, node, NeedContracts.KEY_AREA, NeedContracts.VERSION, now, body);
        }
    }
}
