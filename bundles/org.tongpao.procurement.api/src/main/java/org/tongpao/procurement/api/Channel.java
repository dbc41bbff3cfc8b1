package org.tongpao.procurement.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A procurement channel: a supplier's system, the procurement centre, an import agent. Register an
 * implementation as an OSGi service with the property {@value #ID_PROPERTY} (a short stable id such as
 * {@code centre}); Tongpao picks it up and drops it as it comes and goes.
 *
 * <p>Tongpao calls these methods from its own worker threads, a few per channel, each call with a time
 * limit (see the bundle README); a call that throws, hangs or answers against the contract counts against
 * this channel only. Implementations must be thread-safe.
 */
@ConsumerType
public interface Channel {

    /** Service property: the channel's id, matching {@link #ID_PATTERN}. */
    String ID_PROPERTY = "tongpao.channel.id";

    /** A channel id: 1–32 lower-case letters, digits or '-', starting with a letter or digit. */
    String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,31}";

    /** What the channel offers; read when Tongpao first needs it and kept while the service stays registered. */
    ChannelOffer offer();

    /** Prices a request without committing to it. */
    ChannelQuote quote(QuoteRequest request) throws ChannelException;

    /**
     * Takes an order and returns the channel's reference for it. Must be idempotent per
     * {@link ChannelOrder#orderRef()}: a repeat returns the first answer, with the same reference.
     */
    PlacedOrder place(ChannelOrder order) throws ChannelException;

    /**
     * Cancels an order. Cancelling an order already cancelled succeeds; an unknown reference, or an order
     * too far along to cancel, is a non-retryable {@link ChannelException}.
     */
    void cancel(String channelOrderRef, String reason) throws ChannelException;

    /**
     * Progress of all this channel's orders since {@code cursor} (null: from the oldest the channel keeps),
     * oldest first, for {@link ProgressMode#PULL}. Tongpao passes the {@link ProgressPage#nextCursor()} of the
     * last page it stored; a push-only channel returns {@link ProgressPage#empty(String)}.
     */
    ProgressPage progress(String cursor) throws ChannelException;
}
