package org.tongpao.procurement;

/**
 * Where a stored quote stands, worked out from it (not stored): {@code OPEN} while it stands and no order was made
 * from it, {@code ORDERED} once a draft order was made from it, {@code EXPIRED} when it ran out unordered.
 *
 * @since 1.2
 */
public enum QuoteStatus {
    OPEN, ORDERED, EXPIRED
}
