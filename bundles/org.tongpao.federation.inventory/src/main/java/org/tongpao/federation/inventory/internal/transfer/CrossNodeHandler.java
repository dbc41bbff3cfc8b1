package org.tongpao.federation.inventory.internal.transfer;

import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.federation.Federation;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;
import org.tongpao.inventory.CrossNodeTransfers;

/** What the transfer handlers share: the inventory's cross-node service, and passing a message on at central. */
abstract class CrossNodeHandler implements MessageHandler {
    final CrossNodeTransfers transfers;
    private final Federation federation;
    private final SchemaReady schema;

    CrossNodeHandler(CrossNodeTransfers transfers, Federation federation, SchemaReady schema) {
        this.transfers = transfers;
        this.federation = federation;
        this.schema = schema;
    }

    /** Central passes the message on unchanged to {@code node}, in the inbox's transaction (which the write joins). */
    void forward(String node, Message message) {
        Transactions.write(schema.dataSource(), "forward " + message.id(), c -> federation.send(c, node,
                message.type(), message.version(), message.occurredAt(), message.body()));
    }
}
