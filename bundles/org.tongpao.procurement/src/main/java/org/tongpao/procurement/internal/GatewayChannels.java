package org.tongpao.procurement.internal;

import java.sql.Connection;
import java.util.List;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.OrderLine;
import org.tongpao.procurement.internal.channels.ChannelGateway;

/**
 * Orders through the channels' gateway: the order number is the channel's idempotency reference, each line's
 * number its line reference. A channel that refuses, fails or is not installed is a 409 naming {@code channelId};
 * the order stays as it was.
 */
final class GatewayChannels implements OrderChannels {
    private final ChannelGateway gateway;
    private final ProcurementContext ctx;

    GatewayChannels(ChannelGateway gateway, ProcurementContext ctx) {
        this.gateway = gateway;
        this.ctx = ctx;
    }

    @Override
    public boolean exists(String channelId) {
        try {
            return gateway.channel(channelId).available();
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public String place(PurchaseOrder o) {
        String province = Transactions.read(ctx.ds, c -> ReceiptDao.depotProvince(c, o.id()));
        try {
            List<OrderLine> lines = o.lines().stream().map(l -> new OrderLine(String.valueOf(l.lineNo()), l.itemCode(),
                    l.quantity(), l.unitPrice(), l.promisedDate())).toList();
            ChannelOrder order = new ChannelOrder(o.number(), null, o.currency(), lines, province, o.depotCode(),
                    o.emergency(), o.note());
            return gateway.place(o.channelId(), order).channelOrderRef();
        } catch (PartnerFailure e) {
            throw failed(o, e);
        } catch (IllegalArgumentException e) {
            throw new ConflictException("channelId", "Order " + o.number() + " cannot go through channel "
                    + o.channelId() + ": " + e.getMessage());
        }
    }

    @Override
    public void cancel(PurchaseOrder o, String reason) {
        try {
            gateway.cancel(o.channelId(), o.channelReference(), reason);
        } catch (PartnerFailure e) {
            throw failed(o, e);
        }
    }

    @Override
    public void placed(Connection c, PurchaseOrder o, String reference) {
        try {
            gateway.applyKept(c, o.channelId(), reference);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Applying the progress kept for " + o.number() + " failed", e);
        }
    }

    private static ConflictException failed(PurchaseOrder o, PartnerFailure e) {
        return new ConflictException("channelId", "Channel " + o.channelId() + " did not take order " + o.number()
                + " (" + e.kind() + (e.retryable() ? ", retry later" : "") + "): " + e.getMessage());
    }
}
