package org.tongpao.procurement;

/**
 * Which stored quotes to list; null fields match everything. {@code province} narrows within the caller's scope
 * (the buying province, as for orders).
 *
 * @since 1.2
 */
public record QuoteFilter(String channelId, QuoteStatus status, String province) {
    public static final QuoteFilter ALL = new QuoteFilter(null, null, null);
}
