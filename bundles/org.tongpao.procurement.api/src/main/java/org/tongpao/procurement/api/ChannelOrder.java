package org.tongpao.procurement.api;

import java.util.List;
import org.tongpao.procurement.api.internal.Check;

/**
 * An order Tongpao places with a channel: Tongpao's order reference (the key {@link Channel#place} is
 * idempotent on), the quote it accepts (optional), the currency of the prices, 1–200 lines, where to deliver
 * (province and an address line), whether it is an emergency procurement, and a note.
 */
public record ChannelOrder(String orderRef, String quoteRef, String currency, List<OrderLine> lines,
        String deliverToProvince, String deliverTo, boolean emergency, String note) {
    public ChannelOrder {
        orderRef = Check.reference(orderRef, "orderRef", 64, true);
        quoteRef = Check.reference(quoteRef, "quoteRef", 64, false);
        Check.currency(currency, "currency");
        lines = Check.list(lines, "lines", 1, QuoteRequest.MAX_LINES);
        Check.distinct(lines, OrderLine::lineRef, "lines");
        Check.province(deliverToProvince, "deliverToProvince");
        deliverTo = Check.text(deliverTo, "deliverTo", 300, false, false);
        note = Check.text(note, "note", 1000, false, true);
    }
}
