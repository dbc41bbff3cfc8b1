package org.tongpao.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A transfer one of whose depots is kept by another node (issue 11, federation): two documents, each
 * written by its owner — the sending node's transfer-out and the receiving node's inbound transfer — tied
 * by one {@code id}, {@code <sending node>/<transfer id>} ({@code central/17}, {@code province:32/5}).
 * Central also keeps this record for a transfer between two provinces, which it checks and forwards.
 *
 * @param id             {@code <sending node>/<the sender's transfer id>}
 * @param role           what this node holds of it
 * @param transferId     this node's transfer ({@link Role#SENT}, {@link Role#INBOUND}); null when forwarded
 * @param fromNode       the sending node
 * @param toNode         the node keeping the receiving depot, as far as this node knows (a province sends
 *                       everything through {@code central})
 * @param reference      what the transfer serves, e.g. an allocation batch ({@code allocation-batch:5 2026-011})
 * @param lines          the source lots sent, each with what the receiver counted once received
 * @since 1.4
 */
public record CrossNodeTransfer(String id, Role role, Long transferId, String fromNode, String toNode,
        String fromDepotCode, String toDepotCode, String itemCode, long quantity, Transfer.Status status,
        long receivedQuantity, long damagedQuantity, String reference, Instant dispatchedAt, Instant receivedAt,
        List<Line> lines) {

    /** What a node holds of a cross-node transfer. */
    public enum Role {
        /** This node sent it: its transfer-out; closed when the receiver's receipt arrives. */
        SENT,
        /** This node keeps the receiving depot: its inbound transfer, received by the normal receipt. */
        INBOUND,
        /** Central, between two other nodes: checked and forwarded both ways, kept so central sees it. */
        FORWARDED
    }

    /**
     * One source lot sent: its details travel with it (the receiver makes a new lot of them). The counts are
     * the receiver's: received (including damaged), short (sent − received) and damaged; zero until received.
     *
     * @param lot         the source lot, {@code <sending node>/<lot id>}
     * @param designation the source lot's designation, by codes (null: none; 1.7): the receiver's new lot
     *                    inherits it, as a local transfer's lot does
     */
    public record Line(int lineNo, String itemCode, long quantity, LocalDate expiryDate, String origin,
            String sourceDocument, String lot, long receivedQuantity, long shortQuantity, long damagedQuantity,
            NodeDesignation designation) {

        /** The 1.4 line, without a designation (kept so that callers compiled against 1.4–1.6 still link). */
        public Line(int lineNo, String itemCode, long quantity, LocalDate expiryDate, String origin,
                String sourceDocument, String lot, long receivedQuantity, long shortQuantity, long damagedQuantity) {
            this(lineNo, itemCode, quantity, expiryDate, origin, sourceDocument, lot, receivedQuantity, shortQuantity,
                    damagedQuantity, null);
        }
    }
}
