package org.tongpao.federation.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;

/**
 * One node for the glue bundles' unit tests: a fresh database with core and its demo data ({@link TestCore}), a
 * {@link RecordingFederation} of what it sent, and {@link #apply} running a handler as the inbox does, inside
 * {@code Transactions.enclosing}. Add the bundle's own services on {@link #core}.
 */
public class FederatedNode implements AutoCloseable {
    private static final ObjectMapper WIRE = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private final TestDatabase db = new TestDatabase();
    public final TestCore core;
    public final RecordingFederation federation;

    /** {@code id} is {@code central} or {@code province:<code>}; {@code provinces} what central federates. */
    public FederatedNode(String id, List<String> provinces) {
        core = new TestCore(db.dataSource(), TestCore.node(id, true));
        federation = new RecordingFederation(id, provinces);
    }

    /** Applies {@code message} as this node's inbox would, as {@code sender}. */
    public void apply(MessageHandler handler, Message message, Caller sender) {
        Transactions.enclosing(core.ds, "inbox", c -> {
            handler.apply(message, sender);
            return null;
        });
    }

    /**
     * The message as an inbox reads it off the broker: its body through JSON (numbers as Long, times and amounts as
     * the text the contract wrote), so a handler under test sees no Java object a sender put in the map.
     */
    public static Message overTheWire(Message m) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = WIRE.readValue(WIRE.writeValueAsString(m.body()), Map.class);
            return new Message(m.id(), m.type(), m.version(), m.from(), m.to(), m.occurredAt(), body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
