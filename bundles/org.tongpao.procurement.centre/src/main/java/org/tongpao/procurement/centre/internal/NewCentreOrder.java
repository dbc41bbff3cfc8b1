package org.tongpao.procurement.centre.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.tongpao.core.Checks;
import org.tongpao.core.ValidationException;

/**
 * An order for the centre: the platform's reference, 1-200 lines, where to deliver. Each line goes to the cheapest
 * agreement able to deliver by {@code neededBy} at no more than the line's {@code maxUnitPrice} (the price the
 * platform agreed, when it names one), or to the agreement named by {@code agreementCode}. An emergency order is
 * single source (one agreement for every line: the named one, else the fastest), expedited, and must state why (at
 * least {@value #MIN_JUSTIFICATION} characters) and who approved it; a normal (framework) order may name its
 * approvers too.
 */
public record NewCentreOrder(String orderRef, String buyerProvince, String deliverTo, LocalDate neededBy,
        String agreementCode, boolean emergency, String justification, String approvedBy, List<Line> lines) {
    static final int MIN_JUSTIFICATION = 20;
    static final int MAX_LINES = 200;
    private static final String PROVINCE = "\\d{2}";

    /** One line: the platform's line reference, the item, how many, the most the platform pays per unit (optional). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CentreOrderLineRequest")
    public record Line(String lineRef, String itemCode, Long quantity, BigDecimal maxUnitPrice) {
    }

    NewCentreOrder checked() {
        Checks.reference("orderRef", orderRef);
        if (buyerProvince != null && !buyerProvince.matches(PROVINCE)) {
            throw new ValidationException("buyerProvince", "buyerProvince must be a two-digit province code");
        }
        String to = Checks.optionalLine("deliverTo", deliverTo, 300);
        String agreement = agreementCode == null ? null : Checks.code("agreementCode", agreementCode);
        List<Line> checkedLines = checkedLines();
        if (!emergency) {
            return new NewCentreOrder(orderRef, buyerProvince, to, neededBy, agreement, false, null,
                    Checks.optionalLine("approvedBy", approvedBy, 128), checkedLines);
        }
        return new NewCentreOrder(orderRef, buyerProvince, to, neededBy, agreement, true, checkedJustification(),
                Checks.line("approvedBy", approvedBy, 128), checkedLines);
    }

    private List<Line> checkedLines() {
        return Checks.lines("lines", "an order", lines, MAX_LINES, "lineRef", Line::lineRef, (f, l) -> new Line(
                Checks.reference(f + ".lineRef", l.lineRef()), Checks.code(f + ".itemCode", l.itemCode()),
                Checks.positive(f + ".quantity", l.quantity()), Checks.optionalPositive(f + ".maxUnitPrice",
                        l.maxUnitPrice())));
    }

    private String checkedJustification() {
        String j = Checks.text("justification", justification, 2000);
        if (j.length() < MIN_JUSTIFICATION) {
            throw new ValidationException("justification", "an emergency procurement states why in at least "
                    + MIN_JUSTIFICATION + " characters");
        }
        return j;
    }
}
