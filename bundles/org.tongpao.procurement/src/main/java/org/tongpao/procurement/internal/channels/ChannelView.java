package org.tongpao.procurement.internal.channels;

import java.time.Instant;
import org.tongpao.procurement.api.ChannelOffer;

/**
 * A channel as procurement officers see it: installed or not, its offer (null when absent or unreadable), its
 * last problem, when its progress was last pulled (and what went wrong), and how many progress events wait for
 * an order to match.
 */
public record ChannelView(String id, String name, boolean available, String problem, ChannelOffer offer,
        Instant polledAt, String pollProblem, long keptProgress) {
}
