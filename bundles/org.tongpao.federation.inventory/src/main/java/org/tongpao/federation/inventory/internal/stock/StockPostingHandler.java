package org.tongpao.federation.inventory.internal.stock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;
import org.tongpao.inventory.ReplicaLedger;

/**
 * At central, applies {@code stock.posting} from a province's link to the replica of its depot through
 * inventory's {@link ReplicaLedger}, inside the inbox's transaction: a depot the sending node does not keep,
 * one outside its scope, or a movement the replica cannot cover is refused, and the inbox parks the message.
 */
@Component(property = {MessageHandler.TYPE + "=" + StockPostingContract.TYPE,
        MessageHandler.MAJOR + ":Integer=" + StockPostingContract.MAJOR})
public class StockPostingHandler implements MessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StockPostingHandler.class);

    private final ReplicaLedger replicas;

    @Activate
    public StockPostingHandler(@Reference ReplicaLedger replicas) {
        this.replicas = replicas;
    }

    @Override
    public void apply(Message message, Caller sender) {
        if (!replicas.apply(sender, StockPostingContract.posting(message))) {
            LOG.debug("stock.posting {} from {} was applied before; nothing changed", message.id(), message.from());
        }
    }
}
