package org.tongpao.federation.allocation.internal.batch;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.Caller;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotService;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.ValidationException;
import org.tongpao.federation.Federation;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.StockLedger;

/**
 * {@code mutual-aid.instruction} 1.x, on the node keeping the sending depot: dispatches the line at once, as a
 * transfer-out (first expiry first out) to the receiving depot, which inventory makes a cross-node transfer.
 * Automatic, not an officer's step: the offer was this province's own, made by its officer against its
 * available stock, and the ministry approved it; the goods should leave without a second approval. A shortage
 * since the offer fails the message, which is parked with inventory's 409 and retried once stock is back.
 * The transfer's Idempotency-Key is the line's reference, so an instruction sent twice dispatches once.
 */
@Component(service = MessageHandler.class, property = {
    MessageHandler.TYPE + "=" + MutualAidInstructions.TYPE, MessageHandler.MAJOR + ":Integer=1"})
public class MutualAidInstructionHandler implements MessageHandler {
    private final StockLedger stock;
    private final DepotService depots;
    private final CatalogueService catalogue;
    private final NodeIdentity node;

    @Activate
    public MutualAidInstructionHandler(@Reference StockLedger stock, @Reference DepotService depots,
            @Reference CatalogueService catalogue, @Reference NodeIdentity node) {
        this.stock = stock;
        this.depots = depots;
        this.catalogue = catalogue;
        this.node = node;
    }

    @Override
    public void apply(Message message, Caller sender) {
        if (!Federation.CENTRAL.equals(message.from())) {
            throw new AccessDeniedException("Only central instructs mutual aid, not " + message.from());
        }
        Map<String, Object> b = message.body();
        Depot from = depots.getByCode(sender, text(b, "fromDepot"));
        if (!node.provinceCode().map(p -> p.equals(from.provinceCode())).orElse(false)) {
            throw new ValidationException("fromDepot", "depot " + from.code() + " is not kept by node " + node.id());
        }
        Depot to = depots.getByCode(sender, text(b, "toDepot"));
        long item = catalogue.getByCode(sender, text(b, "itemCode")).id();
        String reference = text(b, "reference");
        stock.transferOut(sender, NewTransfer.builder().fromDepotId(from.id()).toDepotId(to.id()).itemId(item)
                .quantity(((Number) b.get("quantity")).longValue()).sourceDocument(reference)
                .note("mutual aid, batch " + b.get("batchNumber") + ", instructed by central").build(),
                idempotencyKey(reference));
    }

    /** One transfer per instructed line, however often the instruction arrives. */
    static String idempotencyKey(String reference) {
        return "mutual-aid-" + reference.replaceAll("[^A-Za-z0-9-]", "-");
    }

    private static String text(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v == null) {
            throw new ValidationException(field, field + " is required");
        }
        return v.toString();
    }
}
