package org.tongpao.federation.inventory.internal.transfer;

import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.spi.EventTopics;
import org.tongpao.federation.Federation;
import org.tongpao.inventory.InventoryTopics;

/**
 * Turns inventory's cross-node transfer events into messages, in the transaction that recorded them: a
 * dispatch to the node keeping the receiving depot, a receipt back to the sending node. A province sends
 * everything to central, which checks and forwards what is meant for another province.
 */
@Component(service = EventForwarder.class)
@EventTopics({InventoryTopics.CROSS_NODE_DISPATCHED, InventoryTopics.CROSS_NODE_RECEIVED})
public class TransferEventForwarder implements EventForwarder {
    private final Federation federation;
    private final NodeIdentity node;

    @Activate
    public TransferEventForwarder(@Reference Federation federation, @Reference NodeIdentity node) {
        this.federation = federation;
        this.node = node;
    }

    @Override
    public void recorded(Connection connection, String topic, Map<String, ?> properties) {
        String to = node.isCentral() ? properties.get("toNode").toString() : Federation.CENTRAL;
        if (InventoryTopics.CROSS_NODE_DISPATCHED.equals(topic)) {
            federation.send(connection, to, TransferMessages.DISPATCHED, TransferMessages.DISPATCHED_VERSION,
                    Instant.parse(properties.get("dispatchedAt").toString()), TransferMessages.dispatchedBody(properties));
        } else if (InventoryTopics.CROSS_NODE_RECEIVED.equals(topic)) {
            federation.send(connection, to, TransferMessages.RECEIVED, TransferMessages.RECEIVED_VERSION,
                    Instant.parse(properties.get("receivedAt").toString()), TransferMessages.receivedBody(properties));
        }
    }
}
