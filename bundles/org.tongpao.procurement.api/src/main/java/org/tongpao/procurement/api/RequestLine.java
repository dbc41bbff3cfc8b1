package org.tongpao.procurement.api;

import org.tongpao.procurement.api.internal.Check;

/** One line of a request for quotation: Tongpao's line reference, the item (and its category), how many, the standard required. */
public record RequestLine(String lineRef, String itemCode, String categoryCode, long quantity, String standard) {
    public RequestLine {
        lineRef = Check.reference(lineRef, "lineRef", 64, true);
        Check.code(itemCode, "itemCode", true);
        Check.code(categoryCode, "categoryCode", false);
        Check.quantity(quantity, "quantity", 1);
        standard = Check.text(standard, "standard", 100, false, false);
    }
}
