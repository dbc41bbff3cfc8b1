package org.tongpao.federation;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** This node's side of the federation: sending messages to other nodes and the state of its links. */
@ProviderType
public interface Federation {

    /** The central node's id. */
    String CENTRAL = "central";

    /**
     * Queues a message to node {@code to} in the running transaction of {@code connection} (one INSERT
     * into federation's outbox): it leaves only if that transaction commits, and leaves exactly once —
     * the relay sends it after the commit, across outages and restarts.
     *
     * @param to         {@link #CENTRAL} or {@code province:<code>}
     * @param occurredAt when the change happened on this node
     * @return the message id
     */
    String send(Connection connection, String to, String type, String version, Instant occurredAt,
            Map<String, ?> body);

    /** The provincial nodes central knows (from their links); on a provincial node, empty. */
    List<String> provinceNodes();

    /** Each link of this node: at central one per provincial node, at a province the one to central. */
    List<LinkStatus> links();
}
