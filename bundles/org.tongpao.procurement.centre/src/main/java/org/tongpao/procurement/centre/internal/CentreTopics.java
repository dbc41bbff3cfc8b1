package org.tongpao.procurement.centre.internal;

/** The centre's events on core's outbox ({@code org/tongpao/procurement/centre/<EVENT>}). */
final class CentreTopics {
    static final String PREFIX = "org/tongpao/procurement/centre/";
    static final String AGREEMENT_CREATED = PREFIX + "AGREEMENT_CREATED";
    static final String AGREEMENT_WITHDRAWN = PREFIX + "AGREEMENT_WITHDRAWN";
    static final String ORDER_PLACED = PREFIX + "ORDER_PLACED";
    static final String ORDER_PROGRESSED = PREFIX + "ORDER_PROGRESSED";
    static final String ORDER_CANCELLED = PREFIX + "ORDER_CANCELLED";

    private CentreTopics() {
    }
}
