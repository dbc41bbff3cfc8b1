package org.tongpao.procurement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.tongpao.procurement.api.internal.Check;

/** One line of an order: Tongpao's line reference, the item, how many, the agreed unit price, the date promised (optional). */
public record OrderLine(String lineRef, String itemCode, long quantity, BigDecimal unitPrice, LocalDate promisedDate) {
    public OrderLine {
        lineRef = Check.reference(lineRef, "lineRef", 64, true);
        Check.code(itemCode, "itemCode", true);
        Check.quantity(quantity, "quantity", 1);
        Check.price(unitPrice, "unitPrice");
    }
}
