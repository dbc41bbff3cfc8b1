package org.tongpao.procurement.api;

/** A step of an order at the channel. AT_CUSTOMS and CLEARED belong to imports; EXCEPTION needs a note. */
public enum ProgressStatus {
    /** The channel confirmed the order (possibly with an expected date). */
    CONFIRMED,
    IN_PRODUCTION,
    /** Goods left the channel (a line's quantity, with shipping documents). */
    SHIPPED,
    AT_CUSTOMS,
    CLEARED,
    /** Goods handed over at the delivery point (a line's quantity); the receipt inspects them. */
    DELIVERED,
    /** Something went wrong (a delay, a shortfall, a refusal at customs): the note says what. */
    EXCEPTION
}
