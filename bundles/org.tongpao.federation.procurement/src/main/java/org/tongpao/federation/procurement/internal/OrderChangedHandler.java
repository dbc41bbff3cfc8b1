package org.tongpao.federation.procurement.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;
import org.tongpao.procurement.ProcurementService;

/**
 * At central: a province's order stored as a read-only copy keyed by (sending node, its id) through
 * {@link ProcurementService#replicate}, as the province's link (an order of another province, or to another
 * province's depot, is refused and the message parked). A copy of a version not above the stored one changes
 * nothing.
 */
// newer-wins: the copy is the whole order at its version, and ProcurementService.replicate keeps only a higher one
@Component(property = {MessageHandler.TYPE + "=" + ProcurementContracts.ORDER, MessageHandler.MAJOR + ":Integer=1",
        MessageHandler.REDELIVERY + "=" + MessageHandler.NEWER_WINS})
public class OrderChangedHandler implements MessageHandler {
    private final ProcurementService procurement;

    @Activate
    public OrderChangedHandler(@Reference ProcurementService procurement) {
        this.procurement = procurement;
    }

    @Override
    public void apply(Message message, Caller sender) {
        procurement.replicate(sender, message.from(), ProcurementContracts.order(message.body()));
    }
}
