package org.tongpao.inventory;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;

/**
 * Transfers whose other end is on another node, as the messages between nodes carry them (federation's
 * glue calls these inside the inbox's transaction). A transfer-out from a depot this node keeps to one
 * another node keeps is an ordinary {@link StockLedger#transferOut} or {@link InventoryService#dispatch}: it
 * records {@link InventoryTopics#CROSS_NODE_DISPATCHED}, and the goods stay in transit here until the
 * receiver's receipt arrives ({@link #receipt}); receiving it on this node is a 409 naming the receiving node.
 *
 * @since 1.4
 */
@ProviderType
public interface CrossNodeTransfers {

    /**
     * A transfer another node dispatched: when this node keeps {@code dispatched.toDepotCode()}, the inbound
     * transfer (in transit, received by {@link InventoryService#receiveTransfer}); otherwise (central, between
     * two provinces) recorded as {@link CrossNodeTransfer.Role#FORWARDED} with the node to forward it to in
     * {@code toNode}. The source depot must be one {@code sender} may write (a province's link: its own
     * depots), else 403. The same id again changes nothing and answers the record.
     */
    CrossNodeTransfer accept(Caller sender, CrossNodeTransfer dispatched);

    /**
     * The receiving node's receipt of transfer {@code id}, per line (received, short, damaged): closes this
     * node's transfer-out ({@link CrossNodeTransfer.Role#SENT}) with its shortfall and damage, or records it on
     * a forwarded one (whose {@code fromNode} is then told). {@code receiver} must be able to write the
     * receiving depot. A repeat with the same figures changes nothing; other figures are a 409.
     */
    CrossNodeTransfer receipt(Caller receiver, String id, List<CrossNodeTransfer.Line> lines, Instant receivedAt);

    /** One cross-node transfer whose sending or receiving depot the caller sees. */
    CrossNodeTransfer crossNodeTransfer(Caller caller, String id);

    /** The cross-node transfers whose sending or receiving depot the caller sees, optionally by status. */
    Page<CrossNodeTransfer> crossNodeTransfers(Caller caller, Transfer.Status status, int limit, String cursor);

    /**
     * The cross-node transfers sent from or to a depot of province {@code provinceCode} that the caller sees,
     * optionally by status, oldest first: what one province's rebuild reads at central, without the country's.
     *
     * @since 1.11
     */
    Page<CrossNodeTransfer> crossNodeTransfers(Caller caller, String provinceCode, Transfer.Status status, int limit,
            String cursor);

    /**
     * On a node rebuilt from central: a transfer this node sent ({@code sent.id()} is {@code <this node>/<id>}) and
     * central still knows in transit, recorded again as this node's open transfer-out under its own id. No stock
     * moves: its goods left the ledger central replicated, from which the node's stock was restored. The receiver's
     * receipt then closes it ({@link #receipt}). Only a ministry administrator (the rebuild acts as central); the
     * same id again changes nothing and answers the record.
     *
     * @since 1.11
     */
    CrossNodeTransfer restoreSent(Caller caller, CrossNodeTransfer sent);
}
