package org.tongpao.federation;

import org.osgi.annotation.versioning.ConsumerType;
import org.tongpao.core.Caller;

/**
 * Applies one type of message on the receiving node. A whiteboard service registered with
 * {@link #TYPE} = the message type it applies and {@link #MAJOR} = the contract major version it knows.
 *
 * <p>The inbox calls {@link #apply} inside {@code Transactions.enclosing}: the public services the handler
 * calls (inventory, allocation, core) join that transaction, so the message's effect and its inbox row
 * commit together and a redelivered message changes nothing. A handler that throws has its whole effect
 * rolled back; the message is parked with the error (visible, retried later) and never blocks the others.
 * A message whose type has no handler on this node, or whose major is newer, is parked until one arrives.
 */
@ConsumerType
public interface MessageHandler {

    /** Service property: the message type this handler applies, e.g. {@code stock.posting}. */
    String TYPE = "tongpao.federation.type";

    /** Service property (Integer): the contract major version this handler knows; 1 when absent. */
    String MAJOR = "tongpao.federation.major";

    /**
     * Service property (1.1): how a late copy of an old message of this type is made harmless. Absent: only by the
     * inbox's record of its id, which is then kept for ever (only the id, past {@code keepInboxDays}). {@link
     * #NEWER_WINS}: by the contract itself (a snapshot carrying a version, applied only when newer than what the
     * node holds), so the inbox may forget the id past retention.
     */
    String REDELIVERY = "tongpao.federation.redelivery";

    /** {@link #REDELIVERY} value: an old copy changes nothing because a newer state is already held. */
    String NEWER_WINS = "newer-wins";

    /**
     * Applies {@code message} on this node.
     *
     * @param sender the sending node as a caller: at central, a province's link acts as that province's
     *               officer ({@code node:province:42}, scope 42), so the services' own scope rules refuse a
     *               province writing another province's data; at a province, central acts as the ministry
     */
    void apply(Message message, Caller sender) throws Exception;
}
