package org.tongpao.federation.inventory.internal.stock;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.federation.Federation;
import org.tongpao.federation.LinkStatus;
import org.tongpao.federation.Message;

/**
 * A {@link Federation} that keeps what it was asked to send, once the sending transaction commits (as the real
 * outbox's rows leave only then), as the messages the receiving node would get.
 */
public final class RecordingFederation implements Federation {
    private final String node;
    private final long firstSequence;
    public final List<Message> sent = new CopyOnWriteArrayList<>();

    public RecordingFederation(String node) {
        this(node, 1);
    }

    /** Numbering its messages from {@code firstSequence} (a new database's outbox starts above an older one's). */
    public RecordingFederation(String node, long firstSequence) {
        this.node = node;
        this.firstSequence = firstSequence;
    }

    @Override
    public String send(Connection connection, String to, String type, String version, Instant occurredAt,
            Map<String, ?> body) {
        String id = node + "/" + (firstSequence + sent.size());
        Message m = new Message(id, type, version, node, to, occurredAt, Map.copyOf(body));
        Transactions.afterCommit(() -> sent.add(m));
        return id;
    }

    @Override
    public List<String> provinceNodes() {
        return List.of();
    }

    @Override
    public List<LinkStatus> links() {
        return List.of();
    }
}
