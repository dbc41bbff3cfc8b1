package org.tongpao.procurement.imports.internal;

/** International import's events on core's outbox ({@code org/tongpao/procurement/import/<EVENT>}). */
final class ImportTopics {
    static final String PREFIX = "org/tongpao/procurement/import/";
    static final String OFFER_CREATED = PREFIX + "OFFER_CREATED";
    static final String OFFER_WITHDRAWN = PREFIX + "OFFER_WITHDRAWN";
    static final String RATE_RECORDED = PREFIX + "RATE_RECORDED";
    static final String STANDARD_SET = PREFIX + "STANDARD_SET";
    static final String ORDER_PLACED = PREFIX + "ORDER_PLACED";
    static final String ORDER_PROGRESSED = PREFIX + "ORDER_PROGRESSED";
    static final String ORDER_CANCELLED = PREFIX + "ORDER_CANCELLED";
    static final String ORDER_PAID = PREFIX + "ORDER_PAID";
    static final String CUSTOMS_STEP = PREFIX + "CUSTOMS_STEP";
    static final String DOCUMENT_RECORDED = PREFIX + "DOCUMENT_RECORDED";
    static final String CERTIFIED = PREFIX + "CERTIFIED";

    private ImportTopics() {
    }
}
