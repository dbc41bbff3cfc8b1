package org.tongpao.allocation;

/**
 * How the ministry brokers an offer: the receiving depot in the other province (default: the first
 * active depot of its provincial department) and, optionally, the need the aid answers.
 */
public record OfferApproval(Long toDepotId, Long needId) {
}
