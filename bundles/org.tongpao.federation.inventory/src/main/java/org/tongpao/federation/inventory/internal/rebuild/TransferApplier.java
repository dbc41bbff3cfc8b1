package org.tongpao.federation.inventory.internal.rebuild;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.Identities;
import org.tongpao.federation.inventory.internal.transfer.TransferMessages;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.CrossNodeTransfers;

/**
 * Records the cross-node transfers in transit from or to this province's depots, as central holds them, inside the
 * page's transaction, as central. One on its way to a depot here goes through {@link CrossNodeTransfers#accept}, as
 * central's {@code transfer.dispatched} would have: this node's inbound transfer, received by the normal receipt. One
 * this node sent goes through {@link CrossNodeTransfers#restoreSent}: its transfer-out again, under its own id, with
 * no movement, closed by the receiver's receipt. One already here changes nothing.
 */
final class TransferApplier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() { };

    private final CrossNodeTransfers transfers;

    TransferApplier(CrossNodeTransfers transfers) {
        this.transfers = transfers;
    }

    /** The page's rows; {@code node} is this node ({@code province:42}). */
    void apply(Caller central, String node, JsonNode rows) {
        for (JsonNode row : rows) {
            CrossNodeTransfer t = TransferMessages.inTransit(JSON.convertValue(row, ROW));
            if (node.equals(t.fromNode())) {
                transfers.restoreSent(central, t);
            } else {
                transfers.accept(central, t);
            }
        }
    }

    /**
     * Lets the transfer table's identity continue above {@code maxSent}, the highest id this province gave a transfer
     * central knows, before any transfer is written here: restored transfer-outs keep their ids, and a new transfer
     * never reuses one central holds. Derby and PostgreSQL alike; the value must be a literal.
     */
    static void numberAbove(Connection c, long maxSent) throws SQLException {
        Identities.continueAbove(c, "tp_inv_transfer", maxSent);
    }
}
