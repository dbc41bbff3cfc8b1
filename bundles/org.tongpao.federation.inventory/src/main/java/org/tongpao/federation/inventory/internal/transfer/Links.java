package org.tongpao.federation.inventory.internal.transfer;

import org.tongpao.core.AccessDeniedException;
import org.tongpao.federation.Federation;
import org.tongpao.federation.Message;

/** What a link may say about transfers, beyond the scope rules inventory applies to the sending node. */
final class Links {

    private Links() {
    }

    /**
     * A province's link speaks only for transfers that province sent ({@code <its node>/<id>}); central's
     * link also forwards other provinces' transfers.
     */
    static void requireOwnTransfer(Message message, String transferId) {
        String sending = TransferMessages.sendingNode(transferId);
        if (!Federation.CENTRAL.equals(message.from()) && !sending.equals(message.from())) {
            throw new AccessDeniedException("Node " + message.from() + " may not dispatch transfer " + transferId
                    + " of node " + sending);
        }
    }
}
