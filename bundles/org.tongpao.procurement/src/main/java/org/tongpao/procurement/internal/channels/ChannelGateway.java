package org.tongpao.procurement.internal.channels;

import java.sql.Connection;
import java.util.List;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.PlacedOrder;
import org.tongpao.procurement.api.QuoteRequest;

/**
 * What the orders code calls to reach the channels. Calls run on the channel's own pool with a time limit, never
 * on the caller's thread: call them outside a database transaction. A {@link PartnerFailure} says why a call gave
 * no usable answer (REFUSED by the channel, UNAVAILABLE, TIMEOUT, BROKEN answer) and whether a retry may work.
 */
public interface ChannelGateway {

    /** Channels installed now and those seen before (shown unavailable), sorted by id. */
    List<ChannelView> channels();

    /** One channel; {@code NotFoundException} when it was never seen. */
    ChannelView channel(String channelId);

    /** Asks a channel for a quote; an answer for lines never asked, more than asked, or already expired is BROKEN. */
    ChannelQuote quote(String channelId, QuoteRequest request) throws PartnerFailure;

    /** Places an order (the channel is idempotent on {@code orderRef}: a retry returns the first answer). */
    PlacedOrder place(String channelId, ChannelOrder order) throws PartnerFailure;

    /** Cancels an order at the channel. */
    void cancel(String channelId, String channelOrderRef, String reason) throws PartnerFailure;

    /**
     * Applies the progress kept for {@code channelOrderRef} (events that overtook {@link #place}'s answer) to the
     * order, on {@code c}: call it in the transaction that stores the channel's reference. Returns how many applied.
     */
    int applyKept(Connection c, String channelId, String channelOrderRef) throws Exception;
}
