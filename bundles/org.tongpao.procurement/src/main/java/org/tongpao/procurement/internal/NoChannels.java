package org.tongpao.procurement.internal;

import java.sql.Connection;
import org.tongpao.core.ConflictException;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.QuoteRequest;

/** No procurement channel installed: an order that names one cannot be placed or cancelled there. */
final class NoChannels implements OrderChannels {
    static final NoChannels INSTANCE = new NoChannels();

    private NoChannels() {
    }

    @Override
    public boolean exists(String channelId) {
        return false;
    }

    @Override
    public ChannelQuote quote(String channelId, QuoteRequest request) {
        throw unavailable(channelId);
    }

    @Override
    public String place(PurchaseOrder order) {
        throw unavailable(order.channelId());
    }

    @Override
    public void cancel(PurchaseOrder order, String reason) {
        throw unavailable(order.channelId());
    }

    @Override
    public void placed(Connection c, PurchaseOrder order, String reference) {
        // nothing was kept: without channels no progress arrives
    }

    private static ConflictException unavailable(String channelId) {
        return new ConflictException("channelId", "Procurement channel " + channelId + " is not installed");
    }
}
