package org.tongpao.itests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;

/**
 * A province's link as a plain Artemis client outside any node: logs into central's broker with a node account and
 * sends federation envelopes in the kernel's wire format (durable text message, the envelope JSON as its body, the
 * message id as {@code _AMQ_DUPL_ID}), in transacted batches. For what a real node cannot be made to send (a
 * province naming another province's depot) and for simulating many links in a benchmark.
 */
public final class LinkClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerLocator locator;
    private final ClientSessionFactory factory;
    private final ClientSession session;
    private final ClientProducer producer;

    /** Connects as {@code user} and sends to {@code queue} (e.g. {@code tongpao.up.42}). */
    public LinkClient(String brokerUrl, String user, String password, String queue) throws Exception {
        locator = ActiveMQClient.createServerLocator(brokerUrl);
        factory = locator.createSessionFactory();
        session = factory.createSession(user, password, false, false, false, false, locator.getAckBatchSize());
        producer = session.createProducer(queue);
    }

    /** One envelope as the kernel writes it; {@code occurredAt} also serves as its queue time. */
    public static String envelope(String id, String type, String version, String from, Instant occurredAt,
            Map<String, ?> body) {
        ObjectNode e = JSON.createObjectNode();
        e.put("id", id).put("type", type).put("version", version).put("from", from).put("to", "central")
                .put("occurredAt", occurredAt.toString()).put("queuedAt", Instant.now().toString());
        e.set("body", JSON.valueToTree(body));
        return e.toString();
    }

    /**
     * The body of a {@code stock.posting} 1.0 (docs/federation.md) that receives {@code quantity} of
     * {@code itemCode} into a new lot {@code lotId} of depot {@code depotCode}.
     */
    public static Map<String, Object> receipt(String depotCode, String itemCode, long lotId, long quantity,
            String sourceDocument) {
        return Map.of("postingId", lotId, "part", 1, "parts", 1, "operation", "receipt", "depotCode", depotCode,
                "actor", "bench", "lots", List.of(Map.of("lotId", lotId, "itemCode", itemCode, "origin",
                        "PURCHASE_ORDER", "sourceDocument", sourceDocument, "receivedOn",
                        LocalDate.now().toString(), "status", "AVAILABLE", "receivedQuantity", quantity)),
                "movements", List.of(Map.of("lotId", lotId, "type", "RECEIPT", "quantity", quantity)));
    }

    /** Sends the envelopes (each with its id as the duplicate-detection id) in one transaction. */
    public void sendBatch(List<String> ids, List<String> envelopes) throws ActiveMQException {
        for (int i = 0; i < envelopes.size(); i++) {
            ClientMessage m = session.createMessage(ClientMessage.TEXT_TYPE, true);
            m.putStringProperty(Message.HDR_DUPLICATE_DETECTION_ID.toString(), ids.get(i));
            m.getBodyBuffer().writeNullableSimpleString(
                    SimpleString.of(envelopes.get(i)));
            producer.send(m);
        }
        session.commit();
    }

    @Override
    public void close() throws Exception {
        producer.close();
        session.close();
        factory.close();
        locator.close();
    }
}
