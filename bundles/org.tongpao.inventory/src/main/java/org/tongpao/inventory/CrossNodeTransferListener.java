package org.tongpao.inventory;

import java.sql.Connection;
import org.osgi.annotation.versioning.ConsumerType;
import org.tongpao.core.Caller;

/**
 * Told, inside the transaction that records it and on its connection, what another node did with a
 * cross-node transfer this node sends or forwards: allocation closes its batch lines this way, in the same
 * commit as the receipt. A whiteboard service; one that throws rolls the change back (the message is parked).
 *
 * @since 1.4
 */
@ConsumerType
public interface CrossNodeTransferListener {

    /** Central forwards a transfer another node dispatched (e.g. mutual aid from one province to another). */
    default void dispatched(Connection connection, Caller sender, CrossNodeTransfer transfer) throws Exception {
    }

    /** The receiving node's receipt of a transfer this node sent or forwarded arrived ({@code transfer} as closed). */
    default void received(Connection connection, Caller receiver, CrossNodeTransfer transfer) throws Exception {
    }
}
