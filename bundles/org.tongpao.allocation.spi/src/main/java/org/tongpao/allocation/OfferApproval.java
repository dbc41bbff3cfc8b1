package org.tongpao.allocation;

/**
 * How the ministry brokers an offer: the receiving depot in the other province (default: the first
 * active depot of its provincial department) and, optionally, the need the aid answers. {@code toOrgUnitId}
 * (1.4) instead delivers straight to an org unit of that province without a depot (a front-line station); it
 * excludes {@code toDepotId}.
 */
public record OfferApproval(Long toDepotId, Long needId, Long toOrgUnitId) {

    /** The 1.3 form: to a depot. */
    public OfferApproval(Long toDepotId, Long needId) {
        this(toDepotId, needId, null);
    }
}
