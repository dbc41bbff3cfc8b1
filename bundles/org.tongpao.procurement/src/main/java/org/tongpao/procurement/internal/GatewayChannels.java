package org.tongpao.procurement.internal;

import java.sql.Connection;
import java.util.List;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.OrderApproval;
import org.tongpao.procurement.api.QuoteRequest;
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
    public ChannelQuote quote(String channelId, QuoteRequest request) {
        try {
            return gateway.quote(channelId, request);
        } catch (NotFoundException e) {
            throw new ConflictException("channelId", "Procurement channel " + channelId + " is not installed");
        } catch (PartnerFailure e) {
            throw new ConflictException("channelId", "Channel " + channelId + " gave no quote (" + e.kind()
                    + (e.retryable() ? ", retry later" : "") + "): " + e.getMessage());
        }
    }

    @Override
    public String place(PurchaseOrder o) {
        String province = Transactions.read(ctx.ds, c -> ReceiptDao.depotProvince(c, o.id()));
        try {
            return gateway.place(o.channelId(), channelOrder(o, province)).channelOrderRef();
        } catch (PartnerFailure e) {
            throw failed(o, e);
        } catch (IllegalArgumentException e) {
            throw new ConflictException("channelId", "Order " + o.number() + " cannot go through channel "
                    + o.channelId() + ": " + e.getMessage());
        }
    }

    /**
     * The SPI's form of an approved order: the order number as its reference, the quote it was drafted from, each
     * line's number as its line reference, and (SPI 1.2) the approvals with the emergency justification.
     */
    static ChannelOrder channelOrder(PurchaseOrder o, String deliverToProvince) {
        List<OrderLine> lines = o.lines().stream().map(l -> new OrderLine(String.valueOf(l.lineNo()), l.itemCode(),
                l.quantity(), l.unitPrice(), l.promisedDate())).toList();
        // a normal order's approval may carry a note in the same column: the SPI's justification is an emergency's only
        List<OrderApproval> approvals = o.approvals().stream().map(a -> new OrderApproval(a.approver(), a.role(),
                a.approvedAt(), o.emergency() ? a.justification() : null)).toList();
        return new ChannelOrder(o.number(), o.quoteRef(), o.currency(), lines, deliverToProvince, o.depotCode(),
                o.emergency(), note(o), approvals);
    }

    /**
     * An emergency order tells the channel why in its note too (the approval's justification, then the buyer's
     * note), for channels built against SPI 1.1, which do not read the approvals.
     */
    static String note(PurchaseOrder o) {
        String note = o.emergency() && o.justification() != null
                ? o.justification() + (o.note() == null ? "" : "\n" + o.note()) : o.note();
        return note == null || note.length() <= 1000 ? note : note.substring(0, 1000);
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
