package org.tongpao.procurement.internal;

import java.sql.Connection;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.QuoteRequest;

/**
 * The seam to the procurement channels (package {@code internal.channels}): placing an order through the
 * channel it names, cancelling it there, and replaying progress that reached the platform before the order's
 * channel reference was stored. Without channels every such order is refused with 409 naming {@code channelId}.
 */
interface OrderChannels {

    /** Whether a channel with this id is installed now. */
    boolean exists(String channelId);

    /** Asks the channel for a quote (outside any transaction); 409 naming {@code channelId} when it gives none. */
    ChannelQuote quote(String channelId, QuoteRequest request);

    /** Places the order with its channel (outside any transaction); returns the channel's reference for it. */
    String place(PurchaseOrder order);

    /** Cancels the order at its channel (outside any transaction). */
    void cancel(PurchaseOrder order, String reason);

    /** In the transaction that stores the channel reference: applies progress the channel reported early. */
    void placed(Connection c, PurchaseOrder order, String reference);
}
