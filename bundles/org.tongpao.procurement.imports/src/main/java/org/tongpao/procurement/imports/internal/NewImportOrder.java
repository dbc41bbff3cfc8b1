package org.tongpao.procurement.imports.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.tongpao.core.Checks;
import org.tongpao.core.ValidationException;
import org.tongpao.funding.Money;

/**
 * An import order: the platform's reference, the currency it pays in (the offers' currency), 1-200 lines each going
 * to the cheapest foreign offer able to deliver by {@code neededBy} at no more than {@code maxUnitPrice} (when named).
 */
public record NewImportOrder(String orderRef, String buyerProvince, String deliverTo, String currency,
        LocalDate neededBy, List<Line> lines) {

    @io.swagger.v3.oas.annotations.media.Schema(name = "ImportOrderLineRequest")
    public record Line(String lineRef, String itemCode, Long quantity, BigDecimal maxUnitPrice) {
    }

    NewImportOrder checked() {
        Checks.reference("orderRef", orderRef);
        if (buyerProvince != null && !buyerProvince.matches("\\d{2}")) {
            throw new ValidationException("buyerProvince", "buyerProvince must be a two-digit province code");
        }
        Money.scale(currency);
        List<Line> out = Checks.lines("lines", "an order", lines, 200, "lineRef", Line::lineRef, (f, l) -> new Line(
                Checks.reference(f + ".lineRef", l.lineRef()), Checks.code(f + ".itemCode", l.itemCode()),
                Checks.positive(f + ".quantity", l.quantity()), Checks.optionalPositive(f + ".maxUnitPrice",
                        l.maxUnitPrice())));
        return new NewImportOrder(orderRef, buyerProvince, Checks.optionalLine("deliverTo", deliverTo, 300), currency,
                neededBy, out);
    }
}
