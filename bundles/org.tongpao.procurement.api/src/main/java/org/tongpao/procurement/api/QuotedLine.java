package org.tongpao.procurement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.tongpao.procurement.api.internal.Check;

/** A channel's answer for one requested line: how many it can supply (may be fewer than asked), at what unit price, by when. */
public record QuotedLine(String lineRef, long quantity, BigDecimal unitPrice, LocalDate deliverBy) {
    public QuotedLine {
        lineRef = Check.reference(lineRef, "lineRef", 64, true);
        Check.quantity(quantity, "quantity", 1);
        Check.price(unitPrice, "unitPrice");
        Check.required(deliverBy, "deliverBy");
    }

    /** Quantity times unit price, exact. */
    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
