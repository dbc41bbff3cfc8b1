package org.tongpao.procurement.centre.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tongpao.core.Checks;
import org.tongpao.core.ValidationException;

/**
 * A framework agreement to record. Prices are CNY with at most 4 decimals; the expedited lead time (emergency
 * procurement) defaults to the normal one and may not exceed it.
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "NewFrameworkAgreement")
public record NewAgreement(String code, String supplierCode, String supplierName, LocalDate validFrom,
        LocalDate validUntil, Integer leadDays, Integer expeditedLeadDays, List<AgreementLine> items) {
    static final int MAX_ITEMS = 200;
    static final int MAX_LEAD_DAYS = 365;
    static final int PRICE_SCALE = 4;

    /** The agreement checked and trimmed; 400 naming the first bad field. */
    NewAgreement checked() {
        String c = Checks.code("code", code);
        String sc = Checks.code("supplierCode", supplierCode);
        String sn = Checks.line("supplierName", supplierName, 200);
        LocalDate from = Checks.required("validFrom", validFrom);
        LocalDate until = Checks.required("validUntil", validUntil);
        if (until.isBefore(from)) {
            throw new ValidationException("validUntil", "validUntil (" + until + ") is before validFrom (" + from + ")");
        }
        int lead = days("leadDays", leadDays);
        int expedited = expeditedLeadDays == null ? lead : days("expeditedLeadDays", expeditedLeadDays);
        if (expedited > lead) {
            throw new ValidationException("expeditedLeadDays", "the expedited lead time (" + expedited
                    + " days) may not exceed the normal one (" + lead + ")");
        }
        return new NewAgreement(c, sc, sn, from, until, lead, expedited, lines());
    }

    private List<AgreementLine> lines() {
        if (items == null || items.isEmpty()) {
            throw new ValidationException("items", "an agreement covers at least one item");
        }
        if (items.size() > MAX_ITEMS) {
            throw new ValidationException("items", "at most " + MAX_ITEMS + " items per agreement");
        }
        Set<String> seen = new HashSet<>();
        return items.stream().map(l -> {
            int i = seen.size();
            AgreementLine line = Checks.required("items[" + i + "]", l);
            String item = Checks.code("items[" + i + "].itemCode", line.itemCode());
            if (!seen.add(item)) {
                throw new ValidationException("items[" + i + "].itemCode", "item " + item + " is listed twice");
            }
            return new AgreementLine(item, price("items[" + i + "].unitPrice", line.unitPrice()),
                    Checks.positive("items[" + i + "].capacityPerWeek", line.capacityPerWeek()));
        }).toList();
    }

    private static BigDecimal price(String field, BigDecimal p) {
        Checks.required(field, p);
        if (p.signum() <= 0) {
            throw new ValidationException(field, field + " must be positive");
        }
        if (p.stripTrailingZeros().scale() > PRICE_SCALE || p.precision() - p.scale() > 15) {
            throw new ValidationException(field, field + " must have at most 15 digits before and "
                    + PRICE_SCALE + " after the point");
        }
        return p.setScale(PRICE_SCALE);
    }

    private static int days(String field, Integer d) {
        if (d == null || d < 1 || d > MAX_LEAD_DAYS) {
            throw new ValidationException(field, field + " must be 1 to " + MAX_LEAD_DAYS + " days");
        }
        return d;
    }
}
