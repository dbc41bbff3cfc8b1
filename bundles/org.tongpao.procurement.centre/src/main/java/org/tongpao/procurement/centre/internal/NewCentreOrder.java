package org.tongpao.procurement.centre.internal;

import java.time.LocalDate;
import org.tongpao.core.Checks;
import org.tongpao.core.ValidationException;

/**
 * An order for the centre. {@code agreementCode} names the source; without it the centre takes the cheapest
 * agreement able to deliver by {@code neededBy}. An emergency order is single source: it must name its agreement,
 * state why (at least {@value #MIN_JUSTIFICATION} characters) and who approved it.
 */
public record NewCentreOrder(String orderRef, String itemCode, Long quantity, LocalDate neededBy, String buyerProvince,
        String agreementCode, boolean emergency, String justification, String approvedBy) {
    static final int MIN_JUSTIFICATION = 20;
    private static final String REF = "[A-Za-z0-9][A-Za-z0-9._/-]{0,63}";
    private static final String PROVINCE = "\\d{2}";

    NewCentreOrder checked() {
        if (orderRef == null || !orderRef.matches(REF)) {
            throw new ValidationException("orderRef", "orderRef must be 1-64 letters, digits or . _ / -");
        }
        if (buyerProvince != null && !buyerProvince.matches(PROVINCE)) {
            throw new ValidationException("buyerProvince", "buyerProvince must be a two-digit province code");
        }
        String item = Checks.code("itemCode", itemCode);
        long qty = Checks.positive("quantity", quantity);
        String agreement = agreementCode == null ? null : Checks.code("agreementCode", agreementCode);
        if (!emergency) {
            return new NewCentreOrder(orderRef, item, qty, neededBy, buyerProvince, agreement, false, null, null);
        }
        return new NewCentreOrder(orderRef, item, qty, neededBy, buyerProvince,
                Checks.required("agreementCode", agreement), true, checkedJustification(), Checks.line("approvedBy", approvedBy, 128));
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
