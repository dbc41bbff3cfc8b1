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
 * {@code transfer.received} 1.x: the sending node closes its transfer-out with the receiver's shortfall and
 * damage; central, for a transfer it forwarded, records the receipt and forwards it to the sending province.
 * Only the node keeping the receiving depot may report its receipt (inventory checks the scope).
 */
@Component(service = MessageHandler.class, property = {
    MessageHandler.TYPE + "=" + TransferMessages.RECEIVED, MessageHandler.MAJOR + ":Integer=1"})
public class TransferReceivedHandler extends CrossNodeHandler {

    @Activate
    public TransferReceivedHandler(@Reference CrossNodeTransfers transfers, @Reference Federation federation,
            @Reference(target = "(tongpao.schema=inventory)") SchemaReady schema) {
        super(transfers, federation, schema);
    }

    @Override
    public void apply(Message message, Caller sender) {
        CrossNodeTransfer x = transfers.receipt(sender, TransferMessages.transferId(message),
                TransferMessages.counted(message), TransferMessages.receivedAt(message));
        if (x.role() == CrossNodeTransfer.Role.FORWARDED) {
            forward(x.fromNode(), message);
        }
    }
}
