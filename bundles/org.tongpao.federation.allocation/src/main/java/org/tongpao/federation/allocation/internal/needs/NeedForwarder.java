package org.tongpao.federation.allocation.internal.needs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.spi.EventTopics;
import org.tongpao.federation.Federation;

/**
 * On a provincial node: every change of a need raised here (created, cancelled, allocated, received) goes up to
 * central as {@code need.changed}, the need as it now stands, keyed {@code <this node>/<id>}, occurred when it
 * changed. Item and depot by code, read from core's published views in the change's transaction. Central's own
 * needs and the replicas it keeps are not sent.
 */
@Component(service = EventForwarder.class)
@EventTopics(AllocationTopics.NEED_CHANGED)
public class NeedForwarder implements EventForwarder {
    private static final String[] COPIED = {"unitCode", "categoryCode", "quantity", "allocated", "received", "urgency",
        "frontLine", "neededBy", "justification", "daysOfCoverLeft", "state", "createdBy", "version"};
    private final Federation federation;
    private final NodeIdentity node;

    @Activate
    public NeedForwarder(@Reference Federation federation, @Reference NodeIdentity node) {
        this.federation = federation;
        this.node = node;
    }

    @Override
    public void recorded(Connection c, String topic, Map<String, ?> event) throws SQLException {
        if (node.isCentral() || event.get("source") != null) {
            return;
        }
        Map<String, Object> body = new HashMap<>();
        body.put("need", node.id() + "/" + event.get("id"));
        for (String field : COPIED) {
            body.put(field, event.get(field));
        }
        body.put("itemCode", NeedContracts.code(c, "item", event.get("itemId")));
        body.put("receivingDepotCode", NeedContracts.code(c, "depot", event.get("receivingDepotId")));
        body.put("createdAt", event.get("createdAt").toString());
        Instant updatedAt = (Instant) event.get("updatedAt");
        body.put("updatedAt", updatedAt.toString());
        body.values().removeIf(v -> v == null);
        federation.send(c, Federation.CENTRAL, NeedContracts.NEED_CHANGED, NeedContracts.VERSION, updatedAt, body);
    }
}
