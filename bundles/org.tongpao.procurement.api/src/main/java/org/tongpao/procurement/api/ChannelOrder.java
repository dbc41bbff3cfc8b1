package org.tongpao.procurement.api;

import java.util.List;
import org.tongpao.procurement.api.internal.Check;

/**
 * An order Tongpao places with a channel: Tongpao's order reference (the key {@link Channel#place} is
 * idempotent on), the quote it accepts (optional), the currency of the prices, 1–200 lines, where to deliver
 * (province and an address line), whether it is an emergency procurement, a note, and (since 1.2) the approvals
 * that released it — who approved, in which role, when, and an emergency order's justification. Tongpao always
 * sends its approvals (one for an emergency order, two otherwise); an order built with the 1.1 constructor has none.
 */
public record ChannelOrder(String orderRef, String quoteRef, String currency, List<OrderLine> lines,
        String deliverToProvince, String deliverTo, boolean emergency, String note, List<OrderApproval> approvals) {
    /** The most approvals an order carries. */
    public static final int MAX_APPROVALS = 10;

    public ChannelOrder {
        orderRef = Check.reference(orderRef, "orderRef", 64, true);
        quoteRef = Check.reference(quoteRef, "quoteRef", 64, false);
        Check.currency(currency, "currency");
        lines = Check.list(lines, "lines", 1, QuoteRequest.MAX_LINES);
        Check.distinct(lines, OrderLine::lineRef, "lines");
        Check.province(deliverToProvince, "deliverToProvince");
        deliverTo = Check.text(deliverTo, "deliverTo", 300, false, false);
        note = Check.text(note, "note", 1000, false, true);
        approvals = Check.list(approvals, "approvals", 0, MAX_APPROVALS);
    }

    /**
     * An order without approvals: the 1.1 form, kept so that code built against 1.1 (tests that build orders, say)
     * keeps compiling and linking.
     */
    public ChannelOrder(String orderRef, String quoteRef, String currency, List<OrderLine> lines,
            String deliverToProvince, String deliverTo, boolean emergency, String note) {
        this(orderRef, quoteRef, currency, lines, deliverToProvince, deliverTo, emergency, note, List.of());
    }

    /**
     * The justification of an emergency order's approval (the first one that states one); null for a normal order
     * or an order without approvals.
     *
     * @since 1.2
     */
    public String justification() {
        return approvals.stream().map(OrderApproval::justification).filter(j -> j != null).findFirst().orElse(null);
    }
}
