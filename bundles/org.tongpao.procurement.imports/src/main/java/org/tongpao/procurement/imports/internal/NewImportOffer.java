package org.tongpao.procurement.imports.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.tongpao.core.Checks;
import org.tongpao.core.ValidationException;
import org.tongpao.funding.Money;

/**
 * A foreign offer to record: the price in the supplier's currency (ISO 4217, not CNY: a domestic offer is not an
 * import) with at most 4 decimals, the incoterm, lead time in days (imports take long: up to a year), capacity.
 */
public record NewImportOffer(String code, String supplierName, String country, String itemCode, String currency,
        BigDecimal unitPrice, Incoterm incoterm, Integer leadDays, Long capacityPerWeek, LocalDate validUntil) {

    NewImportOffer checked() {
        String c = Checks.code("code", code);
        String supplier = Checks.line("supplierName", supplierName, 200);
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new ValidationException("country", "country must be an ISO 3166 code such as KR");
        }
        String item = Checks.code("itemCode", itemCode);
        Money.scale(currency);
        if (Money.CNY.equals(currency)) {
            throw new ValidationException("currency", "an import is priced in the supplier's currency, not CNY");
        }
        Checks.required("unitPrice", unitPrice);
        if (unitPrice.signum() <= 0 || unitPrice.stripTrailingZeros().scale() > 4 || unitPrice.precision() - unitPrice.scale() > 15) {
            throw new ValidationException("unitPrice", "unitPrice must be positive with at most 4 decimals");
        }
        Checks.required("incoterm", incoterm);
        if (leadDays == null || leadDays < 1 || leadDays > 365) {
            throw new ValidationException("leadDays", "leadDays must be 1 to 365");
        }
        return new NewImportOffer(c, supplier, country, item, currency, unitPrice, incoterm, leadDays,
                Checks.positive("capacityPerWeek", capacityPerWeek), Checks.required("validUntil", validUntil));
    }
}
