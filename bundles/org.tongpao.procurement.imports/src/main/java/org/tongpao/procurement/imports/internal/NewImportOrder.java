package org.tongpao.procurement.imports.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tongpao.core.Checks;
import org.tongpao.core.ValidationException;
import org.tongpao.funding.Money;

/**
 * An import order: the platform's reference, the currency it pays in (the offers' currency), 1-200 lines each going
 * to the cheapest foreign offer able to deliver by {@code neededBy} at no more than {@code maxUnitPrice} (when named).
 */
public record NewImportOrder(String orderRef, String buyerProvince, String deliverTo, String currency,
        LocalDate neededBy, List<Line> lines) {
    private static final String REF = "[A-Za-z0-9][A-Za-z0-9._/-]{0,63}";

    @io.swagger.v3.oas.annotations.media.Schema(name = "ImportOrderLineRequest")
    public record Line(String lineRef, String itemCode, Long quantity, BigDecimal maxUnitPrice) {
    }

    NewImportOrder checked() {
        ref("orderRef", orderRef);
        if (buyerProvince != null && !buyerProvince.matches("\\d{2}")) {
            throw new ValidationException("buyerProvince", "buyerProvince must be a two-digit province code");
        }
        Money.scale(currency);
        if (lines == null || lines.isEmpty() || lines.size() > 200) {
            throw new ValidationException("lines", "an order has 1 to 200 lines");
        }
        Set<String> refs = new HashSet<>();
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String f = "lines[" + i + "]";
            Line l = Checks.required(f, lines.get(i));
            ref(f + ".lineRef", l.lineRef());
            if (!refs.add(l.lineRef())) {
                throw new ValidationException(f + ".lineRef", "line " + l.lineRef() + " is listed twice");
            }
            if (l.maxUnitPrice() != null && l.maxUnitPrice().signum() <= 0) {
                throw new ValidationException(f + ".maxUnitPrice", f + ".maxUnitPrice must be positive");
            }
            out.add(new Line(l.lineRef(), Checks.code(f + ".itemCode", l.itemCode()),
                    Checks.positive(f + ".quantity", l.quantity()), l.maxUnitPrice()));
        }
        return new NewImportOrder(orderRef, buyerProvince, Checks.optionalLine("deliverTo", deliverTo, 300), currency,
                neededBy, List.copyOf(out));
    }

    private static void ref(String field, String value) {
        if (value == null || !value.matches(REF)) {
            throw new ValidationException(field, field + " must be 1-64 letters, digits or . _ / -");
        }
    }
}
