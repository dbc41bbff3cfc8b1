package org.tongpao.federation.internal;

import java.util.List;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox rows to the broker in one transaction, each a durable message whose duplicate-detection id is its
 * message id. Returns normally only when the broker holds every row of the batch: stored now, or already stored by
 * an earlier attempt whose acknowledgement was lost.
 */
final class BatchSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchSender.class);
    /** The property naming the message type, for operators browsing a queue. */
    static final SimpleString TYPE = SimpleString.of("tongpao_type");

    /** A row as it goes on the wire: its message id, its queue and its envelope. */
    record Outgoing(String id, String queue, String type, String envelope) {
    }

    private final ClientSession session;
    private final ClientProducer producer;

    BatchSender(ClientSession session) throws ActiveMQException {
        this.session = session;
        this.producer = session.createProducer();
    }

    /**
     * Sends {@code batch} in one transaction. A commit refused because one of the ids was stored before (a resend
     * after a lost acknowledgement, maybe with a row that committed late among them) falls back to one transaction
     * per message, where a refused duplicate means that message is stored already. An unknown or rolled-back
     * outcome is thrown: the caller sends the same rows again, with the same ids.
     */
    void send(List<Outgoing> batch) throws ActiveMQException {
        if (stored(batch)) {
            return;
        }
        LOG.debug("A batch of {} held ids the broker stored before: sending them one by one", batch.size());
        for (Outgoing o : batch) {
            stored(List.of(o));
        }
    }

    /**
     * Sends {@code messages} in one transaction: true when the broker stored them now, false when it refused the
     * commit because one of the ids was stored before; any other failure is thrown.
     */
    private boolean stored(List<Outgoing> messages) throws ActiveMQException {
        try {
            for (Outgoing o : messages) {
                producer.send(o.queue(), message(o));
            }
            session.commit();
            return true;
        } catch (ActiveMQException e) {
            rollback();
            if (e.getType() != ActiveMQExceptionType.DUPLICATE_ID_REJECTED) {
                throw e;
            }
            return false;
        }
    }

    private ClientMessage message(Outgoing o) {
        ClientMessage m = session.createMessage(ClientMessage.TEXT_TYPE, true);
        m.putStringProperty(Message.HDR_DUPLICATE_DETECTION_ID, SimpleString.of(o.id()));
        m.putStringProperty(TYPE, SimpleString.of(o.type()));
        m.getBodyBuffer().writeNullableSimpleString(SimpleString.of(o.envelope()));
        return m;
    }

    private void rollback() {
        try {
            session.rollback();
        } catch (ActiveMQException e) {
            // the session is gone (broker away): the next attempt runs on a reconnected one
            LOG.debug("Rollback after a failed send failed too: {}", e.toString());
        }
    }

    /** The envelope text of a received message (the relay writes it as a JMS-compatible text body). */
    static String text(ClientMessage m) {
        SimpleString body = m.getBodyBuffer().readNullableSimpleString();
        return body == null ? "" : body.toString();
    }


    @Override
    public void close() {
        try {
            session.close();
        } catch (ActiveMQException e) {
            LOG.debug("Closing the relay's session: {}", e.toString());
        }
    }
}
