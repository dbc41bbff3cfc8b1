package org.tongpao.federation.inventory.internal.transfer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.federation.Federation;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.CrossNodeTransfers;

/**
 * {@code transfer.dispatched} 1.x: the receiving node records the inbound transfer (in transit until its officer
 * receives it); central, for a depot another province keeps, records the transfer it sees pass and forwards the
 * message there. A link speaks only for its own transfers and (inventory checks) its own depots as source.
 */
@Component(service = MessageHandler.class, property = {
    MessageHandler.TYPE + "=" + TransferMessages.DISPATCHED, MessageHandler.MAJOR + ":Integer=1"})
public class TransferDispatchedHandler extends CrossNodeHandler {

    @Activate
    public TransferDispatchedHandler(@Reference CrossNodeTransfers transfers, @Reference Federation federation,
            @Reference(target = "(tongpao.schema=inventory)") SchemaReady schema) {
        super(transfers, federation, schema);
    }

    @Override
    public void apply(Message message, Caller sender) {
        CrossNodeTransfer dispatched = TransferMessages.dispatched(message);
        Links.requireOwnTransfer(message, dispatched.id());
        CrossNodeTransfer x = transfers.accept(sender, dispatched);
        if (x.role() == CrossNodeTransfer.Role.FORWARDED) {
            forward(x.toNode(), message);
        }
    }
}
