package org.tongpao.core.spi;

import java.sql.Connection;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Takes events as the outbox records them, inside the recording transaction: what a forwarder writes on
 * {@code connection} commits or rolls back with the change that caused the event. Federation forwards
 * domain events to other nodes this way without the domain bundles knowing it exists. A whiteboard
 * service with {@link #TOPICS} naming the topics it takes ({@code org/tongpao/inventory/MOVEMENT}, or a
 * prefix ending in {@code /*}); an exception it throws rolls the whole change back, so a forwarder keeps
 * to quick writes of its own and never calls services that open their own connection.
 * <p>
 * Declare the topics with {@link EventTopics} (1.4) rather than a plain property: the bundle then declares them in
 * its manifest too, and while it is installed the outbox refuses an event of those topics that no bound forwarder
 * takes (a {@code ForwardingUnavailableException}, 503), so a change is never committed unforwarded.
 *
 * @since 1.2
 */
@ConsumerType
public interface EventForwarder {

    /** Service property (String or String[]): the topics taken, exact or as a {@code prefix/*}. */
    String TOPICS = "event.topics";

    /** The capability namespace in which a bundle declares the topics its forwarders take (1.4). */
    String NAMESPACE = "org.tongpao.event.forwarder";

    /** The capability attribute ({@code List<String>}) holding those topics (1.4). */
    String TOPICS_ATTRIBUTE = "topics";

    /** Called by {@code EventOutbox.record} on the recording transaction's connection. */
    void recorded(Connection connection, String topic, Map<String, ?> properties) throws Exception;
}
