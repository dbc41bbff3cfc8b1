package org.tongpao.funding;

/**
 * Topics of the events funding records on core's outbox (posted after commit). Properties: {@code lineId},
 * {@code lineCode}, {@code holder}, {@code source}, {@code currency}, the line's {@code budget},
 * {@code committed}, {@code spent} after the change (decimal text), {@code version}, {@code user}; commitment
 * events add {@code reference}, {@code commitmentId}, {@code amount} (the change, decimal text).
 */
public final class FundingTopics {
    public static final String PREFIX = "org/tongpao/funding/";
    public static final String LINE_CREATED = PREFIX + "LINE_CREATED";
    public static final String LINE_ADJUSTED = PREFIX + "LINE_ADJUSTED";
    public static final String COMMITTED = PREFIX + "COMMITTED";
    public static final String SPENT = PREFIX + "SPENT";
    public static final String RELEASED = PREFIX + "RELEASED";
    /** All of them. */
    public static final String ALL = PREFIX + "*";

    private FundingTopics() {
    }
}
