package org.tongpao.procurement.centre.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    private static final String REF = "[A-Za-z0-9][A-Za-z0-9._/-]{0,63}";
    private static final String PROVINCE = "\\d{2}";

    /** One line: the platform's line reference, the item, how many, the most the platform pays per unit (optional). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CentreOrderLineRequest")
    public record Line(String lineRef, String itemCode, Long quantity, BigDecimal maxUnitPrice) {
    }

    NewCentreOrder checked() {
        ref("orderRef", orderRef);
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
        if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new ValidationException("lines", "an order has 1 to " + MAX_LINES + " lines");
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
        return List.copyOf(out);
    }

    private static void ref(String field, String value) {
        if (value == null || !value.matches(REF)) {
            throw new ValidationException(field, field + " must be 1-64 letters, digits or . _ / -");
        }
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
